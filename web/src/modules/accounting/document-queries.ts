// Server state of invoices, payments and the customer's account through TanStack Query.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { queryClient } from '../../app/query-client.ts';
import { refreshLedger } from './ledger-queries.ts';
import type {
  CreditProfile,
  CustomerAccountSummary,
  Invoice,
  InvoiceFilters,
  InvoiceSummary,
  Payment,
  PaymentFilters,
  PaymentInput,
  PaymentSummary,
} from './types.ts';

const id = encodeURIComponent;
export const invoicesKey = ['invoices'] as const;
export const paymentsKey = ['payments'] as const;

/** An invoice or payment changes residuals, the ledger, the customer's account and the sales order. */
export function refreshDocuments(): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: invoicesKey }),
    queryClient.invalidateQueries({ queryKey: paymentsKey }),
    queryClient.invalidateQueries({ queryKey: ['customers'] }),
    queryClient.invalidateQueries({ queryKey: ['sales-orders'] }),
    refreshLedger(),
  ]);
}

export function useInvoices(filters: InvoiceFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...invoicesKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<InvoiceSummary>>('/invoices', { limit: 50, ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Posted documents of a partner still open (not paid or partly paid), oldest due first: for allocation. */
export function useOpenInvoices(partnerId: string | undefined, kinds: string[]) {
  return useQuery({
    queryKey: [...invoicesKey, 'open', partnerId, kinds],
    queryFn: async ({ signal }) => {
      const found: InvoiceSummary[] = [];
      for (const kind of kinds) {
        const page = await http.get<Page<InvoiceSummary>>(
          '/invoices',
          { partnerId, kind, state: 'posted', limit: 200 },
          signal,
        );
        found.push(...page.items);
      }
      return found
        .filter((invoice) => invoice.paymentState !== 'paid' && Number(invoice.residual) !== 0)
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || (a.number ?? '').localeCompare(b.number ?? ''));
    },
    enabled: Boolean(partnerId),
  });
}

export function useInvoice(invoiceId: string | undefined) {
  return useQuery({
    queryKey: [...invoicesKey, 'one', invoiceId],
    queryFn: ({ signal }) => http.get<Invoice>(`/invoices/${id(invoiceId ?? '')}`, undefined, signal),
    enabled: Boolean(invoiceId),
  });
}

export type InvoiceAction = 'post' | 'cancel' | 'credit-note' | 'e-invoice';

export function useInvoiceAction(invoice: Invoice | undefined) {
  return useMutation({
    mutationFn: ({ action, body }: { action: InvoiceAction; body?: Record<string, unknown> }) => {
      const path = `/invoices/${id(invoice?.id ?? '')}`;
      if (action === 'e-invoice')
        return http.patch<Invoice>(`${path}/e-invoice`, { version: invoice?.version, ...body });
      if (action === 'credit-note') return http.post<Invoice>(`${path}/credit-note`, body);
      return http.post<Invoice>(`${path}/${action}`, { version: invoice?.version, ...body });
    },
    onSuccess: refreshDocuments,
  });
}

/** The printable invoice (HTML) in the reader's language, for a new tab. */
export function invoicePrintUrl(invoiceId: string, lang: string): string {
  return `/api/v1/invoices/${id(invoiceId)}/print?lang=${id(lang)}`;
}

/** Invoices what the sales order may (delivered or ordered, by the company's policy); posted unless `post` is false. */
export function useInvoiceOrder(orderId: string) {
  return useMutation({
    mutationFn: (body: { post: boolean }) => http.post<Invoice>(`/sales-orders/${id(orderId)}/invoice`, body),
    onSuccess: refreshDocuments,
  });
}

export function usePayments(filters: PaymentFilters) {
  return useInfiniteQuery({
    queryKey: [...paymentsKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<PaymentSummary>>('/payments', { limit: 50, ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePayment(paymentId: string | undefined) {
  return useQuery({
    queryKey: [...paymentsKey, 'one', paymentId],
    queryFn: ({ signal }) => http.get<Payment>(`/payments/${id(paymentId ?? '')}`, undefined, signal),
    enabled: Boolean(paymentId),
  });
}

export function useCreatePayment() {
  return useMutation({
    mutationFn: (input: PaymentInput) => http.post<Payment>('/payments', input),
    onSuccess: refreshDocuments,
  });
}

export function useCustomerAccount(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'one', customerId, 'account-summary'],
    queryFn: ({ signal }) =>
      http.get<CustomerAccountSummary>(`/customers/${id(customerId)}/account-summary`, undefined, signal),
    enabled,
  });
}

export function useCreditProfile(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'one', customerId, 'credit-profile'],
    queryFn: ({ signal }) =>
      http.get<CreditProfile>(`/customers/${id(customerId)}/credit-profile`, undefined, signal),
    enabled,
  });
}

/** Finance takes the suggested limit: the customer record changes, so its queries refresh too. */
export function useAcceptSuggestedLimit(customerId: string) {
  return useMutation({
    mutationFn: (input: { version: number; expected: string }) =>
      http.post<CreditProfile>(`/customers/${id(customerId)}/credit-profile/accept`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers', 'one', customerId] }),
  });
}
