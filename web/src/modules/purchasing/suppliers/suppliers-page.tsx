import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { useSuppliers } from '../queries.ts';
import type { Supplier } from '../types.ts';
import { SupplierDrawer } from './supplier-drawer.tsx';

const FILTER_KEYS = ['q', 'active'] as const;

/** Suppliers (parties of the crm master with purchasing terms), by code or name. */
export function SuppliersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useHasPermission('purchasing.supplier.manage');
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const suppliers = useSuppliers(filters);
  const rows = flattenPages(suppliers.data);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Supplier> = [
    {
      title: t('purchasing.supplier.supplier'),
      key: 'name',
      render: (_, s) => (
        <Flex vertical style={{ minWidth: 140 }}>
          <Link to={`/purchasing/suppliers/${s.id}`}>{s.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.code}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('purchasing.supplier.currency'), dataIndex: 'currency', responsive: ['sm'] },
    {
      title: t('purchasing.supplier.leadTime'),
      dataIndex: 'leadTimeDays',
      align: 'right',
      render: (days: number) => t('purchasing.price.days', { count: days }),
    },
    {
      title: t('purchasing.supplier.paymentTerm'),
      dataIndex: 'paymentTermCode',
      responsive: ['md'],
      render: (code: string | null) => code ?? t('common.none'),
    },
    {
      title: t('purchasing.common.state'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? (
          <Tag color="green">{t('purchasing.supplier.activeTag')}</Tag>
        ) : (
          <Tag>{t('purchasing.supplier.inactiveTag')}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('purchasing.suppliers.title')}
        subtitle={t('purchasing.suppliers.subtitle')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => suppliers.refetch()}
              loading={suppliers.isRefetching}
            >
              {t('common.refresh')}
            </Button>
            {canManage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="supplier-new"
              >
                {t('purchasing.suppliers.new')}
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
            placeholder={t('purchasing.suppliers.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 420, flex: '1 1 240px' }}
          />
          <Select
            allowClear
            placeholder={t('purchasing.common.state')}
            value={filters.active}
            onChange={(active) => update({ active })}
            options={[
              { value: 'true', label: t('purchasing.supplier.activeTag') },
              { value: 'false', label: t('purchasing.supplier.inactiveTag') },
            ]}
            style={{ minWidth: 120, flex: '0 1 160px' }}
          />
        </Flex>
        {suppliers.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, suppliers.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<Supplier>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={suppliers.isFetching && !suppliers.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="suppliers-table"
        />
        {suppliers.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => suppliers.fetchNextPage()} loading={suppliers.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
      {creating ? (
        <SupplierDrawer
          onClose={() => setCreating(false)}
          onSaved={(saved) => navigate(`/purchasing/suppliers/${saved.id}`)}
        />
      ) : null}
    </>
  );
}
