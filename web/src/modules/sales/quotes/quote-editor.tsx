import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { useLocalized } from '../../../i18n/localized.ts';
import { usePriceLists, useTaxCodes } from '../../catalog/queries.ts';
import { formatAmount, QTY, sign } from '../../catalog/shared/numbers.ts';
import { useDefaultWarehouse, WarehouseSelect } from '../../inventory/shared/warehouse-select.tsx';
import { useSaveQuote } from '../queries.ts';
import { documentTotals } from '../shared/amounts.ts';
import { CustomerPicker, useContacts, useCustomer } from '../shared/customer-picker.tsx';
import type { Quote, QuoteInput } from '../types.ts';
import { type DraftLine, emptyLine, fromView, toInput } from './line-state.ts';
import { amountsOf, QuoteLines } from './quote-lines.tsx';

interface Header {
  customerId: string | null;
  customerLabel: string;
  contactId: string | null;
  priceListId: string | null;
  warehouseId: string | null;
  currency: string;
  validUntil: string | null;
  notes: string;
}

function headerOf(quote: Quote | undefined, currency: string, customerId: string | null): Header {
  return {
    customerId: quote?.customerId ?? customerId,
    customerLabel: quote?.customerName ?? '',
    contactId: quote?.contactId ?? null,
    priceListId: quote?.priceListId ?? null,
    warehouseId: quote?.warehouseId ?? null,
    currency: quote?.currency ?? currency,
    validUntil: quote?.validUntil ?? null,
    notes: quote?.notes ?? '',
  };
}

function Totals({ lines, currency }: { lines: DraftLine[]; currency: string }) {
  const { t } = useTranslation();
  const taxCodes = useTaxCodes();
  const totals = documentTotals(
    lines.filter((line) => line.productId).map((line) => amountsOf(line, taxCodes.data)),
  );
  return (
    <Card size="small" data-testid="quote-totals">
      <Flex gap={32} wrap justify="flex-end">
        <Statistic title={t('sales.totals.subtotal')} value={formatAmount(totals.subtotal, currency)} />
        <Statistic title={t('sales.totals.tax')} value={formatAmount(totals.taxTotal, currency)} />
        <Statistic
          title={t('sales.totals.total')}
          value={formatAmount(totals.total, currency)}
          styles={{ content: { fontWeight: 600 } }}
          data-testid="quote-total"
        />
      </Flex>
      {totals.incomplete > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={t('sales.totals.incomplete', { count: totals.incomplete })}
        />
      ) : null}
    </Card>
  );
}

