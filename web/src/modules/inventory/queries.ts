import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http, type Query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { queryClient } from '../../app/query-client.ts';
import type {
  Availability,
  Picking,
  ProcurementNeed,
  SafetyLevel,
  ShipResult,
  StockCount,
  StockCountLine,
  StockFilters,
  StockMove,
  StockRow,
  Warehouse,
} from './types.ts';

const id = encodeURIComponent;

function infinite<T>(key: readonly unknown[], path: string, query: Query, enabled = true) {
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

/** Anything that changes stock refreshes every stock-shaped list. */
export function refreshStock(): Promise<unknown> {
  return Promise.all(
    [
      'stock',
      'moves',
      'availability',
      'deliveries',
      'receipts',
      'stock-counts',
      'safety-levels',
      'sales-orders',
    ].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
  );
}

export function useWarehouses() {
  return useQuery({
    queryKey: ['warehouses'],
    queryFn: ({ signal }) => http.get<Page<Warehouse>>('/warehouses', { limit: 200 }, signal),
    select: (page) => page.items.filter((warehouse) => warehouse.active !== false),
    staleTime: 5 * 60_000,
  });
}

export function useStock(filters: StockFilters, enabled = true) {
  return useInfiniteQuery(infinite<StockRow>(['stock', filters], '/stock', { ...filters }, enabled));
}

export function useMoves(
  filters: { productId?: string; warehouseId?: string; originId?: string },
  enabled = true,
) {
  return useInfiniteQuery(infinite<StockMove>(['moves', filters], '/stock/moves', { ...filters }, enabled));
}

export function useAvailability(productId: string | null, warehouseId: string | null, days = 30) {
  return useQuery({
    queryKey: ['availability', productId, warehouseId, days],
    queryFn: ({ signal }) =>
      http.get<Availability>(
        '/stock/availability',
        { product: productId, warehouse: warehouseId, days },
        signal,
      ),
    enabled: Boolean(productId && warehouseId),
  });
}

export interface AdjustmentInput {
  warehouseId: string;
  productId: string;
  qty: string;
  lotNo?: string;
  expiryDate?: string;
  unitCost?: string;
  reason: string;
}

export function useAdjustStock() {
  return useMutation({
    mutationFn: (input: AdjustmentInput) => http.post('/stock/adjustments', input),
    onSuccess: refreshStock,
  });
}

export function useDeliveries(query: { state?: string; q?: string; originId?: string }, enabled = true) {
  return useInfiniteQuery(infinite<Picking>(['deliveries', query], '/deliveries', { ...query }, enabled));
}

export function useDelivery(deliveryId: string) {
  return useQuery({
    queryKey: ['deliveries', 'one', deliveryId],
    queryFn: ({ signal }) => http.get<Picking>(`/deliveries/${id(deliveryId)}`, undefined, signal),
  });
}

export interface ShipInput {
  lines?: { lineId: string; qty: string; lotNo?: string }[];
  carrier?: string;
  trackingNo?: string;
}

/** pick / pack / ship / cancel of a delivery, each with the version the person saw. */
export function useDeliveryStep(delivery: Picking | undefined) {
  return useMutation({
    mutationFn: ({ step, body }: { step: 'pick' | 'pack' | 'ship' | 'cancel'; body?: ShipInput }) =>
      http.post<ShipResult>(`/deliveries/${id(delivery?.id ?? '')}/${step}`, {
        version: delivery?.version,
        ...body,
      }),
    onSuccess: refreshStock,
  });
}

export function useReceipts(query: { state?: string; q?: string }, enabled = true) {
  return useInfiniteQuery(infinite<Picking>(['receipts', query], '/receipts', { ...query }, enabled));
}

export function useReceipt(receiptId: string) {
  return useQuery({
    queryKey: ['receipts', 'one', receiptId],
    queryFn: ({ signal }) => http.get<Picking>(`/receipts/${id(receiptId)}`, undefined, signal),
  });
}

export interface ReceiptInput {
  warehouseId: string;
  partyId?: string | null;
  scheduledDate?: string | null;
  lines: { productId: string; qty: string; unitCost: string; lotNo?: string; expiryDate?: string }[];
}

export function useCreateReceipt() {
  return useMutation({
    mutationFn: (input: ReceiptInput) => http.post<Picking>('/receipts', input),
    onSuccess: refreshStock,
  });
}

export function useValidateReceipt(receipt: Picking | undefined) {
  return useMutation({
    mutationFn: (lines?: { lineId: string; qty: string; lotNo?: string; expiryDate?: string }[]) =>
      http.post<Picking>(`/receipts/${id(receipt?.id ?? '')}/validate`, { version: receipt?.version, lines }),
    onSuccess: refreshStock,
  });
}

export function useStockCounts(query: { state?: string }) {
  return useInfiniteQuery(infinite<StockCount>(['stock-counts', query], '/stock-counts', { ...query }));
}

export function useStockCount(countId: string) {
  return useQuery({
    queryKey: ['stock-counts', 'one', countId],
    queryFn: ({ signal }) => http.get<StockCount>(`/stock-counts/${id(countId)}`, undefined, signal),
  });
}

export function useCreateStockCount() {
  return useMutation({
    mutationFn: (input: { warehouseId: string; notes?: string }) =>
      http.post<StockCount>('/stock-counts', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stock-counts'] }),
  });
}

export interface CountLineInput {
  code?: string;
  productId?: string;
  locationId?: string;
  lotNo?: string;
  countedQty: string;
  /** Add to what was counted so far (one scan per item) instead of replacing it. */
  add?: boolean;
}

export function useCountLine(countId: string) {
  return useMutation({
    mutationFn: (input: CountLineInput) =>
      http.post<StockCountLine>(`/stock-counts/${id(countId)}/lines`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stock-counts', 'one', countId] }),
  });
}

export function usePostStockCount(count: StockCount | undefined) {
  return useMutation({
    mutationFn: () =>
      http.post<StockCount>(`/stock-counts/${id(count?.id ?? '')}/post`, { version: count?.version }),
    onSuccess: refreshStock,
  });
}

export function useSafetyLevels(query: { warehouseId?: string; productId?: string }) {
  return useInfiniteQuery(infinite<SafetyLevel>(['safety-levels', query], '/safety-levels', { ...query }));
}

export function useSaveSafetyLevel() {
  return useMutation({
    mutationFn: (input: { productId: string; warehouseId: string; safetyQty: string }) =>
      http.put<SafetyLevel>('/safety-levels', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['safety-levels'] }),
  });
}

export function useProcurementNeeds(state?: string) {
  return useInfiniteQuery(
    infinite<ProcurementNeed>(['procurement-needs', state ?? ''], '/procurement-needs', { state }),
  );
}

/** The printed document's address (opened in a new tab: the browser sends the session cookie). */
export function printUrl(kind: 'deliveries' | 'returns', pickingId: string, lang: string): string {
  return `/api/v1/${kind}/${id(pickingId)}/print?lang=${id(lang)}`;
}
