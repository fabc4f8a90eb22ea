import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';

/** The customer fields the sales screens use (GET /api/v1/customers). */
export interface CustomerRef {
  id: string;
  code: string;
  name: string;
  tags?: string[];
  currency?: string;
  creditLimit?: string | null;
  paymentTermCode?: string | null;
}

export interface ContactRef {
  id: string;
  name: string;
  title?: string | null;
  isPrimary?: boolean;
}

export function useCustomer(customerId: string | null | undefined) {
  return useQuery({
    queryKey: ['customers', 'one', customerId],
    queryFn: ({ signal }) =>
      http.get<CustomerRef>(`/customers/${encodeURIComponent(customerId ?? '')}`, undefined, signal),
    enabled: Boolean(customerId),
    staleTime: 60_000,
  });
}

export function useContacts(customerId: string | null | undefined) {
  return useQuery({
    queryKey: ['customers', 'one', customerId, 'contacts'],
    queryFn: ({ signal }) =>
      http.get<Page<ContactRef>>(
        `/customers/${encodeURIComponent(customerId ?? '')}/contacts`,
        { limit: 200 },
        signal,
      ),
    select: (page) => page.items,
    enabled: Boolean(customerId),
  });
}

/** Find a customer by name, pinyin, code, tax id or phone (the crm's `q`); `onPicked` gives the whole record. */
export function CustomerPicker({
  onPicked,
  initialLabel,
  ...props
}: Omit<SelectProps<string>, 'options' | 'loading' | 'showSearch'> & {
  onPicked?: (customer: CustomerRef) => void;
  initialLabel?: string;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: ({ signal }) =>
      http.get<Page<CustomerRef>>('/customers', { q: q || undefined, limit: 20 }, signal),
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  const options = items.map((customer) => ({
    value: customer.id,
    label: `${customer.name} · ${customer.code}`,
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
        const customer = items.find((item) => item.id === value);
        if (customer) onPicked?.(customer);
      }}
    />
  );
}
