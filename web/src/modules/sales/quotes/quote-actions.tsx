import { CheckOutlined, CloseOutlined, EditOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps, Flex, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { salesPrintUrl, useQuoteAction } from '../queries.ts';
import type { Quote } from '../types.ts';

const OPEN = ['draft', 'sent'];

function SendDialog({
  open,
  onClose,
  onSend,
  pending,
}: {
  open: boolean;
  onClose: () => void;
  onSend: (to: string) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  return (
    <Modal
      open={open}
      title={t('sales.quote.sendTitle')}
      okText={t('sales.quote.send')}
      confirmLoading={pending}
      onOk={() => onSend(to.trim())}
      onCancel={onClose}
      destroyOnHidden
    >
      <Input
        type="email"
        placeholder={t('sales.quote.sendTo')}
        value={to}
        onChange={(event) => setTo(event.target.value)}
      />
    </Modal>
  );
}

/** send / revise / accept (→ the new order) / cancel / print, as the quote's state and the role allow. */
export function QuoteActions({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const action = useQuoteAction(quote);
  const [sending, setSending] = useState(false);
  const canSend = useHasPermission('sales.quote.send');
  const canAccept = useHasPermission('sales.quote.accept');
  const canUpdate = useHasPermission('sales.quote.update');
  const open = OPEN.includes(quote.state);
  const fail = (err: unknown) => message.error(errorMessage(t, err));
  const busy = (name: string) => action.isPending && action.variables?.action === name;

  return (
    <Flex gap={8} wrap>
      {open && canAccept ? (
        <Popconfirm
          title={t('sales.quote.acceptConfirm')}
          onConfirm={() =>
            action.mutate(
              { action: 'accept' },
              {
                onSuccess: (result) => {
                  const orderId = 'orderId' in result ? result.orderId : null;
                  message.success(t('sales.quote.accepted'));
                  if (orderId) navigate(`/sales/orders/${orderId}`);
                },
                onError: fail,
              },
            )
          }
          okButtonProps={{ 'data-testid': 'accept-confirm' } as ButtonProps}
        >
          <Button type="primary" icon={<CheckOutlined />} loading={busy('accept')} data-testid="quote-accept">
            {t('sales.quote.accept')}
          </Button>
        </Popconfirm>
      ) : null}
      {open && canSend ? (
        <Button icon={<SendOutlined />} onClick={() => setSending(true)} data-testid="quote-send">
          {t('sales.quote.send')}
        </Button>
      ) : null}
      {canUpdate && ['sent', 'expired', 'rejected'].includes(quote.state) ? (
        <Button
          icon={<EditOutlined />}
          loading={busy('revise')}
          onClick={() =>
            action.mutate(
              { action: 'revise' },
              {
                onSuccess: (result) => {
                  const next = 'quote' in result ? result.quote : result;
                  message.success(t('sales.quote.revised', { revision: next.revision }));
                  navigate(`/sales/quotes/${next.id}`);
                },
                onError: fail,
              },
            )
          }
          data-testid="quote-revise"
        >
          {t('sales.quote.revise')}
        </Button>
      ) : null}
      <Button
        icon={<PrinterOutlined />}
        href={salesPrintUrl('quotes', quote.id, currentLocale())}
        target="_blank"
        data-testid="quote-print"
      >
        {t('sales.print')}
      </Button>
      {canUpdate && (open || quote.state === 'expired') ? (
        <Popconfirm
          title={t('sales.quote.cancelConfirm')}
          onConfirm={() =>
            action.mutate(
              { action: 'cancel' },
              { onSuccess: () => message.success(t('sales.quote.cancelled')), onError: fail },
            )
          }
        >
          <Button danger icon={<CloseOutlined />} loading={busy('cancel')}>
            {t('sales.quote.cancel')}
          </Button>
        </Popconfirm>
      ) : null}
      <SendDialog
        open={sending}
        pending={busy('send')}
        onClose={() => setSending(false)}
        onSend={(to) =>
          action.mutate(
            { action: 'send', body: { ...(to ? { to } : {}), lang: currentLocale() } },
            {
              onSuccess: () => {
                setSending(false);
                message.success(t('sales.quote.sent'));
              },
              onError: fail,
            },
          )
        }
      />
    </Flex>
  );
}
