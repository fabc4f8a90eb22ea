import {
  CheckOutlined,
  CloseCircleOutlined,
  FileDoneOutlined,
  PrinterOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { useInvoiceOrder } from '../../accounting/document-queries.ts';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { salesPrintUrl, useOrderAction } from '../queries.ts';
import type { Order } from '../types.ts';

/** Translated confirm errors; over the credit limit the person may ask a manager instead. */
function ConfirmError({
  error,
  order,
  onRequest,
  pending,
}: {
  error: unknown;
  order: Order;
  onRequest: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const code = isApiError(error) ? error.code : '';
  const credit = code === 'sales.credit_limit_exceeded';
  const details = isApiError(error) ? error.details : {};
  const overdue = (credit ? details.overdue : code === 'sales.overdue_invoices' ? details : null) as Record<
    string,
    unknown
  > | null;
  const overdueText = overdue
    ? t('errors.sales.overdue_invoices', {
        invoices: overdue.invoices,
        amount: formatAmount(String(overdue.amount ?? ''), null),
        days: overdue.days,
        oldestDueDate: overdue.oldestDueDate,
      })
    : '';
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="confirm-error"
      title={
        credit
          ? [
              t('errors.sales.credit_limit_exceeded', {
                limit: formatAmount(String(details.limit ?? ''), null),
                exposure: formatAmount(String(details.exposure ?? ''), null),
                orderTotal: formatAmount(String(details.orderTotal ?? ''), null),
              }),
              overdueText,
            ]
              .filter(Boolean)
              .join(' ')
          : overdue
            ? overdueText
            : errorMessage(t, error)
      }
      action={
        (credit || overdue) && order.state === 'draft' ? (
          <Button size="small" onClick={onRequest} loading={pending} data-testid="request-approval">
            {t('sales.order.requestApproval')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** confirm / cancel / close / print, as the order's state and the role allow; confirm errors stay on screen. */
export function OrderActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useOrderAction(order);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const canConfirm = useHasPermission('sales.order.confirm');
  const canCancel = useHasPermission('sales.order.cancel');
  const canClose = useHasPermission('sales.order.close');
  const busy = (name: string) => action.isPending && action.variables?.action === name;
  const fail = (err: unknown) => message.error(errorMessage(t, err));
  const confirm = (requestApproval: boolean) =>
    action.mutate(
      { action: 'confirm', body: requestApproval ? { requestApproval: true } : undefined },
      {
        onSuccess: (saved) =>
          message.success(
            saved.state === 'awaiting_approval'
              ? t('sales.order.approvalRequested')
              : t('sales.order.confirmed'),
          ),
      },
    );
  const confirmError = action.isError && action.variables?.action === 'confirm' ? action.error : null;
  const navigate = useNavigate();
  const invoice = useInvoiceOrder(order.id);
  const canInvoice = useHasPermission('accounting.invoice.create');
  const canPlanCollections = useHasPermission('accounting.collection.manage');
  const canPostInvoice = useHasPermission('accounting.invoice.post');
  const [invoicing, setInvoicing] = useState(false);
  const [postNow, setPostNow] = useState(true);
  const canSeeInvoices = useHasPermission('accounting.invoice.read');
  const invoiceable = ['confirmed', 'partly_delivered', 'delivered', 'closed'].includes(order.state);

  return (
    <Flex vertical gap={0} style={{ minWidth: 0 }}>
      {confirmError ? (
        <ConfirmError
          error={confirmError}
          order={order}
          onRequest={() => confirm(true)}
          pending={busy('confirm')}
        />
      ) : null}
      <Flex gap={8} wrap>
        {order.state === 'draft' && canConfirm ? (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={busy('confirm')}
            onClick={() => confirm(false)}
            data-testid="order-confirm"
          >
            {t('sales.order.confirm')}
          </Button>
        ) : null}
        {invoiceable && canInvoice ? (
          <Button icon={<FileDoneOutlined />} onClick={() => setInvoicing(true)} data-testid="order-invoice">
            {t('sales.order.invoice')}
          </Button>
        ) : null}
        {canPlanCollections && ['confirmed', 'partly_delivered', 'delivered'].includes(order.state) ? (
          <Button
            onClick={() =>
              navigate(
                `/accounting/collections/new?${new URLSearchParams({
                  customerId: order.customerId,
                  originType: 'sales_order',
                  originId: order.id,
                  originNumber: order.number,
                  amount: order.total,
                })}`,
              )
            }
            data-testid="order-collection-plan"
          >
            {t('sales.order.collectionPlan')}
          </Button>
        ) : null}
        {canSeeInvoices && order.state !== 'draft' ? (
          <Button
            onClick={() => navigate(`/accounting/invoices?originId=${order.id}`)}
            data-testid="order-invoices"
          >
            {t('sales.order.invoices')}
          </Button>
        ) : null}
        <Button
          icon={<PrinterOutlined />}
          href={salesPrintUrl('sales-orders', order.id, currentLocale())}
          target="_blank"
          data-testid="order-print"
        >
          {t('sales.print')}
        </Button>
        {['partly_delivered', 'delivered'].includes(order.state) && canClose ? (
          <Popconfirm
            title={t('sales.order.closeConfirm')}
            onConfirm={() =>
              action.mutate(
                { action: 'close' },
                { onSuccess: () => message.success(t('sales.order.closed')), onError: fail },
              )
            }
          >
            <Button icon={<StopOutlined />} loading={busy('close')}>
              {t('sales.order.close')}
            </Button>
          </Popconfirm>
        ) : null}
        {['draft', 'awaiting_approval', 'confirmed'].includes(order.state) && canCancel ? (
          <Button danger icon={<CloseCircleOutlined />} onClick={() => setCancelling(true)}>
            {t('sales.order.cancel')}
          </Button>
        ) : null}
      </Flex>
      <Modal
        open={invoicing}
        title={t('sales.order.invoiceTitle', { number: order.number })}
        okText={t('sales.order.invoice')}
        okButtonProps={{ 'data-testid': 'order-invoice-confirm' } as Record<`data-${string}`, string>}
        confirmLoading={invoice.isPending}
        onCancel={() => setInvoicing(false)}
        onOk={() =>
          invoice.mutate(
            { post: canPostInvoice && postNow },
            {
              onSuccess: (made) => {
                setInvoicing(false);
                message.success(t('sales.order.invoiced', { number: made.number ?? '' }));
                if (canSeeInvoices) navigate(`/accounting/invoices/${made.id}`);
              },
              onError: fail,
            },
          )
        }
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <span>{t('sales.order.invoiceHint')}</span>
          {canPostInvoice ? (
            <Checkbox checked={postNow} onChange={(event) => setPostNow(event.target.checked)}>
              {t('sales.order.invoicePostNow')}
            </Checkbox>
          ) : null}
        </Flex>
      </Modal>
      <Modal
        open={cancelling}
        title={t('sales.order.cancelTitle', { number: order.number })}
        okText={t('sales.order.cancel')}
        okButtonProps={{ danger: true }}
        confirmLoading={busy('cancel')}
        onCancel={() => setCancelling(false)}
        onOk={() =>
          action.mutate(
            { action: 'cancel', body: reason.trim() ? { reason: reason.trim() } : undefined },
            {
              onSuccess: () => {
                setCancelling(false);
                message.success(t('sales.order.cancelled'));
              },
              onError: fail,
            },
          )
        }
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('sales.order.cancelReason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </Flex>
  );
}
