import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { DictionaryLabel } from '../shared/dictionary.tsx';
import { CustomerStatusTag, TagList } from '../shared/status-tags.tsx';
import { useUrlFilters } from '../shared/use-url-filters.ts';
import type { Customer, CustomerListFilters } from '../types.ts';
import { CustomerFilters } from './customer-filters.tsx';
import { CustomerFormDrawer } from './customer-form-drawer.tsx';
import { exportUrl, useCustomers } from './queries.ts';

const FILTER_KEYS = ['q', 'status', 'ownerUserId', 'tag', 'pool'] as const;

export function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [raw, update, replaceAll] = useUrlFilters(FILTER_KEYS);
  const filters = raw as CustomerListFilters;
  const customers = useCustomers(filters);
  const rows = flattenPages(customers.data);
  const [creating, setCreating] = useState(false);
  const canCreate = useHasPermission('crm.customer.create');
  const canExport = useHasPermission('crm.customer.export');

  const columns: TableColumnsType<Customer> = [
    {
      title: t('crm.customers.name'),
      dataIndex: 'name',
      render: (name: string, customer) => (
        <Flex vertical gap={4} style={{ minWidth: 160 }}>
          <Typography.Link strong onClick={() => navigate(`/crm/customers/${customer.id}`)}>
            {name}
          </Typography.Link>
          <TagList tags={customer.tags} />
        </Flex>
      ),
    },
    {
      title: t('crm.customers.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('crm.customers.status'),
      dataIndex: 'status',
      render: (status) => <CustomerStatusTag status={status} />,
    },
    {
      title: t('crm.customers.owner'),
      dataIndex: 'ownerName',
      render: (name: string | null, customer) =>
        customer.inPool ? <Tag color="purple">{t('crm.customers.inPool')}</Tag> : (name ?? t('common.none')),
    },
    {
      title: t('crm.customers.industry'),
      dataIndex: 'industryCode',
      responsive: ['md'],
      render: (code: string | null) => <DictionaryLabel name="industry" code={code} />,
    },
    {
      title: t('crm.customers.lastActivity'),
      dataIndex: 'lastActivityAt',
      responsive: ['lg'],
      render: (at: string | null) => (at ? formatDate(at) : t('common.none')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('crm.customers.title')}
        subtitle={t('crm.customers.subtitle')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => customers.refetch()}
              loading={customers.isRefetching}
            >
              {t('common.refresh')}
            </Button>
            {canExport ? (
              <>
                <Button icon={<DownloadOutlined />} href={exportUrl('csv', filters)}>
                  CSV
                </Button>
                <Button icon={<DownloadOutlined />} href={exportUrl('xlsx', filters)}>
                  XLSX
                </Button>
              </>
            ) : null}
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="new-customer"
              >
                {t('crm.customers.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ContentCard>
        <CustomerFilters value={filters} onChange={update} onReplace={replaceAll} />
        {customers.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, customers.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<Customer>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={customers.isFetching && !customers.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="customers-table"
        />
        {customers.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => customers.fetchNextPage()} loading={customers.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
      <CustomerFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(customer) => {
          setCreating(false);
          navigate(`/crm/customers/${customer.id}`);
        }}
      />
    </>
  );
}
