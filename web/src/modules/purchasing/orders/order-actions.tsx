import {
  CheckOutlined,
  CloseCircleOutlined,
  EditOutlined,
  FileAddOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Popconfirm } from 'antd';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { purchasingPrintUrl, usePurchaseOrderAction } from '../queries.ts';
import { billableQty } from '../shared/quantities.ts';
import type { Order, OrderState } from '../types.ts';
import { BillModal } from './bill-modal.tsx';
import { ReturnModal } from './return-modal.tsx';

const EDITABLE: OrderState[] = ['draft', 'sent'];
const CLOSABLE: OrderState[] = ['confirmed', 'partly_received', 'received', 'billed'];
const BILLABLE: OrderState[] = ['confirmed', 'partly_received', 'received', 'billed'];

/** edit / send / confirm / cancel / close / enter the bill, as the order's state and the role allow. */
export function PurchaseOrderActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const action = usePurchaseOrderAction(order);
  const canCreate = useHasPermission('purchasing.order.create');
  const canConfirm = useHasPermission('purchasing.order.confirm');
  const canClose = useHasPermission('purchasing.order.close');
  const canBill = useHasPermission('purchasing.bill.create');
  const canReturn = useHasPermission('purchasing.return.create');
  const [returning, setReturning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [billing, setBilling] = useState(false);
  const [reason, setReason] = useState('');
  const busy = (name: string) => action.isPending && action.variables?.action === name;
  const fail = (err: unknown) => message.error(errorMessage(t, err));
  const nothingReceived = order.lines.every((line) => new Decimal(line.qtyReceived).isZero());
  const anythingToBill = order.lines.some((line) => billableQty(line).gt(0));
  const anythingToReturn = order.lines.some((line) => new Decimal(line.qtyReceived).gt(line.qtyReturned));

  const confirm = () =>
    action.mutate(
      { action: 'confirm' },
      {
        onSuccess: (saved) =>
          message.success(
            saved.state === 'awaiting_approval'
              ? t('purchasing.order.approvalRequested')
              : t('purchasing.order.confirmedMessage'),
          ),
        onError: fail,
      },
    );

  return (
    <Flex gap={8} wrap>
      {EDITABLE.includes(order.state) && canCreate ? (
        <Button
          icon={<EditOutlined />}
          onClick={() => navigate(`/purchasing/orders/${order.id}/edit`)}
          data-testid="po-edit"
        >
          {t('purchasing.common.edit')}
        </Button>
      ) : null}
      {order.state === 'draft' && canCreate ? (
        <Button
          icon={<SendOutlined />}
          loading={busy('send')}
          onClick={() =>
            action.mutate(
              { action: 'send' },
              { onSuccess: () => message.success(t('purchasing.order.sentMessage')), onError: fail },
            )
          }
          data-testid="po-send"
        >
          {t('purchasing.order.send')}
        </Button>
      ) : null}
      {EDITABLE.includes(order.state) && canConfirm ? (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy('confirm')}
          onClick={confirm}
          data-testid="po-confirm"
        >
          {t('purchasing.order.confirm')}
        </Button>
      ) : null}
      {BILLABLE.includes(order.state) && canBill && anythingToBill ? (
        <Button icon={<FileAddOutlined />} onClick={() => setBilling(true)} data-testid="po-bill">
          {t('purchasing.order.createBill')}
        </Button>
      ) : null}
      {canReturn && anythingToReturn && order.state !== 'cancelled' ? (
        <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="po-return">
          {t('purchasing.return.action')}
        </Button>
      ) : null}
      <Button
        icon={<PrinterOutlined />}
        href={purchasingPrintUrl(order.id, currentLocale())}
        target="_blank"
        data-testid="po-print"
      >
        {t('purchasing.order.print')}
      </Button>
      {CLOSABLE.includes(order.state) && canClose ? (
        <Popconfirm
          title={t('purchasing.order.closeConfirm')}
          onConfirm={() =>
            action.mutate(
              { action: 'close' },
              { onSuccess: () => message.success(t('purchasing.order.closedMessage')), onError: fail },
            )
          }
        >
          <Button icon={<StopOutlined />} loading={busy('close')} data-testid="po-close">
            {t('purchasing.order.close')}
          </Button>
        </Popconfirm>
      ) : null}
      {[...EDITABLE, 'awaiting_approval', 'confirmed'].includes(order.state) &&
      nothingReceived &&
      canCreate ? (
        <Button
          danger
          icon={<CloseCircleOutlined />}
          onClick={() => setCancelling(true)}
          data-testid="po-cancel"
        >
          {t('purchasing.order.cancel')}
        </Button>
      ) : null}
      <Modal
        open={cancelling}
        title={t('purchasing.order.cancelTitle', { number: order.number })}
        okText={t('purchasing.order.cancel')}
        okButtonProps={{ danger: true }}
        confirmLoading={busy('cancel')}
        onCancel={() => setCancelling(false)}
        onOk={() =>
          action.mutate(
            { action: 'cancel', reason: reason.trim() || undefined },
            {
              onSuccess: () => {
                setCancelling(false);
                message.success(t('purchasing.order.cancelledMessage'));
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
          placeholder={t('purchasing.order.cancelReason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
      {billing ? <BillModal order={order} onClose={() => setBilling(false)} /> : null}
      {returning ? <ReturnModal order={order} onClose={() => setReturning(false)} /> : null}
    </Flex>
  );
}
