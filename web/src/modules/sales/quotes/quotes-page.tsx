import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { useQuotes } from '../queries.ts';
import { QuoteStateTag } from '../shared/state-tags.tsx';
import { QUOTE_STATES, type Quote } from '../types.ts';

const FILTER_KEYS = ['q', 'state'] as const;

export function QuotesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const quotes = useQuotes(filters);
  const rows = flattenPages(quotes.data);
  const canCreate = useHasPermission('sales.quote.create');

  const columns: TableColumnsType<Quote> = [
    {
      title: t('sales.quotes.number'),
      dataIndex: 'number',
      render: (number: string, quote) => (
        <Flex vertical style={{ minWidth: 120 }}>
          <Typography.Link strong onClick={() => navigate(`/sales/quotes/${quote.id}`)}>
            {number}
            {quote.revision > 1 ? ` · ${t('sales.quote.revisionShort', { revision: quote.revision })}` : ''}
          </Typography.Link>
          <Typography.Text type="secondary">{quote.customerName}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('sales.quotes.state'),
      dataIndex: 'state',
      render: (state) => <QuoteStateTag state={state} />,
    },
    {
      title: t('sales.quote.quoteDate'),
      dataIndex: 'quoteDate',
      responsive: ['md'],
      render: (d: string) => formatDate(d),
    },
    {
      title: t('sales.quote.validUntil'),
      dataIndex: 'validUntil',
      responsive: ['lg'],
      render: (d: string | null) => formatDate(d) || t('common.none'),
    },
    {
      title: t('sales.quote.owner'),
      dataIndex: 'ownerName',
      responsive: ['lg'],
      render: (name: string | null) => name ?? t('common.none'),
    },
    {
      title: t('sales.totals.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: string, quote) => formatAmount(total, quote.currency),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('sales.quotes.title')}
        subtitle={t('sales.quotes.subtitle')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => quotes.refetch()} loading={quotes.isRefetching}>
              {t('common.refresh')}
            </Button>
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/sales/quotes/new')}
                data-testid="new-quote"
              >
                {t('sales.quotes.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            key={filters.q ?? ''}
            placeholder={t('sales.quotes.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 420, flex: '1 1 240px' }}
          />
          <Select
            allowClear
            placeholder={t('sales.quotes.state')}
            value={filters.state}
            onChange={(state) => update({ state })}
            options={QUOTE_STATES.map((state) => ({ value: state, label: t(`sales.quoteState.${state}`) }))}
            style={{ minWidth: 140, flex: '0 1 180px' }}
          />
        </Flex>
        {quotes.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, quotes.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Quote>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={quotes.isFetching && !quotes.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="quotes-table"
        />
        {quotes.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => quotes.fetchNextPage()} loading={quotes.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
    </>
  );
}
