import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatQty } from '../../catalog/shared/numbers.ts';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { ProductCell } from '../../inventory/shared/stock-tables.tsx';
import { useBoms } from '../queries.ts';
import { StateTag } from '../shared/tags.tsx';
import type { BomSummary } from '../types.ts';
import { Validity } from './validity.tsx';

const FILTER_KEYS = ['state', 'q'] as const;
const STATES = ['all', 'active', 'draft', 'archived'] as const;

/** Bills of materials, newest first, every revision of every product. */
export function BomsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const state = STATES.find((s) => s === filters.state && s !== 'all');
  const list = useBoms({ q: filters.q, state });
  const canManage = useHasPermission('manufacturing.bom.manage');
  const open = (id: string) => navigate(`/manufacturing/boms/${id}`);
  const columns: TableColumnsType<BomSummary> = [
    {
      title: t('manufacturing.bom.code'),
      dataIndex: 'code',
      render: (code: string, row) => (
        <Typography.Link strong onClick={() => open(row.id)} style={{ whiteSpace: 'nowrap' }}>
          {code} · {t('manufacturing.bom.revisionShort', { revision: row.revision })}
        </Typography.Link>
      ),
    },
    {
      title: t('manufacturing.common.product'),
      key: 'product',
      render: (_, row) => <ProductCell id={row.productId} sku={row.sku} name={row.productName} />,
    },
    {
      title: t('manufacturing.common.state'),
      dataIndex: 'state',
      render: (s: string) => <StateTag kind="bom" state={s} />,
    },
    {
      title: t('manufacturing.bom.validity'),
      key: 'validity',
      render: (_, row) => <Validity from={row.validFrom} to={row.validTo} />,
    },
    {
      title: t('manufacturing.bom.outputQty'),
      dataIndex: 'outputQty',
      align: 'right',
      responsive: ['sm'],
      render: (v: string) => formatQty(v),
    },
    {
      title: t('manufacturing.bom.leadTime'),
      dataIndex: 'leadTimeDays',
      align: 'right',
      responsive: ['md'],
      render: (days: number) => t('manufacturing.bom.days', { count: days }),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('manufacturing.bom.title')}
        subtitle={t('manufacturing.bom.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/manufacturing/boms/new')}
              data-testid="bom-new"
            >
              {t('manufacturing.bom.new')}
            </Button>
          ) : null
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={state ?? 'all'}
            onChange={(value) => update({ state: value === 'all' ? undefined : String(value) })}
            options={STATES.map((value) => ({
              value,
              label: value === 'all' ? t('manufacturing.common.all') : t(`manufacturing.state.bom.${value}`),
            }))}
          />
          <Input.Search
            allowClear
            defaultValue={filters.q}
            key={filters.q ?? ''}
            placeholder={t('manufacturing.bom.searchPlaceholder')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 320, flex: '1 1 200px' }}
          />
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<BomSummary>
          rowKey="id"
          columns={columns}
          dataSource={flattenPages(list.data)}
          loading={list.isFetching && !list.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="boms-table"
          onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
        />
        {list.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
    </>
  );
}
