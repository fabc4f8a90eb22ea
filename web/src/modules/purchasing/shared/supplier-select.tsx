import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type { Supplier } from '../types.ts';

/** Find an active supplier by code or name (the server's `q`); `onPicked` gives the whole record. */
export function SupplierSelect({
  onPicked,
  initialLabel,
  ...props
}: Omit<SelectProps<string>, 'options' | 'loading' | 'showSearch'> & {
  onPicked?: (supplier: Supplier) => void;
  initialLabel?: string;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['suppliers', 'pick', q],
    queryFn: ({ signal }) =>
      http.get<Page<Supplier>>('/suppliers', { q: q || undefined, limit: 20, active: 'true' }, signal),
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  const options = items.map((supplier) => ({
    value: supplier.id,
    label: `${supplier.code} · ${supplier.name}`,
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
        const supplier = items.find((item) => item.id === value);
        if (supplier) onPicked?.(supplier);
      }}
    />
  );
}
