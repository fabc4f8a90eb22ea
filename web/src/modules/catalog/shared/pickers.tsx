import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { useCategories, useTaxCodes, useUnits } from '../queries.ts';
import type { Product, ProductKind } from '../types.ts';

/** A product's name in the reader's language, else what the server called it, else its SKU. */
export function useProductLabel(): (product: Pick<Product, 'sku' | 'name' | 'displayName'>) => string {
  const pick = useLocalized();
  return (product) => pick(product.name) || product.displayName || product.sku;
}

type Props<T> = Omit<SelectProps<T>, 'options' | 'loading' | 'onSearch' | 'showSearch'>;

/**
 * Find a product by SKU, name, pinyin, initials or barcode (the server's `q`). `onPicked` hands over the
 * whole product, so a line can take its unit, price and tax code at once.
 */
export function ProductSelect({
  onPicked,
  activeOnly = true,
  initialLabel,
  ...props
}: Props<string> & {
  onPicked?: (product: Product) => void;
  activeOnly?: boolean;
  /** How to show the current value before a search has loaded it. */
  initialLabel?: string;
}) {
  const [q, setQ] = useState('');
  const label = useProductLabel();
  const found = useQuery({
    queryKey: ['products', 'pick', q, activeOnly],
    queryFn: ({ signal }) =>
      http.get<Page<Product>>(
        '/products',
        { q: q || undefined, limit: 20, active: activeOnly ? 'true' : undefined },
        signal,
      ),
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  const options = items.map((product) => ({
    value: product.id,
    label: `${product.sku} · ${label(product)}`,
  }));
  if (props.value && initialLabel && !options.some((option) => option.value === props.value))
    options.unshift({ value: props.value as string, label: initialLabel });
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: (value) => setQ(value.trim()) }}
      loading={found.isFetching}
      options={options}
      popupMatchSelectWidth={false}
      {...props}
      onChange={(value, option) => {
        props.onChange?.(value, option);
        const product = items.find((item) => item.id === value);
        if (product) onPicked?.(product);
      }}
    />
  );
}

export function CategorySelect(props: Props<string>) {
  const pick = useLocalized();
  const categories = useCategories();
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={categories.isPending}
      options={(categories.data ?? []).map((category) => ({
        value: category.id,
        label: `${pick(category.name) || category.code}`,
      }))}
      {...props}
    />
  );
}

export function useCategoryName(): (categoryId: string | null | undefined) => string | null {
  const pick = useLocalized();
  const categories = useCategories();
  return (categoryId) => {
    const found = categoryId ? categories.data?.find((category) => category.id === categoryId) : undefined;
    return found ? pick(found.name) || found.code : null;
  };
}

/** Options that show their code once chosen and "code · name" in the list, searchable by both. */
function codeOptions(items: { code: string; name: string }[]) {
  return items.map((item) => ({
    value: item.code,
    label: item.code,
    name: item.name,
    search: `${item.code} ${item.name}`,
  }));
}

function renderCodeOption(option: { data: { label?: ReactNode; name?: string } }): ReactNode {
  return option.data.name ? `${String(option.data.label)} · ${option.data.name}` : option.data.label;
}

export function UnitSelect({ only, ...props }: Props<string> & { only?: string[] }) {
  const pick = useLocalized();
  const units = useUnits();
  const list = (units.data ?? []).filter((unit) => !only || only.includes(unit.code));
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'search' }}
      loading={units.isPending}
      options={codeOptions(list.map((unit) => ({ code: unit.code, name: pick(unit.name) })))}
      optionRender={renderCodeOption}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}

/** Output (sales) tax codes; the rate shows beside the name. */
export function TaxCodeSelect({ kind = 'output', ...props }: Props<string> & { kind?: 'output' | 'input' }) {
  const pick = useLocalized();
  const codes = useTaxCodes();
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'search' }}
      loading={codes.isPending}
      options={codeOptions(
        (codes.data ?? [])
          .filter((code) => code.kind === kind)
          .map((code) => ({ code: code.code, name: pick(code.name) })),
      )}
      optionRender={renderCodeOption}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}

const KIND_COLORS: Record<ProductKind, string> = { stocked: 'blue', consumable: 'cyan', service: 'purple' };

export function KindTag({ kind }: { kind: ProductKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind]}>{t(`catalog.kind.${kind}`, { defaultValue: kind })}</Tag>;
}
