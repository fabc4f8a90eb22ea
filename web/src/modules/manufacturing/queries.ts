// BOMs and production orders through TanStack Query. Planning and MRP are in planning-queries.ts.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http, type Query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { queryClient } from '../../app/query-client.ts';
import { refreshStock } from '../inventory/queries.ts';
import type {
  Bom,
  BomCost,
  BomInput,
  BomSummary,
  BomTree,
  BomUpdate,
  ConsumeInput,
  ProduceInput,
  ProductionOrder,
  ProductionOrderInput,
  ProductionOrderSummary,
  ScrapInput,
} from './types.ts';

const id = encodeURIComponent;

/** A "load more" list of `path` (limit 50 per page). */
export function infinite<T>(key: readonly unknown[], path: string, query: Query, enabled = true) {
  return {
    queryKey: key,
    queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
      http.get<Page<T>>(path, { limit: 50, ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  };
}

export function useBoms(query: { q?: string; state?: string; productId?: string }, enabled = true) {
  return useInfiniteQuery(infinite<BomSummary>(['boms', 'list', query], '/boms', { ...query }, enabled));
}

export function useBom(bomId: string | undefined) {
  return useQuery({
    queryKey: ['boms', 'one', bomId],
    queryFn: ({ signal }) => http.get<Bom>(`/boms/${id(bomId ?? '')}`, undefined, signal),
    enabled: Boolean(bomId),
  });
}

export function useBomTree(bomId: string, query: { qty?: string; date?: string }) {
  return useQuery({
    queryKey: ['boms', 'tree', bomId, query],
    queryFn: ({ signal }) => http.get<BomTree>(`/boms/${id(bomId)}/tree`, { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBomCost(bomId: string, query: { qty?: string; date?: string }, enabled: boolean) {
  return useQuery({
    queryKey: ['boms', 'cost', bomId, query],
    queryFn: ({ signal }) => http.get<BomCost>(`/boms/${id(bomId)}/cost`, { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

const refreshBoms = () => queryClient.invalidateQueries({ queryKey: ['boms'] });

export function useCreateBom() {
  return useMutation({
    mutationFn: (input: BomInput) => http.post<Bom>('/boms', input),
    onSuccess: refreshBoms,
  });
}

export function useUpdateBom(bomId: string) {
  return useMutation({
    mutationFn: (input: BomUpdate) => http.patch<Bom>(`/boms/${id(bomId)}`, input),
    onSuccess: refreshBoms,
  });
}

/** activate / archive, with the version the person saw. */
export function useBomStep(bom: Bom | undefined) {
  return useMutation({
    mutationFn: (step: 'activate' | 'archive') =>
      http.post<Bom>(`/boms/${id(bom?.id ?? '')}/${step}`, { version: bom?.version }),
    onSuccess: refreshBoms,
  });
}

export function useProductionOrders(
  query: { q?: string; state?: string; productId?: string; originId?: string },
  enabled = true,
) {
  return useInfiniteQuery(
    infinite<ProductionOrderSummary>(
      ['production-orders', 'list', query],
      '/production-orders',
      { ...query },
      enabled,
    ),
  );
}

export function useProductionOrder(orderId: string) {
  return useQuery({
    queryKey: ['production-orders', 'one', orderId],
    queryFn: ({ signal }) =>
      http.get<ProductionOrder>(`/production-orders/${id(orderId)}`, undefined, signal),
  });
}

/** Production changes stock, reservations and what MRP sees: refresh all of it. */
function refreshProduction(): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['production-orders'] }),
    queryClient.invalidateQueries({ queryKey: ['boms', 'cost'] }),
    refreshStock(),
  ]);
}

export function useCreateProductionOrder() {
  return useMutation({
    mutationFn: (input: ProductionOrderInput) => http.post<ProductionOrder>('/production-orders', input),
    onSuccess: refreshProduction,
  });
}

export function useUpdateProductionOrder(order: ProductionOrder | undefined) {
  return useMutation({
    mutationFn: (input: {
      qty?: string;
      plannedStart?: string | null;
      plannedFinish?: string | null;
      notes?: string;
    }) =>
      http.patch<ProductionOrder>(`/production-orders/${id(order?.id ?? '')}`, {
        version: order?.version,
        ...input,
      }),
    onSuccess: refreshProduction,
  });
}

export type ProductionStep =
  | { step: 'confirm' | 'start' | 'finish' | 'cancel' }
  | { step: 'consume'; body: ConsumeInput }
  | { step: 'produce'; body: ProduceInput }
  | { step: 'scrap'; body: ScrapInput };

/** Every state change of a production order, each with the version the person saw. */
export function useProductionStep(order: ProductionOrder | undefined) {
  return useMutation({
    mutationFn: (action: ProductionStep) =>
      http.post<ProductionOrder>(`/production-orders/${id(order?.id ?? '')}/${action.step}`, {
        version: order?.version,
        ...('body' in action ? action.body : {}),
      }),
    onSuccess: refreshProduction,
  });
}
