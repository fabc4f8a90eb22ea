import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import { ProductCell } from '../../inventory/shared/stock-tables.tsx';
import { WarehouseSelect } from '../../inventory/shared/warehouse-select.tsx';
import { type PlanningPath, useDeletePlanning, usePlanningList } from '../planning-queries.ts';
import type { Forecast, ReorderRule } from '../types.ts';

type Item = ReorderRule | Forecast;

/**
 * A planning list (reorder rules or forecasts): filter by product and warehouse, add, edit and delete
 * with `manufacturing.planning.manage`. The page passes its own columns and form modal.
 */
export function PlanningTable<T extends Item>({
  path,
  title,
  subtitle,
  columns,
  renderForm,
}: {
  path: PlanningPath;
  title: string;
  subtitle: string;
  columns: TableColumnsType<T>;
  renderForm: (item: T | null, onClose: () => void) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useHasPermission('manufacturing.planning.manage');
  const [productId, setProductId] = useState<string | undefined>();
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const list = usePlanningList<T>(path, { productId, warehouseId });
  const remove = useDeletePlanning(path);
  const all: TableColumnsType<T> = [
    {
      title: t('manufacturing.common.product'),
      key: 'product',
      render: (_, row) => <ProductCell id={row.productId} sku={row.productSku} name={row.productName} />,
    },
    { title: t('manufacturing.common.warehouse'), dataIndex: 'warehouseCode' },
    ...columns,
    ...(canManage
      ? [
          {
            key: 'actions',
            render: (_: unknown, row: T) => (
              <Flex gap={4} wrap={false}>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(row)}
                  aria-label={t('manufacturing.common.edit')}
                />
                <Popconfirm
                  title={t('manufacturing.common.deleteConfirm')}
                  onConfirm={() =>
                    remove.mutate(row, { onError: (err) => message.error(errorMessage(t, err)) })
                  }
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('manufacturing.common.delete')}
                  />
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={title}
        subtitle={subtitle}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid={`${path}-new`}
            >
              {t('manufacturing.common.add')}
            </Button>
          ) : null
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <ProductSelect
            allowClear
            activeOnly={false}
            placeholder={t('manufacturing.common.product')}
            value={productId}
            onChange={(value) => setProductId(value || undefined)}
            style={{ minWidth: 180, flex: '1 1 180px', maxWidth: 320 }}
          />
          <WarehouseSelect
            allowClear
            placeholder={t('manufacturing.common.warehouse')}
            value={warehouseId}
            onChange={(value) => setWarehouseId(value || undefined)}
            style={{ minWidth: 160, flex: '1 1 160px', maxWidth: 260 }}
          />
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<T>
          rowKey="id"
          columns={all}
          dataSource={flattenPages(list.data)}
          loading={list.isFetching && !list.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid={`${path}-table`}
        />
        {list.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
      {editing ? renderForm(editing === 'new' ? null : editing, () => setEditing(null)) : null}
    </>
  );
}
