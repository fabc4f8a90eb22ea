import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { queryClient } from '../../app/query-client.ts';
import type { Order, Quote, QuoteInput } from './types.ts';

const id = encodeURIComponent;
export const quotesKey = ['quotes'] as const;
export const ordersKey = ['sales-orders'] as const;

function refreshSales(): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: quotesKey }),
    queryClient.invalidateQueries({ queryKey: ordersKey }),
    queryClient.invalidateQueries({ queryKey: ['availability'] }),
    queryClient.invalidateQueries({ queryKey: ['stock'] }),
  ]);
}

export interface QuoteFilters {
  q?: string;
  state?: string;
  customerId?: string;
}

export function useQuotes(filters: QuoteFilters) {
  return useInfiniteQuery({
    queryKey: [...quotesKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<Quote>>('/quotes', { limit: 50, ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useQuote(quoteId: string | undefined) {
  return useQuery({
    queryKey: [...quotesKey, 'one', quoteId],
    queryFn: ({ signal }) => http.get<Quote>(`/quotes/${id(quoteId ?? '')}`, undefined, signal),
    enabled: Boolean(quoteId),
  });
}

export function useSaveQuote(existing?: Quote) {
  return useMutation({
    mutationFn: (input: QuoteInput) => {
      if (!existing) return http.post<Quote>('/quotes', input);
      const { customerId: _customer, ...patch } = input;
      return http.patch<Quote>(`/quotes/${id(existing.id)}`, { ...patch, version: existing.version });
    },
    onSuccess: refreshSales,
  });
}

export type QuoteAction = 'send' | 'revise' | 'accept' | 'cancel';

export function useQuoteAction(quote: Quote | undefined) {
  return useMutation({
    mutationFn: ({ action, body }: { action: QuoteAction; body?: Record<string, unknown> }) =>
      http.post<Quote | { quote: Quote; orderId: string }>(`/quotes/${id(quote?.id ?? '')}/${action}`, {
        version: quote?.version,
        ...body,
      }),
    onSuccess: refreshSales,
  });
}

export interface OrderFilters {
  q?: string;
  state?: string;
  customerId?: string;
}

export function useOrders(filters: OrderFilters) {
  return useInfiniteQuery({
    queryKey: [...ordersKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<Order>>('/sales-orders', { limit: 50, ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOrder(orderId: string) {
  return useQuery({
    queryKey: [...ordersKey, 'one', orderId],
    queryFn: ({ signal }) => http.get<Order>(`/sales-orders/${id(orderId)}`, undefined, signal),
  });
}

export type OrderAction = 'confirm' | 'cancel' | 'close';

export function useOrderAction(order: Order | undefined) {
  return useMutation({
    mutationFn: ({ action, body }: { action: OrderAction; body?: Record<string, unknown> }) =>
      http.post<Order>(`/sales-orders/${id(order?.id ?? '')}/${action}`, {
        version: order?.version,
        ...body,
      }),
    onSuccess: refreshSales,
  });
}

/** The printable page (HTML) of a quote or order in the reader's language, for a new tab. */
export function salesPrintUrl(kind: 'quotes' | 'sales-orders', docId: string, lang: string): string {
  return `/api/v1/${kind}/${id(docId)}/print?lang=${id(lang)}`;
}
