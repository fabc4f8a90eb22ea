import { Alert, Button, Checkbox, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { Decimal } from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../components/format.ts';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { AMOUNT, fixed, sum } from '../shared/money.ts';
import { PaymentStateTag } from '../shared/tags.tsx';
import type { InvoiceSummary } from '../types.ts';

/** Allocation amount above the invoice's residual, or not an amount. */
export function allocationError(text: string, invoice: InvoiceSummary): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  return !AMOUNT.test(trimmed) || new Decimal(trimmed).gt(invoice.residual);
}

/** The partner's open invoices with editable amounts (partial allowed); the rest stays the partner's credit. */
export function AllocationTable({
  invoices,
  amounts,
  amount,
  currency,
  loading,
  onChange,
  onSuggest,
}: {
  invoices: InvoiceSummary[];
  amounts: Record<string, string>;
  amount: string;
  currency: string;
  loading: boolean;
  onChange: (amounts: Record<string, string>) => void;
  onSuggest: () => void;
}) {
  const { t } = useTranslation();
  const allocated = sum(Object.values(amounts).filter((v) => AMOUNT.test(v.trim())));
  const paid = AMOUNT.test(amount.trim()) ? new Decimal(amount.trim()) : new Decimal(0);
  const rest = paid.minus(allocated);
  const set = (invoiceId: string, value: string | null) => {
    const next = { ...amounts };
    if (value === null) delete next[invoiceId];
    else next[invoiceId] = value;
    onChange(next);
  };
  const columns: TableColumnsType<InvoiceSummary> = [
    {
      title: '',
      key: 'pick',
      width: 36,
      render: (_, invoice) => (
        <Checkbox
          checked={invoice.id in amounts}
          onChange={(event) => set(invoice.id, event.target.checked ? invoice.residual : null)}
          aria-label={invoice.number ?? ''}
        />
      ),
    },
    {
      title: t('accounting.invoice.number'),
      key: 'number',
      render: (_, invoice) => (
        <Flex vertical style={{ minWidth: 110 }}>
          <Link to={`/accounting/invoices/${invoice.id}`} target="_blank">
            {invoice.number}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('accounting.payment.dueOn', { date: formatDate(invoice.dueDate) })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('accounting.invoice.paymentState'),
      dataIndex: 'paymentState',
      responsive: ['md'],
      render: (state: InvoiceSummary['paymentState']) => <PaymentStateTag state={state} />,
    },
    {
      title: t('accounting.invoice.residual'),
      dataIndex: 'residual',
      align: 'right',
      render: (value: string) => formatAmount(value),
    },
    {
      title: t('accounting.payment.allocate'),
      key: 'amount',
      render: (_, invoice) => (
        <Input
          inputMode="decimal"
          style={{ width: 120 }}
          value={amounts[invoice.id] ?? ''}
          status={allocationError(amounts[invoice.id] ?? '', invoice) ? 'error' : undefined}
          onChange={(event) => set(invoice.id, event.target.value === '' ? null : event.target.value)}
          data-testid={`allocation-${invoice.number}`}
        />
      ),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" wrap gap={8} align="center">
        <Typography.Text strong>{t('accounting.payment.openInvoices')}</Typography.Text>
        <Button onClick={onSuggest} disabled={invoices.length === 0} data-testid="suggest-allocation">
          {t('accounting.payment.suggest')}
        </Button>
      </Flex>
      <Table<InvoiceSummary>
        rowKey="id"
        columns={columns}
        dataSource={invoices}
        loading={loading}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('accounting.payment.noOpenInvoices') }}
        data-testid="allocation-table"
      />
      <Flex justify="flex-end" gap={16} wrap data-testid="allocation-summary">
        <span>
          {t('accounting.payment.allocated')}:{' '}
          <Typography.Text strong>{formatAmount(fixed(allocated), currency)}</Typography.Text>
        </span>
        <Typography.Text type={rest.isNegative() ? 'danger' : undefined}>
          {t('accounting.payment.unallocated')}:{' '}
          <Typography.Text strong>{formatAmount(fixed(rest), currency)}</Typography.Text>
        </Typography.Text>
      </Flex>
      {rest.isNegative() ? (
        <Alert type="error" showIcon title={t('accounting.payment.overAllocated')} />
      ) : null}
      {rest.gt(0) && Object.keys(amounts).length > 0 ? (
        <Alert type="info" showIcon title={t('accounting.payment.restIsCredit')} />
      ) : null}
    </Flex>
  );
}
