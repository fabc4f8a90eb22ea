import { Alert, Button, Flex, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatMoney } from '../shared/format.ts';
import { OpportunityStatusTag } from '../shared/status-tags.tsx';
import type { Opportunity } from '../types.ts';
import { useOpportunityList } from './queries.ts';

/** Every opportunity of the pipeline as a table (open, won and lost). */
export function OpportunityList({ pipelineId }: { pipelineId?: string }) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const list = useOpportunityList({ pipelineId });
  const columns: TableColumnsType<Opportunity> = [
    { title: t('crm.pipeline.opportunityName'), dataIndex: 'name' },
    {
      title: t('crm.pipeline.customer'),
      dataIndex: 'customerName',
      render: (name: string | null, row) => (
        <Link to={`/crm/customers/${row.customerId}`}>{name ?? t('common.none')}</Link>
      ),
    },
    {
      title: t('crm.pipeline.stage'),
      dataIndex: 'stageName',
      render: (name) => pick(name) || t('common.none'),
    },
    {
      title: t('crm.pipeline.status'),
      dataIndex: 'status',
      render: (status) => <OpportunityStatusTag status={status} />,
    },
    {
      title: t('crm.pipeline.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (amount: string, row) => formatMoney(amount, row.currency, i18n.language),
    },
    {
      title: t('crm.pipeline.probability'),
      dataIndex: 'probability',
      align: 'right',
      responsive: ['md'],
      render: (p?: number) => (p === undefined ? '—' : `${p}%`),
    },
    {
      title: t('crm.pipeline.expectedClose'),
      dataIndex: 'expectedCloseDate',
      responsive: ['md'],
      render: (d?: string | null) => d ?? t('common.none'),
    },
    {
      title: t('crm.pipeline.owner'),
      dataIndex: 'ownerName',
      responsive: ['lg'],
      render: (name?: string | null) => name ?? t('common.none'),
    },
  ];
  return (
    <>
      {list.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<Opportunity>
        rowKey="id"
        columns={columns}
        dataSource={flattenPages(list.data)}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="small"
        data-testid="opportunity-table"
      />
      {list.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
