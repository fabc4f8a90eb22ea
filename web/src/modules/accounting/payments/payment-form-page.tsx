import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Decimal } from 'decimal.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useCreatePayment, useOpenInvoices } from '../document-queries.ts';
import { AccountSelect } from '../shared/account-select.tsx';
import { AMOUNT, positiveAmount, sum } from '../shared/money.ts';
import { PartnerSelect } from '../shared/partner-select.tsx';
import type { Direction, PaymentInput } from '../types.ts';
import { suggestAllocations } from './allocation.ts';
import { AllocationTable, allocationError } from './allocation-table.tsx';

const KINDS: Record<Direction, string[]> = { inbound: ['customer_invoice'], outbound: ['supplier_bill'] };

function Label({ children }: { children: string }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

/**
 * Register a customer receipt or a supplier payment: bank or cash account, amount, and its allocation to
 * the partner's open invoices (oldest first suggested, amounts editable, partial allowed).
 */
export function NewPaymentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const session = useSession();
  const [params] = useSearchParams();
  const create = useCreatePayment();
  const [direction, setDirection] = useState<Direction>(
    params.get('direction') === 'outbound' ? 'outbound' : 'inbound',
  );
  const [partnerId, setPartnerId] = useState<string | undefined>(params.get('partnerId') ?? undefined);
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [accountId, setAccountId] = useState<string | undefined>();
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<string | undefined>();
  const [reference, setReference] = useState('');
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  // Until the person edits an allocation, it follows the amount (oldest first).
  const [touched, setTouched] = useState(false);
  const open = useOpenInvoices(partnerId, KINDS[direction]);
  const preset = params.get('invoiceId');
  const all = open.data ?? [];
  const currencies = [...new Set([session.company.currency, ...all.map((invoice) => invoice.currency)])];
  const payCurrency =
    currency ?? all.find((invoice) => invoice.id === preset)?.currency ?? session.company.currency;
  const invoices = all.filter((invoice) => invoice.currency === payCurrency);

  // Arriving from an invoice: pay its residual, allocated to it.
  useEffect(() => {
    const invoice = all.find((item) => item.id === preset);
    if (!invoice || amount) return;
    setAmount(invoice.residual);
    setAmounts({ [invoice.id]: invoice.residual });
    setTouched(true);
  }, [all, preset, amount]);

  const onAmount = (value: string) => {
    setAmount(value);
    if (!touched) setAmounts(suggestAllocations(AMOUNT.test(value.trim()) ? value.trim() : '', invoices));
  };
  const paid = positiveAmount(amount);
  const allocations = Object.entries(amounts)
    .map(([invoiceId, value]) => ({ invoiceId, amount: positiveAmount(value) }))
    .filter((a): a is { invoiceId: string; amount: string } => a.amount !== null);
  const badRow = invoices.some((invoice) => allocationError(amounts[invoice.id] ?? '', invoice));
  const over = paid ? sum(allocations.map((a) => a.amount)).gt(new Decimal(paid)) : false;
  const ready = Boolean(partnerId && accountId && paid && date) && !badRow && !over;

  const submit = () => {
    if (!ready || !partnerId || !accountId || !paid || !date) return;
    const input: PaymentInput = {
      direction,
      partnerId,
      paymentDate: date.format('YYYY-MM-DD'),
      accountId,
      currency: payCurrency,
      amount: paid,
      reference: reference.trim() || undefined,
      allocations,
    };
    create.mutate(input, {
      onSuccess: (payment) => {
        message.success(t('accounting.payment.registered', { number: payment.number }));
        navigate(`/accounting/payments/${payment.id}`);
      },
    });
  };

  return (
    <>
      <Link to="/accounting/payments" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('accounting.payments.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('accounting.payments.new')}
        </Typography.Title>
        <Radio.Group
          value={direction}
          onChange={(event) => {
            setDirection(event.target.value);
            setAmounts({});
            setTouched(false);
          }}
          optionType="button"
          options={[
            { value: 'inbound', label: t('accounting.direction.inbound') },
            { value: 'outbound', label: t('accounting.direction.outbound') },
          ]}
          style={{ marginBottom: 16 }}
        />
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <Label>
              {direction === 'inbound' ? t('accounting.payment.customer') : t('accounting.payment.supplier')}
            </Label>
            <PartnerSelect
              value={partnerId}
              onChange={(value) => {
                setPartnerId(value);
                setAmounts({});
                setTouched(false);
              }}
              style={{ width: '100%' }}
              data-testid="payment-partner"
            />
          </Col>
          <Col xs={24} md={12}>
            <Label>{t('accounting.payment.account')}</Label>
            <AccountSelect
              filter={(account) =>
                account.cashFlow && (!account.currency || account.currency === payCurrency)
              }
              value={accountId}
              onChange={setAccountId}
              style={{ width: '100%' }}
              data-testid="payment-account"
            />
          </Col>
          <Col xs={12} md={6}>
            <Label>{t('accounting.payment.date')}</Label>
            <DatePicker value={date} onChange={setDate} allowClear={false} style={{ width: '100%' }} />
          </Col>
          <Col xs={12} md={4}>
            <Label>{t('accounting.payment.currency')}</Label>
            <Select
              value={payCurrency}
              onChange={(value) => {
                setCurrency(value);
                setAmounts({});
                setTouched(false);
              }}
              options={currencies.map((code) => ({ value: code, label: code }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Label>{t('accounting.payment.amount')}</Label>
            <Input
              inputMode="decimal"
              value={amount}
              status={amount && !paid ? 'error' : undefined}
              onChange={(event) => onAmount(event.target.value)}
              data-testid="payment-amount"
            />
          </Col>
          <Col xs={12} md={8}>
            <Label>{t('accounting.payment.reference')}</Label>
            <Input value={reference} maxLength={200} onChange={(event) => setReference(event.target.value)} />
          </Col>
        </Row>
      </Card>
      <Card styles={{ body: { padding: isPhone ? 10 : 16 } }}>
        {partnerId ? (
          <AllocationTable
            invoices={invoices}
            amounts={amounts}
            amount={amount}
            currency={payCurrency}
            loading={open.isFetching}
            onChange={(next) => {
              setAmounts(next);
              setTouched(true);
            }}
            onSuggest={() => {
              setAmounts(suggestAllocations(paid ?? '', invoices));
              setTouched(false);
            }}
          />
        ) : (
          <Typography.Text type="secondary">{t('accounting.payment.pickPartnerFirst')}</Typography.Text>
        )}
        {create.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, create.error)} style={{ marginTop: 16 }} />
        ) : null}
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!ready}
            loading={create.isPending}
            onClick={submit}
            data-testid="payment-save"
          >
            {t('accounting.payment.register')}
          </Button>
        </Flex>
      </Card>
    </>
  );
}
