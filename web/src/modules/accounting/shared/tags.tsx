import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntryState, InvoiceState, PaymentState } from '../types.ts';

const ENTRY_COLORS: Record<EntryState, string> = { draft: 'default', posted: 'green' };
const INVOICE_COLORS: Record<InvoiceState, string> = { draft: 'default', posted: 'blue', cancelled: 'red' };
const PAYMENT_COLORS: Record<PaymentState, string> = { not_paid: 'orange', partial: 'gold', paid: 'green' };

export function EntryStateTag({ state, reviewed }: { state: EntryState; reviewed?: boolean }) {
  const { t } = useTranslation();
  const key = state === 'draft' && reviewed ? 'reviewed' : state;
  return (
    <Tag color={key === 'reviewed' ? 'blue' : ENTRY_COLORS[state]} data-testid="entry-state">
      {t(`accounting.entryState.${key}`)}
    </Tag>
  );
}

export function InvoiceStateTag({ state }: { state: InvoiceState }) {
  const { t } = useTranslation();
  return (
    <Tag color={INVOICE_COLORS[state]} data-testid="invoice-state">
      {t(`accounting.invoiceState.${state}`, { defaultValue: state })}
    </Tag>
  );
}

export function PaymentStateTag({ state }: { state: PaymentState }) {
  const { t } = useTranslation();
  return (
    <Tag color={PAYMENT_COLORS[state]} data-testid="payment-state" data-state={state}>
      {t(`accounting.paymentState.${state}`, { defaultValue: state })}
    </Tag>
  );
}
