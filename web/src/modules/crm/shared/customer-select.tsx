import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import type { Customer } from '../types.ts';

/** Find a customer by name, pinyin, code, tax id or phone (the server's `q`), for "attach to existing". */
export function CustomerSelect({
  exclude,
  ...props
}: { exclude?: string } & Omit<SelectProps<string>, 'options' | 'loading' | 'onSearch'>) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: ({ signal }) => http.get<Page<Customer>>('/customers', { q, limit: 20, sort: 'name' }, signal),
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? [])
    .filter((customer) => customer.id !== exclude)
    .map((customer) => ({ value: customer.id, label: `${customer.name} · ${customer.code}` }));
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: (value) => setQ(value.trim()) }}
      loading={found.isFetching}
      options={options}
      {...props}
    />
  );
}
