import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { queryClient } from '../../app/query-client.ts';
import type {
  Category,
  PriceAnswer,
  PriceList,
  PriceListInput,
  Product,
  ProductFilters,
  ProductInput,
  ProductLookup,
  TaxCode,
  Unit,
} from './types.ts';

export const productsKey = ['products'] as const;
export const priceListsKey = ['price-lists'] as const;
const id = encodeURIComponent;

export function useProducts(filters: ProductFilters) {
  return useInfiniteQuery({
    queryKey: [...productsKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<Product>>('/products', { limit: 50, ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProduct(productId: string | null | undefined) {
  return useQuery({
    queryKey: [...productsKey, 'one', productId],
    queryFn: ({ signal }) => http.get<Product>(`/products/${id(productId ?? '')}`, undefined, signal),
    enabled: Boolean(productId),
  });
}

/** One product by SKU or (product or packaging) barcode: what a scanner typed. */
export function lookupProduct(code: string): Promise<ProductLookup> {
  return http.get<ProductLookup>('/products/lookup', { code });
}

export function useSaveProduct(existing?: Product) {
  return useMutation({
    mutationFn: (input: ProductInput) =>
      existing
        ? http.patch<Product>(`/products/${id(existing.id)}`, { ...input, version: existing.version })
        : http.post<Product>('/products', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsKey }),
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['product-categories'],
    queryFn: ({ signal }) => http.get<Page<Category>>('/product-categories', { limit: 200 }, signal),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

export function useCreateCategory() {
  return useMutation({
    mutationFn: (input: { code: string; name: Record<string, string>; parentId: string | null }) =>
      http.post<Category>('/product-categories', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['product-categories'] }),
  });
}

export function usePriceLists(q?: string) {
  return useInfiniteQuery({
    queryKey: [...priceListsKey, 'list', q ?? ''],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<PriceList>>('/price-lists', { limit: 50, q, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePriceList(listId: string | null) {
  return useQuery({
    queryKey: [...priceListsKey, 'one', listId],
    queryFn: ({ signal }) => http.get<PriceList>(`/price-lists/${id(listId ?? '')}`, undefined, signal),
    enabled: Boolean(listId),
  });
}

export function useSavePriceList(existing?: PriceList) {
  return useMutation({
    mutationFn: (input: PriceListInput) =>
      existing
        ? http.patch<PriceList>(`/price-lists/${id(existing.id)}`, { ...input, version: existing.version })
        : http.post<PriceList>('/price-lists', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: priceListsKey }),
  });
}

export interface PriceQuestion {
  productId: string;
  customerId?: string | null;
  qty: string;
  uomCode?: string | null;
  currency?: string | null;
  date?: string | null;
  priceListId?: string | null;
}

export function fetchPrice(q: PriceQuestion, signal?: AbortSignal): Promise<PriceAnswer> {
  return http.get<PriceAnswer>('/prices', { ...q }, signal);
}

/** The price the server would use for a product, customer and quantity (and which rule gave it). */
export function usePrice(q: PriceQuestion | null) {
  return useQuery({
    queryKey: ['prices', q],
    queryFn: ({ signal }) => fetchPrice(q as PriceQuestion, signal),
    enabled: q !== null && Boolean(q.productId) && Boolean(q.qty),
    staleTime: 60_000,
  });
}

export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => http.get<Page<Unit>>('/units', { limit: 200 }, signal),
    select: (page) => page.items.filter((unit) => unit.active),
    staleTime: 10 * 60_000,
  });
}

export function useTaxCodes() {
  return useQuery({
    queryKey: ['tax-codes'],
    queryFn: ({ signal }) => http.get<Page<TaxCode>>('/tax-codes', { limit: 200 }, signal),
    select: (page) => page.items.filter((code) => code.active),
    staleTime: 10 * 60_000,
  });
}
