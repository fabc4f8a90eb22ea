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
import { useEntries } from '../ledger-queries.ts';
import { PeriodSelect } from '../shared/period-select.tsx';
import { EntryStateTag } from '../shared/tags.tsx';
import { type Entry, JOURNAL_CODES } from '../types.ts';

const FILTER_KEYS = ['q', 'periodId', 'journal', 'state', 'accountId'] as const;

/** Journal entries (vouchers), newest first, filtered by period, journal and state. */
export function EntriesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useHasPermission('accounting.entry.create');
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const entries = useEntries(filters);
  const rows = flattenPages(entries.data);

  const columns: TableColumnsType<Entry> = [
    {
      title: t('accounting.entry.voucher'),
      key: 'voucher',
      render: (_, entry) => (
        <Flex vertical style={{ minWidth: 110 }}>
          <Typography.Link strong onClick={() => navigate(`/accounting/entries/${entry.id}`)}>
            {entry.voucher ?? t('accounting.entry.draftVoucher')}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDate(entry.date)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('accounting.entry.memo'),
      dataIndex: 'memo',
      render: (memo: string, entry) => (
        <Typography.Text style={{ maxWidth: 320, minWidth: 120 }} ellipsis={{ tooltip: memo }}>
          {memo || entry.lines[0]?.description || t('common.none')}
        </Typography.Text>
      ),
    },
    {
      title: t('accounting.entry.journal'),
      dataIndex: 'journal',
      responsive: ['md'],
      render: (journal: string) => t(`accounting.journal.${journal}`, { defaultValue: journal }),
    },
    {
      title: t('accounting.entry.amount'),
      dataIndex: 'totalDebit',
      align: 'right',
      render: (amount: string) => formatAmount(amount),
    },
    {
      title: t('accounting.entry.state'),
      dataIndex: 'state',
      render: (state: Entry['state'], entry) => (
        <EntryStateTag state={state} reviewed={Boolean(entry.reviewerId)} />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounting.entries.title')}
        subtitle={t('accounting.entries.subtitle')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => entries.refetch()}
              loading={entries.isRefetching}
            >
              {t('common.refresh')}
            </Button>
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/accounting/entries/new')}
                data-testid="new-entry"
              >
                {t('accounting.entries.new')}
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
            placeholder={t('accounting.entries.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 360, flex: '1 1 220px' }}
          />
          <PeriodSelect
            allowClear
            value={filters.periodId}
            onChange={(periodId) => update({ periodId })}
            style={{ minWidth: 120, flex: '0 1 160px' }}
            data-testid="entry-period-filter"
          />
          <Select
            allowClear
            placeholder={t('accounting.entry.journal')}
            value={filters.journal}
            onChange={(journal) => update({ journal })}
            options={JOURNAL_CODES.map((code) => ({ value: code, label: t(`accounting.journal.${code}`) }))}
            style={{ minWidth: 120, flex: '0 1 160px' }}
          />
          <Select
            allowClear
            placeholder={t('accounting.entry.state')}
            value={filters.state}
            onChange={(state) => update({ state })}
            options={(['draft', 'posted'] as const).map((state) => ({
              value: state,
              label: t(`accounting.entryState.${state}`),
            }))}
            style={{ minWidth: 110, flex: '0 1 140px' }}
          />
        </Flex>
        {entries.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, entries.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Entry>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={entries.isFetching && !entries.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="entries-table"
        />
        {entries.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
    </>
  );
}
