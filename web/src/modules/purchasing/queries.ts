// Purchasing server state through TanStack Query: suppliers, prices, requisitions, orders, bills.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http, type Query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { queryClient } from '../../app/query-client.ts';
import type { Picking } from '../inventory/types.ts';
import type {
  BestPrice,
  Bill,
  BillInput,
  Order,
  OrderInput,
  OrderSummary,
  Requisition,
  Supplier,
  SupplierInput,
  SupplierPrice,
  SupplierPriceInput,
  ToOrdersResult,
} from './types.ts';

const id = encodeURIComponent;
const KEYS = ['suppliers', 'supplier-prices', 'purchase-requisitions', 'purchase-orders', 'supplier-bills'];

/** Everything purchasing shows may move after any of its writes (a PO frees requisitions, a bill a PO …). */
function refreshPurchasing(): Promise<unknown> {
  return Promise.all([
    ...KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
    queryClient.invalidateQueries({ queryKey: ['receipts'] }),
  ]);
}

/** A "load more" list of `path` (limit 50 per page). */
function infinite<T>(key: string, path: string, query: Query, enabled = true) {
  return {
    queryKey: [key, 'list', query],
    queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
      http.get<Page<T>>(path, { limit: 50, ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  };
}

function one<T>(key: string, path: string, recordId: string | undefined) {
  return {
    queryKey: [key, 'one', recordId],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      http.get<T>(`${path}/${id(recordId ?? '')}`, undefined, signal),
    enabled: Boolean(recordId),
  };
}

// ── suppliers and prices ──

export function useSuppliers(query: { q?: string; active?: string }, enabled = true) {
  return useInfiniteQuery(infinite<Supplier>('suppliers', '/suppliers', { ...query }, enabled));
}

export function useSupplier(supplierId: string | undefined) {
  return useQuery(one<Supplier>('suppliers', '/suppliers', supplierId));
}

export function useSaveSupplier(existing?: Supplier) {
  return useMutation({
    mutationFn: (input: SupplierInput) => {
      if (!existing) return http.post<Supplier>('/suppliers', input);
      const { partyId: _p, party: _n, ...patch } = input;
      return http.patch<Supplier>(`/suppliers/${id(existing.id)}`, { ...patch, version: existing.version });
    },
    onSuccess: refreshPurchasing,
  });
}

export function useSupplierPrices(query: { supplierId?: string; productId?: string }, enabled = true) {
  return useInfiniteQuery(
    infinite<SupplierPrice>('supplier-prices', '/supplier-prices', { ...query }, enabled),
  );
}

export function useSaveSupplierPrice(existing?: SupplierPrice) {
  return useMutation({
    mutationFn: (input: SupplierPriceInput) => {
      if (!existing) return http.post<SupplierPrice>('/supplier-prices', input);
      const { supplierId: _s, productId: _p, ...patch } = input;
      return http.patch<SupplierPrice>(`/supplier-prices/${id(existing.id)}`, {
        ...patch,
        version: existing.version,
      });
    },
    onSuccess: refreshPurchasing,
  });
}

export function useDeleteSupplierPrice() {
  return useMutation({
    mutationFn: (priceId: string) => http.delete(`/supplier-prices/${id(priceId)}`),
    onSuccess: refreshPurchasing,
  });
}

/** The price a new PO line would take (preferred, then cheapest valid one for the quantity). */
export function fetchBestPrice(productId: string, qty: string): Promise<BestPrice> {
  return http.get<BestPrice>('/supplier-prices/best', { productId, qty });
}

// ── requisitions ──

export interface RequisitionFilters {
  q?: string;
  state?: string;
}

export function useRequisitions(filters: RequisitionFilters) {
  return useInfiniteQuery(
    infinite<Requisition>('purchase-requisitions', '/purchase-requisitions', { ...filters }),
  );
}

export function useRequisition(requisitionId: string | undefined) {
  return useQuery(one<Requisition>('purchase-requisitions', '/purchase-requisitions', requisitionId));
}

export function useRequisitionAction() {
  return useMutation({
    mutationFn: ({ requisition, action }: { requisition: Requisition; action: 'approve' | 'cancel' }) =>
      http.post<Requisition>(`/purchase-requisitions/${id(requisition.id)}/${action}`, {
        version: requisition.version,
      }),
    onSuccess: refreshPurchasing,
  });
}

export function useRequisitionsToOrders() {
  return useMutation({
    mutationFn: (requisitionIds: string[]) =>
      http.post<ToOrdersResult>('/purchase-requisitions/to-orders', { requisitionIds }),
    onSuccess: refreshPurchasing,
  });
}

// ── purchase orders ──

export interface OrderFilters {
  q?: string;
  state?: string;
  supplierId?: string;
}

export function usePurchaseOrders(filters: OrderFilters) {
  return useInfiniteQuery(infinite<OrderSummary>('purchase-orders', '/purchase-orders', { ...filters }));
}

export function usePurchaseOrder(orderId: string | undefined) {
  return useQuery(one<Order>('purchase-orders', '/purchase-orders', orderId));
}

export function useSavePurchaseOrder(existing?: Order) {
  return useMutation({
    mutationFn: (input: OrderInput) => {
      if (!existing) return http.post<Order>('/purchase-orders', input);
      const { supplierId: _s, ...patch } = input;
      return http.patch<Order>(`/purchase-orders/${id(existing.id)}`, {
        ...patch,
        version: existing.version,
      });
    },
    onSuccess: refreshPurchasing,
  });
}

export type OrderAction = 'send' | 'confirm' | 'cancel' | 'close';

export function usePurchaseOrderAction(order: Order | undefined) {
  return useMutation({
    mutationFn: ({ action, reason }: { action: OrderAction; reason?: string }) =>
      http.post<Order>(`/purchase-orders/${id(order?.id ?? '')}/${action}`, {
        version: order?.version,
        ...(reason ? { reason } : {}),
      }),
    onSuccess: refreshPurchasing,
  });
}

/** The order's inventory receipts (the first one and its backorders), for people who may see receipts. */
export function useOrderReceipts(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['receipts', 'origin', orderId],
    queryFn: ({ signal }) => http.get<Page<Picking>>('/receipts', { originId: orderId, limit: 50 }, signal),
    select: (page) => page.items,
    enabled,
  });
}

