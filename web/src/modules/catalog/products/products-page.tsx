import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { useProducts } from '../queries.ts';
import { formatPrice } from '../shared/numbers.ts';
import { CategorySelect, KindTag, useCategoryName, useProductLabel } from '../shared/pickers.tsx';
import { PRODUCT_KINDS, type Product, type ProductFilters } from '../types.ts';
import { ProductFormDrawer } from './product-form-drawer.tsx';

const FILTER_KEYS = ['q', 'categoryId', 'kind', 'active'] as const;
const GROW = { minWidth: 120, flex: '1 1 140px', maxWidth: 220 } as const;

/** Products with search (SKU, name, pinyin, initials, barcode) and category, kind and status filters. */
export function ProductsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [raw, update] = useUrlFilters(FILTER_KEYS);
  const filters = raw as ProductFilters;
  const products = useProducts(filters);
  const rows = flattenPages(products.data);
  const label = useProductLabel();
  const categoryName = useCategoryName();
  const [creating, setCreating] = useState(false);
  const canCreate = useHasPermission('catalog.product.create');

  const columns: TableColumnsType<Product> = [
    {
      title: t('catalog.product.sku'),
      dataIndex: 'sku',
      render: (sku: string, product) => (
        <Flex vertical style={{ minWidth: 140 }}>
          <Typography.Link strong onClick={() => navigate(`/inventory/products/${product.id}`)}>
            {sku}
          </Typography.Link>
          <Typography.Text>{label(product)}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('catalog.product.kind'), dataIndex: 'kind', render: (kind) => <KindTag kind={kind} /> },
    {
      title: t('catalog.product.category'),
      dataIndex: 'categoryId',
      responsive: ['md'],
      render: (id: string | null) => categoryName(id) ?? t('common.none'),
    },
    { title: t('catalog.product.uom'), dataIndex: 'uomCode', responsive: ['sm'] },
    {
      title: t('catalog.product.salePrice'),
      dataIndex: 'salePrice',
      align: 'right',
      render: (price: string, product) => formatPrice(price, product.currency),
    },
    {
      title: t('catalog.product.barcode'),
      dataIndex: 'barcode',
      responsive: ['lg'],
      render: (v) => v ?? t('common.none'),
    },
    {
      title: t('catalog.product.status'),
      dataIndex: 'active',
      responsive: ['md'],
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
        title={t('catalog.products.title')}
        subtitle={t('catalog.products.subtitle')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => products.refetch()}
              loading={products.isRefetching}
            >
              {t('common.refresh')}
            </Button>
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="new-product"
              >
                {t('catalog.products.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ContentCard>
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            key={filters.q ?? ''}
            placeholder={t('catalog.products.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 520 }}
            data-testid="product-search"
          />
          <Flex gap={8} wrap>
            <CategorySelect
              placeholder={t('catalog.product.category')}
              value={filters.categoryId}
              onChange={(categoryId) => update({ categoryId })}
              style={GROW}
            />
            <Select
              allowClear
              placeholder={t('catalog.product.kind')}
              value={filters.kind}
              onChange={(kind) => update({ kind })}
              options={PRODUCT_KINDS.map((kind) => ({ value: kind, label: t(`catalog.kind.${kind}`) }))}
              style={GROW}
            />
            <Select
              allowClear
              placeholder={t('catalog.product.status')}
              value={filters.active}
              onChange={(active) => update({ active })}
              options={[
                { value: 'true', label: t('catalog.product.active') },
                { value: 'false', label: t('catalog.product.inactive') },
              ]}
              style={GROW}
            />
          </Flex>
        </Flex>
        {products.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, products.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Product>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={products.isFetching && !products.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="products-table"
        />
        {products.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => products.fetchNextPage()} loading={products.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
      <ProductFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(product) => {
          setCreating(false);
          navigate(`/inventory/products/${product.id}`);
        }}
      />
    </>
  );
}
