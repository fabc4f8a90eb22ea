import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatQty } from '../../catalog/shared/numbers.ts';
import type { PriceSource } from '../../catalog/types.ts';

/** "Which rule gave this price", in words. */
export function usePriceSourceText(): (source: PriceSource | null | undefined) => string {
  const { t } = useTranslation();
  return (source) => {
    if (!source) return '';
    if (source.kind === 'manual') return t('sales.price.manual');
    if (source.kind === 'list_price') return t('sales.price.listPrice');
    const parts = [t('sales.price.rule', { list: source.priceListCode ?? '' })];
    if (source.minQty && formatQty(source.minQty) !== '0')
      parts.push(t('sales.price.fromQty', { qty: formatQty(source.minQty) }));
    if (source.discountPercent)
      parts.push(t('sales.price.discount', { percent: formatQty(source.discountPercent) }));
    return parts.join(' · ');
  };
}

const COLORS: Record<PriceSource['kind'], string> = {
  rule: 'geekblue',
  list_price: 'default',
  manual: 'orange',
};

/** A small tag saying where a price came from, the full story in its tooltip. */
export function PriceSourceTag({ source }: { source: PriceSource | null | undefined }) {
  const { t } = useTranslation();
  const text = usePriceSourceText();
  if (!source) return null;
  const short =
    source.kind === 'rule'
      ? (source.priceListCode ?? t('sales.price.ruleShort'))
      : source.kind === 'manual'
        ? t('sales.price.manualShort')
        : t('sales.price.listShort');
  return (
    <Tooltip title={text(source)}>
      <Tag color={COLORS[source.kind]} style={{ marginInlineEnd: 0 }} data-testid="price-source">
        {short}
      </Tag>
    </Tooltip>
  );
}
