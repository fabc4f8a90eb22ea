import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useQuote } from '../queries.ts';
import { LineAvailability } from '../shared/line-availability.tsx';
import { LinesTable, TotalsLine } from '../shared/lines-table.tsx';
import { QuoteStateTag } from '../shared/state-tags.tsx';
import type { LineView, Quote } from '../types.ts';
import { QuoteActions } from './quote-actions.tsx';
import { QuoteEditor } from './quote-editor.tsx';

function Header({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
      <Flex justify="space-between" gap={12} wrap align="flex-start">
        <Flex vertical gap={6} style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="quote-number">
            {quote.number}
            {quote.revision > 1 ? ` · ${t('sales.quote.revisionShort', { revision: quote.revision })}` : ''}
          </Typography.Title>
          <Flex gap={8} wrap align="center">
            <QuoteStateTag state={quote.state} />
            <Link to={`/crm/customers/${quote.customerId}`}>{quote.customerName ?? quote.customerId}</Link>
            {quote.orderId ? (
              <Link to={`/sales/orders/${quote.orderId}`} data-testid="quote-order-link">
                {t('sales.quote.openOrder')}
              </Link>
            ) : null}
          </Flex>
        </Flex>
        <Flex gap={8} wrap>
          <QuoteActions quote={quote} />
          <RecordHistory entity="sales.quote" entityId={quote.id} />
        </Flex>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('sales.quote.quoteDate')}>
          {formatDate(quote.quoteDate)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.quote.validUntil')}>
          {formatDate(quote.validUntil) || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('sales.quote.owner')}>
          {quote.ownerName ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.product.currency')}>{quote.currency}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function ReadOnly({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const open = quote.state === 'draft' || quote.state === 'sent';
  return (
    <Card>
      <LinesTable<LineView>
        lines={quote.lines ?? []}
        currency={quote.currency}
        testId="quote-lines"
        extra={
          open
            ? [
                {
                  title: t('sales.lines.availability'),
                  key: 'availability',
                  render: (_, line) => (
                    <LineAvailability
                      productId={line.productId}
                      warehouseId={quote.warehouseId}
                      qtyBase={line.qtyBase}
                    />
                  ),
                },
              ]
            : []
        }
      />
      <TotalsLine
        subtotal={quote.subtotal}
        tax={quote.taxTotal}
        total={quote.total}
        currency={quote.currency}
      />
      {quote.notes ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
          {quote.notes}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

/** A quote: a draft is edited in place; a sent or closed one is shown with its actions. */
export function QuotePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const quote = useQuote(id);
  const canUpdate = useHasPermission('sales.quote.update');

  if (quote.isPending) return <Skeleton active />;
  if (quote.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, quote.error)}
        extra={<Button onClick={() => navigate('/sales/quotes')}>{t('sales.quotes.backToList')}</Button>}
      />
    );
  const data = quote.data;
  return (
    <>
      <Link to="/sales/quotes" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('sales.quotes.backToList')}
      </Link>
      <Header quote={data} />
      {data.state === 'draft' && canUpdate ? (
        <QuoteEditor
          key={`${data.id}:${data.version}`}
          quote={data}
          onSaved={() => message.success(t('sales.quote.saved'))}
        />
      ) : (
        <ReadOnly quote={data} />
      )}
    </>
  );
}

/** A new quote, optionally for `?customerId=` (from the customer page). */
export function NewQuotePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <>
      <Link to="/sales/quotes" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('sales.quotes.backToList')}
      </Link>
      <PageHeader title={t('sales.quotes.newTitle')} />
      <QuoteEditor
        initialCustomerId={params.get('customerId')}
        onSaved={(quote) => navigate(`/sales/quotes/${quote.id}`, { replace: true })}
      />
    </>
  );
}
