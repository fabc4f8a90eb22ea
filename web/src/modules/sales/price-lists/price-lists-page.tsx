import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useLocalized } from '../../../i18n/localized.ts';
import { usePriceLists } from '../../catalog/queries.ts';
import type { PriceList } from '../../catalog/types.ts';
import { PriceCheck } from './price-check.tsx';
import { PriceListDrawer } from './price-list-form.tsx';

/** Price lists (per customer, customer group or everyone) with their rules, and the price check. */
export function PriceListsPage() {
  const { t } = useTranslation();
  const pick = useLocalized();
  const [q, setQ] = useState('');
  const lists = usePriceLists(q || undefined);
  const rows = flattenPages(lists.data);
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const canCreate = useHasPermission('catalog.price_list.manage');

  const columns: TableColumnsType<PriceList> = [
    {
      title: t('catalog.priceLists.code'),
      dataIndex: 'code',
      render: (code: string, list) => (
        <Flex vertical style={{ minWidth: 120 }}>
          <Typography.Link strong onClick={() => setEditing(list.id)}>
            {code}
          </Typography.Link>
          <Typography.Text>{pick(list.name)}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('catalog.product.currency'), dataIndex: 'currency' },
    {
      title: t('catalog.priceLists.for'),
      key: 'target',
      render: (_, list) =>
        list.customerId ? (
          <Tag color="purple">{t('catalog.priceLists.target.customer')}</Tag>
        ) : list.customerGroup ? (
          <Tag color="geekblue">{list.customerGroup}</Tag>
        ) : (
          <Tag>{t('catalog.priceLists.target.everyone')}</Tag>
        ),
    },
    { title: t('catalog.priceLists.priority'), dataIndex: 'priority', responsive: ['md'] },
    {
      title: t('catalog.priceLists.validity'),
      key: 'validity',
      responsive: ['md'],
      render: (_, list) =>
        list.validFrom || list.validTo
          ? `${formatDate(list.validFrom) || '…'} – ${formatDate(list.validTo) || '…'}`
          : t('catalog.priceLists.always'),
    },
    {
      title: t('catalog.product.status'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? (
          <Tag color="green">{t('catalog.product.active')}</Tag>
        ) : (
          <Tag>{t('catalog.product.inactive')}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalog.priceLists.title')}
        subtitle={t('catalog.priceLists.subtitle')}
        extra={
          canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="new-price-list"
            >
              {t('catalog.priceLists.new')}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <PriceCheck />
        <ContentCard>
          <Input.Search
            allowClear
            placeholder={t('catalog.priceLists.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(value) => setQ(value.trim())}
            style={{ maxWidth: 420, marginBottom: 16 }}
          />
          {lists.isError ? (
            <Alert type="error" showIcon title={errorMessage(t, lists.error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Table<PriceList>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={lists.isFetching && !lists.isFetchingNextPage}
            pagination={false}
            scroll={{ x: 'max-content' }}
            size="middle"
            data-testid="price-lists-table"
          />
          {lists.hasNextPage ? (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Button onClick={() => lists.fetchNextPage()} loading={lists.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </ContentCard>
      </Flex>
      <PriceListDrawer
        open={editing !== undefined}
        listId={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => setEditing(undefined)}
      />
    </>
  );
}