/** Received goods going back to the supplier (an inventory return document; the PO's returned qty rises). */
export function useReturnToSupplier(order: Order) {
  return useMutation({
    mutationFn: (input: { reason: string; lines: { lineId: string; qty: string }[] }) =>
      http.post<Order>(`/purchase-orders/${id(order.id)}/return`, { version: order.version, ...input }),
    onSuccess: () =>
      Promise.all([refreshPurchasing(), queryClient.invalidateQueries({ queryKey: ['stock'] })]),
  });
}

/** The printable purchase order, or the goods receipt note (入库单) of one of its receipts, for a new tab. */
export function purchasingPrintUrl(orderId: string, lang: string, receiptId?: string): string {
  const receipt = receiptId ? `/receipts/${id(receiptId)}` : '';
  return `/api/v1/purchase-orders/${id(orderId)}${receipt}/print?lang=${id(lang)}`;
}

export function useCreateBill(orderId: string) {
  return useMutation({
    mutationFn: (input: BillInput) => http.post<Bill>(`/purchase-orders/${id(orderId)}/bill`, input),
    onSuccess: refreshPurchasing,
  });
}

// ── supplier bills ──

export function useBills(filters: { state?: string; orderId?: string }, enabled = true) {
  return useInfiniteQuery(infinite<Bill>('supplier-bills', '/supplier-bills', { ...filters }, enabled));
}

export function useBill(billId: string | undefined) {
  return useQuery(one<Bill>('supplier-bills', '/supplier-bills', billId));
}

export type BillAction = 'approve-variance' | 'post' | 'cancel';

export function useBillAction(bill: Bill | undefined) {
  return useMutation({
    mutationFn: ({ action, reason }: { action: BillAction; reason?: string }) =>
      http.post<Bill>(`/supplier-bills/${id(bill?.id ?? '')}/${action}`, {
        version: bill?.version,
        ...(reason ? { reason } : {}),
      }),
    onSuccess: refreshPurchasing,
  });
}
