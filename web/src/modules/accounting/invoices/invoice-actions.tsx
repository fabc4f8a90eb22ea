import {
  CheckOutlined,
  CloseCircleOutlined,
  DollarOutlined,
  FileTextOutlined,
  PrinterOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { invoicePrintUrl, useInvoiceAction } from '../document-queries.ts';
import type { Invoice } from '../types.ts';

type Dialog = 'cancel' | 'credit' | 'einvoice' | null;

/** Post, cancel, credit note (红字), e-invoice number (数电票号码), register payment and print, by state and role. */
export function InvoiceActions({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const action = useInvoiceAction(invoice);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [postCredit, setPostCredit] = useState(true);
  const [eNumber, setENumber] = useState(invoice.eInvoiceNumber ?? '');
  const [eDate, setEDate] = useState<Dayjs | null>(
    invoice.eInvoiceDate ? dayjs(invoice.eInvoiceDate) : dayjs(),
  );
  const canPost = useHasPermission('accounting.invoice.post');
  const canCancel = useHasPermission('accounting.invoice.cancel');
  const canCreate = useHasPermission('accounting.invoice.create');
  const canPay = useHasPermission('accounting.payment.create');
  const busy = (name: string) => action.isPending && action.variables?.action === name;
  const fail = (err: unknown) => message.error(errorMessage(t, err));
  const posted = invoice.state === 'posted';
  const isCredit = invoice.kind.endsWith('credit_note');
  const customerSide = invoice.kind.startsWith('customer');
  const eNumberValid = /^\d{8,20}$/.test(eNumber.trim());
  const close = () => {
    setDialog(null);
    setReason('');
  };

  return (
    <Flex gap={8} wrap>
      {invoice.state === 'draft' && canPost ? (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy('post')}
          onClick={() =>
            action.mutate(
              { action: 'post' },
              {
                onSuccess: (saved) =>
                  message.success(t('accounting.invoice.postedAs', { number: saved.number })),
                onError: fail,
              },
            )
          }
          data-testid="invoice-post"
        >
          {t('accounting.invoice.post')}
        </Button>
      ) : null}
      {posted && !isCredit && invoice.paymentState !== 'paid' && canPay ? (
        <Button
          type="primary"
          icon={<DollarOutlined />}
          onClick={() =>
            navigate(
              `/accounting/payments/new?direction=${customerSide ? 'inbound' : 'outbound'}&partnerId=${invoice.partnerId}&invoiceId=${invoice.id}`,
            )
          }
          data-testid="invoice-register-payment"
        >
          {customerSide ? t('accounting.invoice.registerReceipt') : t('accounting.invoice.registerPayment')}
        </Button>
      ) : null}
      {posted && customerSide && !isCredit && canPost ? (
        <Button
          icon={<FileTextOutlined />}
          onClick={() => setDialog('einvoice')}
          data-testid="invoice-e-invoice"
        >
          {t('accounting.invoice.eInvoice')}
        </Button>
      ) : null}
      {posted && !isCredit && canCreate ? (
        <Button
          icon={<RollbackOutlined />}
          onClick={() => setDialog('credit')}
          data-testid="invoice-credit-note"
        >
          {t('accounting.invoice.creditNote')}
        </Button>
      ) : null}
      <Button
        icon={<PrinterOutlined />}
        href={invoicePrintUrl(invoice.id, currentLocale())}
        target="_blank"
        data-testid="invoice-print"
      >
        {t('accounting.print')}
      </Button>
      {(invoice.state === 'draft' || (posted && invoice.paymentState === 'not_paid')) && canCancel ? (
        <Button
          danger
          icon={<CloseCircleOutlined />}
          onClick={() => setDialog('cancel')}
          data-testid="invoice-cancel"
        >
          {t('accounting.invoice.cancel')}
        </Button>
      ) : null}
      <Modal
        open={dialog === 'cancel' || dialog === 'credit'}
        title={
          dialog === 'cancel'
            ? t('accounting.invoice.cancelTitle', { number: invoice.number ?? '' })
            : t('accounting.invoice.creditTitle', { number: invoice.number ?? '' })
        }
        okText={dialog === 'cancel' ? t('accounting.invoice.cancel') : t('accounting.invoice.creditNote')}
        okButtonProps={{ danger: dialog === 'cancel', disabled: !reason.trim() }}
        confirmLoading={busy('cancel') || busy('credit-note')}
        onCancel={close}
        onOk={() =>
          action.mutate(
            dialog === 'cancel'
              ? { action: 'cancel', body: { reason: reason.trim() } }
              : { action: 'credit-note', body: { reason: reason.trim(), post: postCredit } },
            {
              onSuccess: (saved) => {
                const wasCancel = dialog === 'cancel';
                close();
                if (wasCancel) message.success(t('accounting.invoice.cancelled'));
                else {
                  message.success(t('accounting.invoice.creditCreated'));
                  navigate(`/accounting/invoices/${saved.id}`);
                }
              },
              onError: fail,
            },
          )
        }
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <span>
            {dialog === 'cancel' ? t('accounting.invoice.cancelHint') : t('accounting.invoice.creditHint')}
          </span>
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('accounting.invoice.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid="invoice-reason"
          />
          {dialog === 'credit' && canPost ? (
            <Checkbox checked={postCredit} onChange={(event) => setPostCredit(event.target.checked)}>
              {t('accounting.invoice.postCreditNow')}
            </Checkbox>
          ) : null}
        </Flex>
      </Modal>
      <Modal
        open={dialog === 'einvoice'}
        title={t('accounting.invoice.eInvoiceTitle')}
        okButtonProps={{ disabled: !eNumberValid || !eDate }}
        confirmLoading={busy('e-invoice')}
        onCancel={close}
        onOk={() =>
          action.mutate(
            {
              action: 'e-invoice',
              body: { eInvoiceNumber: eNumber.trim(), eInvoiceDate: eDate?.format('YYYY-MM-DD') },
            },
            {
              onSuccess: () => {
                close();
                message.success(t('accounting.invoice.eInvoiceSaved'));
              },
              onError: fail,
            },
          )
        }
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item
            label={t('accounting.invoice.eInvoiceNumber')}
            validateStatus={eNumber && !eNumberValid ? 'error' : undefined}
            help={eNumber && !eNumberValid ? t('accounting.invoice.eInvoiceRule') : undefined}
          >
            <Input
              inputMode="numeric"
              maxLength={20}
              value={eNumber}
              onChange={(event) => setENumber(event.target.value)}
              data-testid="e-invoice-number"
            />
          </Form.Item>
          <Form.Item label={t('accounting.invoice.eInvoiceDate')}>
            <DatePicker value={eDate} onChange={setEDate} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
