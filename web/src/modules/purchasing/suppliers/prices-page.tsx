import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { PricesTable } from './prices-table.tsx';

const FILTER_KEYS = ['productId'] as const;

/** Supplier prices across suppliers, or for one product to compare its suppliers. */
export function SupplierPricesPage() {
  const { t } = useTranslation();
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  return (
    <>
      <PageHeader title={t('purchasing.price.title')} subtitle={t('purchasing.price.subtitle')} />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <ProductSelect
            allowClear
            activeOnly={false}
            value={filters.productId}
            placeholder={t('purchasing.price.byProduct')}
            onChange={(productId) => update({ productId })}
            style={{ minWidth: 200, flex: '1 1 260px', maxWidth: 420 }}
            data-testid="prices-product-filter"
          />
        </Flex>
        <PricesTable key={filters.productId ?? 'all'} productId={filters.productId} />
      </ContentCard>
    </>
  );
}