/** A new quote, or a draft one being edited: header, lines with live prices and totals, save. */
export function QuoteEditor({
  quote,
  initialCustomerId = null,
  onSaved,
}: {
  quote?: Quote;
  initialCustomerId?: string | null;
  onSaved: (quote: Quote) => void;
}) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const session = useSession();
  const [header, setHeader] = useState<Header>(() =>
    headerOf(quote, session.company.currency, initialCustomerId),
  );
  const [lines, setLines] = useState<DraftLine[]>(() =>
    quote?.lines?.length ? quote.lines.map((line) => fromView(line, pick(line.productName))) : [emptyLine()],
  );
  const [problem, setProblem] = useState<string | null>(null);
  const fallbackWarehouse = useDefaultWarehouse();
  const warehouseId = header.warehouseId ?? fallbackWarehouse?.id ?? null;
  const contacts = useContacts(header.customerId);
  // Opened from a customer (?customerId=): its name for the picker, its currency for the quote.
  const preset = useCustomer(quote || header.customerLabel ? null : header.customerId);
  const presetName = preset.data?.name;
  const presetCurrency = preset.data?.currency;
  useEffect(() => {
    if (presetName)
      setHeader((current) => ({
        ...current,
        customerLabel: presetName,
        currency: presetCurrency ?? current.currency,
      }));
  }, [presetName, presetCurrency]);
  const priceLists = usePriceLists();
  const save = useSaveQuote(quote);
  const set = (patch: Partial<Header>) => setHeader((current) => ({ ...current, ...patch }));
  const context = useMemo(
    () => ({
      customerId: header.customerId,
      currency: header.currency,
      priceListId: header.priceListId,
      warehouseId,
    }),
    [header.customerId, header.currency, header.priceListId, warehouseId],
  );

  const submit = () => {
    const filled = lines.filter((line) => line.productId);
    if (!header.customerId) return setProblem(t('sales.quote.needCustomer'));
    if (filled.length === 0) return setProblem(t('sales.quote.needLine'));
    if (filled.some((line) => !QTY.test(line.qty.trim()) || sign(line.qty) <= 0))
      return setProblem(t('sales.quote.badQty'));
    setProblem(null);
    const input: QuoteInput = {
      customerId: header.customerId,
      contactId: header.contactId,
      priceListId: header.priceListId,
      ...(warehouseId ? { warehouseId } : {}),
      currency: header.currency,
      validUntil: header.validUntil,
      notes: header.notes,
      lines: filled.map(toInput).filter((line) => line !== null),
    };
    save.mutate(input, { onSuccess: onSaved });
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Form layout="vertical">
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label={t('sales.quote.customer')} required>
                <CustomerPicker
                  value={header.customerId ?? undefined}
                  initialLabel={header.customerLabel}
                  disabled={Boolean(quote)}
                  placeholder={t('sales.quote.pickCustomer')}
                  onPicked={(customer) =>
                    set({
                      customerId: customer.id,
                      customerLabel: customer.name,
                      contactId: null,
                      currency: customer.currency ?? header.currency,
                    })
                  }
                  data-testid="quote-customer"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={8}>
              <Form.Item label={t('sales.quote.contact')}>
                <Select
                  allowClear
                  value={header.contactId ?? undefined}
                  onChange={(contactId) => set({ contactId: contactId ?? null })}
                  loading={contacts.isFetching}
                  disabled={!header.customerId}
                  options={(contacts.data ?? []).map((contact) => ({
                    value: contact.id,
                    label: contact.name,
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={8}>
              <Form.Item label={t('sales.quote.priceList')}>
                <Select
                  allowClear
                  placeholder={t('sales.quote.priceListAuto')}
                  value={header.priceListId ?? undefined}
                  onChange={(priceListId) => set({ priceListId: priceListId ?? null })}
                  options={flattenPages(priceLists.data)
                    .filter((list) => list.active && list.currency === header.currency)
                    .map((list) => ({ value: list.id, label: `${list.code} · ${pick(list.name)}` }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={8}>
              <Form.Item label={t('sales.quote.warehouse')}>
                <WarehouseSelect
                  value={warehouseId ?? undefined}
                  onChange={(id) => set({ warehouseId: id })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} md={4}>
              <Form.Item label={t('catalog.product.currency')}>
                <Input
                  maxLength={3}
                  value={header.currency}
                  onChange={(event) => set({ currency: event.target.value.toUpperCase() })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} md={4}>
              <Form.Item label={t('sales.quote.validUntil')}>
                <DatePicker
                  value={header.validUntil ? dayjs(header.validUntil) : null}
                  onChange={(value) => set({ validUntil: value ? value.format('YYYY-MM-DD') : null })}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('sales.quote.notes')}>
                <Input.TextArea
                  rows={1}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={4000}
                  value={header.notes}
                  onChange={(event) => set({ notes: event.target.value })}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <QuoteLines lines={lines} context={context} setLines={setLines} />
      <Totals lines={lines} currency={header.currency} />
      {problem ? <Alert type="warning" showIcon title={problem} /> : null}
      {save.isError ? <Alert type="error" showIcon title={errorMessage(t, save.error)} /> : null}
      <Flex justify="flex-end">
        <Button
          type="primary"
          size="large"
          icon={<SaveOutlined />}
          loading={save.isPending}
          onClick={submit}
          data-testid="quote-save"
        >
          {quote ? t('sales.quote.saveChanges') : t('sales.quote.create')}
        </Button>
      </Flex>
    </Flex>
  );
}
