import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { AvailabilityChart } from '../../inventory/shared/availability-chart.tsx';
import { MovesTable, StockTable } from '../../inventory/shared/stock-tables.tsx';
import { useDefaultWarehouse, WarehouseSelect } from '../../inventory/shared/warehouse-select.tsx';
import { useProduct } from '../queries.ts';
import { formatPrice, formatQty } from '../shared/numbers.ts';
import { KindTag, useCategoryName, useProductLabel } from '../shared/pickers.tsx';
import type { Product } from '../types.ts';
import { ProductFormDrawer } from './product-form-drawer.tsx';

const TABS = ['stock', 'availability', 'moves', 'details'] as const;
type TabKey = (typeof TABS)[number];

function AvailabilityTab({ product }: { product: Product }) {
  const { t } = useTranslation();
  const fallback = useDefaultWarehouse();
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const chosen = warehouseId ?? fallback?.id ?? null;
  return (
    <Flex vertical gap={12}>
      <WarehouseSelect
        value={chosen ?? undefined}
        onChange={setWarehouseId}
        placeholder={t('inventory.stock.warehouse')}
        style={{ maxWidth: 320 }}
      />
      <AvailabilityChart productId={product.id} warehouseId={chosen} uomCode={product.uomCode} />
    </Flex>
  );
}

function Details({ product }: { product: Product }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const none = t('common.none');
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" bordered>
      <Descriptions.Item label={t('catalog.product.nameZh')}>
        {product.name['zh-CN'] ?? none}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.nameEn')}>{product.name.en ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.category')}>
        {categoryName(product.categoryId) ?? none}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.uom')}>{product.uomCode}</Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.saleUom')}>
        {product.saleUomCode ?? product.uomCode}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.barcode')}>{product.barcode ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.taxCode')}>{product.taxCode ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.procureMethod')}>
        {t(`catalog.procure.${product.procureMethod}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.tracking')}>
        {product.lotTracked ? <Tag>{t('catalog.product.lotTracked')}</Tag> : null}
        {product.expiryTracked ? <Tag>{t('catalog.product.expiryTracked')}</Tag> : null}
        {!product.lotTracked && !product.expiryTracked ? none : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.weightKg')}>
        {formatQty(product.weightKg)}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.volumeM3')}>
        {formatQty(product.volumeM3)}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.packaging')}>
        {(product.units ?? []).length === 0
          ? none
          : (product.units ?? []).map((unit) => (
              <div key={unit.uomCode}>
                {t('catalog.product.packLine', {
                  uom: unit.uomCode,
                  factor: formatQty(unit.factor),
                  base: product.uomCode,
                })}
                {unit.barcode ? ` · ${unit.barcode}` : ''}
              </div>
            ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.product.description')} span="filled">
        {product.description || none}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** A product: what it is and its price, stock per warehouse and lot, projected availability, moves. */
export function ProductPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const product = useProduct(id);
  const label = useProductLabel();
  const [editing, setEditing] = useState(false);
  const canEdit = useHasPermission('catalog.product.update');
  const canSeeStock = useHasPermission('inventory.stock.read');
  const tab: TabKey = TABS.includes(params.get('tab') as TabKey) ? (params.get('tab') as TabKey) : 'stock';

  if (product.isPending) return <Skeleton active />;
  if (product.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, product.error)}
        extra={
          <Button onClick={() => navigate('/inventory/products')}>{t('catalog.products.backToList')}</Button>
        }
      />
    );
  const data = product.data;
  const stockTabs = canSeeStock
    ? [
        {
          key: 'stock',
          label: t('catalog.productPage.stock'),
          children: <StockTable filters={{ productId: data.id }} showProduct={false} />,
        },
        {
          key: 'availability',
          label: t('catalog.productPage.availability'),
          children: <AvailabilityTab product={data} />,
        },
        {
          key: 'moves',
          label: t('catalog.productPage.moves'),
          children: <MovesTable filters={{ productId: data.id }} showProduct={false} />,
        },
      ]
    : [];

  return (
    <>
      <Link to="/inventory/products" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('catalog.products.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Typography.Title
              level={3}
              style={{ margin: 0, wordBreak: 'break-word' }}
              data-testid="product-name"
            >
              {label(data)}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <Typography.Text code>{data.sku}</Typography.Text>
              <KindTag kind={data.kind} />
              {data.active ? null : <Tag>{t('catalog.product.inactive')}</Tag>}
              <Typography.Text strong>{formatPrice(data.salePrice, data.currency)}</Typography.Text>
              <Typography.Text type="secondary">/ {data.uomCode}</Typography.Text>
            </Flex>
          </Flex>
          <Flex gap={8} wrap>
            {canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-product">
                {t('catalog.products.edit')}
              </Button>
            ) : null}
            <RecordHistory entity="catalog.product" entityId={data.id} />
          </Flex>
        </Flex>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={canSeeStock ? tab : 'details'}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            ...stockTabs,
            { key: 'details', label: t('catalog.productPage.details'), children: <Details product={data} /> },
          ]}
          destroyOnHidden
        />
      </Card>
      <ProductFormDrawer
        open={editing}
        product={data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          message.success(t('catalog.products.saved'));
        }}
      />
    </>
  );
}
