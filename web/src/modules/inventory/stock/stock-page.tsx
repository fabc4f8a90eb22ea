import { EditOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { MovesTable, StockTable } from '../shared/stock-tables.tsx';
import { WarehouseSelect } from '../shared/warehouse-select.tsx';
import { AdjustmentModal } from './adjustment-modal.tsx';

const FILTER_KEYS = ['tab', 'warehouseId', 'q', 'lotNo'] as const;
const GROW = { minWidth: 140, flex: '1 1 160px', maxWidth: 260 } as const;

/** Balances by warehouse, product and lot, and the move history, with the stock adjustment form. */
export function StockPage() {
  const { t } = useTranslation();
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const [adjusting, setAdjusting] = useState(false);
  const canAdjust = useHasPermission('inventory.stock.adjust');
  const tab = filters.tab === 'moves' ? 'moves' : 'balances';
  return (
    <>
      <PageHeader
        title={t('inventory.stock.title')}
        subtitle={t('inventory.stock.subtitle')}
        extra={
          canAdjust ? (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setAdjusting(true)}
              data-testid="adjust-stock"
            >
              {t('inventory.adjust.title')}
            </Button>
          ) : null
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <WarehouseSelect
            allowClear
            placeholder={t('inventory.stock.warehouse')}
            value={filters.warehouseId}
            onChange={(warehouseId) => update({ warehouseId })}
            style={GROW}
          />
          {tab === 'balances' ? (
            <>
              <Input.Search
                allowClear
                defaultValue={filters.q}
                key={`q-${filters.q ?? ''}`}
                placeholder={t('inventory.stock.searchPlaceholder')}
                onSearch={(q) => update({ q: q.trim() || undefined })}
                style={{ ...GROW, maxWidth: 320 }}
                data-testid="stock-search"
              />
              <Input.Search
                allowClear
                defaultValue={filters.lotNo}
                key={`lot-${filters.lotNo ?? ''}`}
                placeholder={t('inventory.stock.lot')}
                onSearch={(lotNo) => update({ lotNo: lotNo.trim() || undefined })}
                style={GROW}
              />
            </>
          ) : null}
        </Flex>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'moves' ? 'moves' : undefined })}
          items={[
            {
              key: 'balances',
              label: t('inventory.stock.balances'),
              children: (
                <StockTable
                  filters={{ warehouseId: filters.warehouseId, q: filters.q, lotNo: filters.lotNo }}
                />
              ),
            },
            {
              key: 'moves',
              label: t('inventory.moves.title'),
              children: <MovesTable filters={{ warehouseId: filters.warehouseId }} />,
            },
          ]}
          destroyOnHidden
        />
      </ContentCard>
      <AdjustmentModal open={adjusting} onClose={() => setAdjusting(false)} />
    </>
  );
}
