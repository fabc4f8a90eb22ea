import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';
import type { Customer, CustomerInput, CustomerListFilters } from '../types.ts';

export const customersKey = ['customers'] as const;

export function useCustomers(filters: CustomerListFilters) {
  return useInfiniteQuery({
    queryKey: [...customersKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<Customer>>('/customers', { limit: 50, ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Creates a customer, or edits one when `existing` is given (PATCH with its version; addresses are create-only). */
export function useSaveCustomer(existing?: Customer) {
  return useMutation({
    mutationFn: (input: CustomerInput) => {
      if (!existing) return http.post<Customer>('/customers', input);
      const { addresses: _addresses, ownerUserId: _owner, ...patch } = input;
      return http.patch<Customer>(`/customers/${encodeURIComponent(existing.id)}`, {
        ...patch,
        version: existing.version,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customersKey }),
  });
}

/** Export links follow the list's filters; the browser downloads them with the session cookie. */
export function exportUrl(format: 'csv' | 'xlsx', filters: CustomerListFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  const qs = params.toString();
  return `/api/v1/customers/export.${format}${qs ? `?${qs}` : ''}`;
}
