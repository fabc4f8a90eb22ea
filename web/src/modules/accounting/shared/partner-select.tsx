import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';

interface PartnerRef {
  id: string;
  code: string;
  name: string;
}

/** Find a customer or supplier (both are crm parties) by name, pinyin, code or tax id; keeps a preset's name. */
export function PartnerSelect(props: Omit<SelectProps<string>, 'options' | 'loading' | 'showSearch'>) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: ({ signal }) =>
      http.get<Page<PartnerRef>>('/customers', { q: q || undefined, limit: 20 }, signal),
    staleTime: 30_000,
  });
  const preset = props.value as string | undefined;
  const current = useQuery({
    queryKey: ['customers', 'one', preset],
    queryFn: ({ signal }) =>
      http.get<PartnerRef>(`/customers/${encodeURIComponent(preset ?? '')}`, undefined, signal),
    enabled: Boolean(preset) && !(found.data?.items ?? []).some((item) => item.id === preset),
    staleTime: 60_000,
  });
  const items = [...(found.data?.items ?? [])];
  if (current.data && !items.some((item) => item.id === current.data.id)) items.unshift(current.data);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: (value) => setQ(value.trim()) }}
      loading={found.isFetching}
      options={items.map((partner) => ({ value: partner.id, label: `${partner.name} · ${partner.code}` }))}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
