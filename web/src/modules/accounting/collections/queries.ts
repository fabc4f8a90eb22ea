import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';

export type LineStatus = 'collected' | 'partly' | 'due' | 'overdue';

export interface CollectionLine {
  id: string;
  position: number;
  dueDate: string;
  amount: string;
  collected: string;
  remaining: string;
  status: LineStatus;
  note: string;
}

export interface CollectionPlan {
  id: string;
  customerId: string;
  customerName: string;
  originType: 'sales_order' | 'contract' | null;
  originId: string | null;
  originNumber: string | null;
  ownerUserId: string;
  ownerName: string | null;
  currency: string;
  state: 'open' | 'cancelled';
  notes: string;
  total: string;
  collected: string;
  remaining: string;
  nextDueDate: string | null;
  lines: CollectionLine[];
  version: number;
  createdAt: string;
}

export interface PlanLineInput {
  dueDate: string;
  amount: string;
  note?: string;
}

export interface PlanInput {
  customerId: string;
  originType?: 'sales_order' | 'contract';
  originId?: string;
  originNumber?: string;
  notes?: string;
  lines: PlanLineInput[];
}

export type PlanFilters = Partial<Record<'q' | 'customerId' | 'ownerUserId' | 'state' | 'dueBy', string>>;

const key = ['collection-plans'] as const;
const refresh = () => queryClient.invalidateQueries({ queryKey: key });

export function useCollectionPlans(filters: PlanFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...key, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<CollectionPlan>>(
        '/collection-plans',
        { limit: 50, ...filters, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCollectionPlan(id: string | undefined) {
  return useQuery({
    queryKey: [...key, 'one', id],
    queryFn: ({ signal }) =>
      http.get<CollectionPlan>(`/collection-plans/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreatePlan() {
  return useMutation({
    mutationFn: (input: PlanInput) => http.post<CollectionPlan>('/collection-plans', input),
    onSuccess: refresh,
  });
}

export function useUpdatePlan(id: string) {
  return useMutation({
    mutationFn: (input: { version: number; notes?: string; lines?: PlanLineInput[] }) =>
      http.patch<CollectionPlan>(`/collection-plans/${encodeURIComponent(id)}`, input),
    onSuccess: refresh,
  });
}

export function useCancelPlan(id: string) {
  return useMutation({
    mutationFn: (input: { version: number; reason?: string }) =>
      http.post<CollectionPlan>(`/collection-plans/${encodeURIComponent(id)}/cancel`, input),
    onSuccess: refresh,
  });
}
