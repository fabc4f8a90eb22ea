import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission, useSession } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { type CollectionPlan, useCollectionPlans } from './queries.ts';

const FILTER_KEYS = ['q', 'due', 'mine', 'state'] as const;
const DUE_WINDOWS = ['overdue', '7', '30'] as const;

/** Collection plans (回款计划): what each customer still has to pay and when; filter by what is due soon. */
export function CollectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const canCreate = useHasPermission('accounting.collection.manage');
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const dueBy =
    filters.due === 'overdue'
      ? dayjs().subtract(1, 'day').format('YYYY-MM-DD')
      : filters.due
        ? dayjs().add(Number(filters.due), 'day').format('YYYY-MM-DD')
        : undefined;
  const plans = useCollectionPlans({
    q: filters.q,
    dueBy,
    state: filters.state ?? 'open',
    ownerUserId: filters.mine ? session.user.id : undefined,
  });
  const rows = flattenPages(plans.data);
  const columns: TableColumnsType<CollectionPlan> = [
    {
      title: t('accounting.collections.customer'),
      key: 'customer',
      render: (_, plan) => (
        <Flex vertical style={{ minWidth: 140 }}>
          <Typography.Link strong onClick={() => navigate(`/accounting/collections/${plan.id}`)}>
            {plan.customerName}
          </Typography.Link>
          {plan.originNumber ? <Typography.Text type="secondary">{plan.originNumber}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('accounting.collections.nextDue'),
      dataIndex: 'nextDueDate',
      render: (d: string | null) => (d ? formatDate(d) : t('accounting.collections.status.collected')),
    },
    {
      title: t('accounting.collections.remaining'),
      dataIndex: 'remaining',
      align: 'right',
      render: (v: string, plan) => formatAmount(v, plan.currency),
    },
    {
      title: t('accounting.collections.collected'),
      dataIndex: 'collected',
      align: 'right',
      responsive: ['md'],
      render: (v: string, plan) => formatAmount(v, plan.currency),
    },
    { title: t('accounting.collections.owner'), dataIndex: 'ownerName', responsive: ['lg'] },
  ];
  return (
    <>
      <PageHeader
        title={t('accounting.collections.title')}
        subtitle={t('accounting.collections.subtitle')}
        extra={
          canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/accounting/collections/new')}
              data-testid="new-plan"
            >
              {t('accounting.collections.new')}
            </Button>
          ) : null
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            key={filters.q ?? ''}
            placeholder={t('accounting.collections.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 320, flex: '1 1 200px' }}
          />
          <Select
            allowClear
            placeholder={t('accounting.collections.dueFilter')}
            value={filters.due}
            onChange={(due) => update({ due })}
            options={DUE_WINDOWS.map((value) => ({ value, label: t(`accounting.collections.due.${value}`) }))}
            style={{ minWidth: 150, flex: '0 1 200px' }}
            data-testid="plan-due-filter"
          />
          <Select
            value={filters.mine ? 'mine' : 'all'}
            onChange={(v) => update({ mine: v === 'mine' ? '1' : undefined })}
            options={[
              { value: 'all', label: t('accounting.collections.everyone') },
              { value: 'mine', label: t('accounting.collections.mine') },
            ]}
            style={{ minWidth: 120, flex: '0 1 160px' }}
          />
        </Flex>
        {plans.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, plans.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<CollectionPlan>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={plans.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="plans-table"
        />
        {plans.hasNextPage ? (
          <Button
            onClick={() => plans.fetchNextPage()}
            loading={plans.isFetchingNextPage}
            style={{ marginTop: 12 }}
          >
            {t('common.loadMore')}
          </Button>
        ) : null}
      </ContentCard>
    </>
  );
}
