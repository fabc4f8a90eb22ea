import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';
import type {
  Activity,
  Contact,
  Customer,
  CustomerOverview,
  DuplicateCandidate,
  TimelineEntry,
} from '../types.ts';

export const customerKey = (id: string) => ['customers', 'one', id] as const;

export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKey(id),
    queryFn: ({ signal }) => http.get<Customer>(`/customers/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** The customer page in one read; sections the role does not cover come back null. */
export function useCustomerOverview(id: string) {
  return useQuery({
    queryKey: [...customerKey(id), 'overview'],
    queryFn: ({ signal }) =>
      http.get<CustomerOverview>(`/customers/${encodeURIComponent(id)}/overview`, undefined, signal),
  });
}

export function useTimeline(id: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...customerKey(id), 'timeline'],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<TimelineEntry>>(
        `/customers/${encodeURIComponent(id)}/timeline`,
        { limit: 30, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCustomerContacts(id: string, enabled = true) {
  return useQuery({
    queryKey: [...customerKey(id), 'contacts'],
    queryFn: ({ signal }) =>
      http.get<Page<Contact>>(`/customers/${encodeURIComponent(id)}/contacts`, { limit: 200 }, signal),
    enabled,
  });
}

export function useCustomerActivities(id: string, enabled = true) {
  return useQuery({
    queryKey: ['activities', 'customer', id],
    queryFn: ({ signal }) => http.get<Page<Activity>>('/activities', { customerId: id, limit: 100 }, signal),
    enabled,
  });
}

export interface DuplicateQuery {
  name?: string;
  taxId?: string;
  phones?: string[];
  excludeId?: string;
}

/** Likely duplicates of a customer (POST /customers/duplicates), excluding the customer itself. */
export function useCustomerDuplicates(query: DuplicateQuery | null) {
  return useQuery({
    queryKey: ['customers', 'duplicates', query],
    queryFn: () => http.post<{ items: DuplicateCandidate[] }>('/customers/duplicates', query),
    select: (data) => data.items.filter((item) => item.id !== query?.excludeId),
    enabled: query !== null,
  });
}

export function refreshCustomer(id: string): Promise<void> {
  return queryClient
    .invalidateQueries({ queryKey: ['customers'] })
    .then(() => queryClient.invalidateQueries({ queryKey: ['activities', 'customer', id] }));
}

export function useAssignCustomer(customer: Customer) {
  return useMutation({
    mutationFn: ({ ownerUserId, reason }: { ownerUserId?: string; reason?: string }) =>
      http.post<Customer>(`/customers/${encodeURIComponent(customer.id)}/assign`, {
        version: customer.version,
        ownerUserId: ownerUserId ?? null,
        ...(reason?.trim() ? { reason: reason.trim() } : {}),
      }),
    onSuccess: () => refreshCustomer(customer.id),
  });
}

export function useClaimCustomer(id: string) {
  return useMutation({
    mutationFn: () => http.post<Customer>(`/pool/${encodeURIComponent(id)}/claim`, {}),
    onSuccess: () => refreshCustomer(id),
  });
}
