import { DeleteOutlined, EditOutlined, PlusOutlined, StarFilled } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { formatPrice, formatQty } from '../../catalog/shared/numbers.ts';
import { useDeleteSupplierPrice, useSupplierPrices } from '../queries.ts';
import type { SupplierPrice } from '../types.ts';
import { PriceModal } from './price-modal.tsx';

/** Valid today, not yet, or expired. */
function Validity({ price }: { price: SupplierPrice }) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const range = `${formatDate(price.validFrom) || '…'} – ${formatDate(price.validTo) || '…'}`;
  if (!price.validFrom && !price.validTo) return <>{t('purchasing.price.always')}</>;
  const expired = price.validTo !== null && price.validTo < today;
  const future = price.validFrom !== null && price.validFrom > today;
  return (
    <Flex gap={4} wrap>
      <span>{range}</span>
      {expired ? <Tag>{t('purchasing.price.expired')}</Tag> : null}
      {future ? <Tag color="blue">{t('purchasing.price.future')}</Tag> : null}
    </Flex>
  );
}

/** Supplier prices of one supplier or of one product, with add / edit / delete for people who manage them. */
export function PricesTable({ supplierId, productId }: { supplierId?: string; productId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useHasPermission('purchasing.supplier.manage');
  const prices = useSupplierPrices({ supplierId, productId });
  const remove = useDeleteSupplierPrice();
  const [editing, setEditing] = useState<SupplierPrice | 'new' | null>(null);
  const rows = flattenPages(prices.data);

  const columns: TableColumnsType<SupplierPrice> = [
    supplierId
      ? {
          title: t('purchasing.lines.product'),
          dataIndex: 'sku',
          render: (sku: string, p) => (
            <Flex gap={4} align="center">
              <Typography.Text strong>{sku}</Typography.Text>
              {p.preferred ? (
                <StarFilled style={{ color: '#faad14' }} aria-label={t('purchasing.price.preferred')} />
              ) : null}
            </Flex>
          ),
        }
      : {
          title: t('purchasing.order.supplier'),
          key: 'supplier',
          render: (_, p) => (
            <Flex gap={4} align="center">
              <Link to={`/purchasing/suppliers/${p.supplierId}`}>
                {p.supplierCode} · {p.supplierName}
              </Link>
              {p.preferred ? (
                <StarFilled style={{ color: '#faad14' }} aria-label={t('purchasing.price.preferred')} />
              ) : null}
            </Flex>
          ),
        },
    ...(supplierId || productId
      ? []
      : [
          {
            title: t('purchasing.lines.product'),
            dataIndex: 'sku',
          } as TableColumnsType<SupplierPrice>[number],
        ]),
    {
      title: t('purchasing.price.price'),
      key: 'price',
      align: 'right',
      render: (_, p) => <span data-testid="price-value">{formatPrice(p.price, p.currency)}</span>,
    },
    {
      title: t('purchasing.price.minQty'),
      dataIndex: 'minQty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('purchasing.price.leadTime'),
      key: 'lead',
      align: 'right',
      responsive: ['sm'],
      render: (_, p) => t('purchasing.price.days', { count: p.effectiveLeadTimeDays }),
    },
    {
      title: t('purchasing.price.validity'),
      key: 'validity',
      responsive: ['md'],
      render: (_, p) => <Validity price={p} />,
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            render: (_: unknown, p: SupplierPrice) => (
              <Flex gap={4}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('purchasing.common.edit')}
                  onClick={() => setEditing(p)}
                />
                <Popconfirm
                  title={t('purchasing.price.deleteConfirm')}
                  onConfirm={() =>
                    remove.mutate(p.id, { onError: (err) => message.error(errorMessage(t, err)) })
                  }
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('purchasing.common.delete')}
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
      {canManage ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="price-new">
            {t('purchasing.price.add')}
          </Button>
        </Flex>
      ) : null}
      <Table<SupplierPrice>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={prices.isFetching && !prices.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="prices-table"
      />
      {prices.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => prices.fetchNextPage()} loading={prices.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
      {editing ? (
        <PriceModal
          price={editing === 'new' ? undefined : editing}
          supplierId={supplierId}
          productId={productId}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
