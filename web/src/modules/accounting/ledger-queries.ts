// Server state of the ledger screens (chart, journal entries, periods) through TanStack Query.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { queryClient } from '../../app/query-client.ts';
import type {
  Account,
  AccountCreate,
  AccountPatch,
  Entry,
  EntryFilters,
  EntryInput,
  FiscalYear,
  Journal,
  Period,
} from './types.ts';

const id = encodeURIComponent;
export const accountsKey = ['accounts'] as const;
export const entriesKey = ['journal-entries'] as const;
export const periodsKey = ['fiscal-periods'] as const;
/** Everything a posting changes: entries, balances in the reports, invoices' residuals. */
export const reportsKey = ['accounting-reports'] as const;

export function refreshLedger(): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: entriesKey }),
    queryClient.invalidateQueries({ queryKey: periodsKey }),
    queryClient.invalidateQueries({ queryKey: reportsKey }),
  ]);
}

/** The whole chart (a few hundred accounts at most), by code; inactive ones too when asked. */
export function useAccounts(includeInactive = false, enabled = true) {
  return useQuery({
    queryKey: [...accountsKey, 'all', includeInactive],
    queryFn: ({ signal }) =>
      http.get<Page<Account>>(
        '/accounts',
        { limit: 500, includeInactive: includeInactive ? 'true' : undefined },
        signal,
      ),
    select: (page) => page.items,
    staleTime: 60_000,
    enabled,
  });
}

export function useSaveAccount(existing?: Account) {
  return useMutation({
    mutationFn: (input: AccountCreate | AccountPatch) =>
      existing
        ? http.patch<Account>(`/accounts/${id(existing.id)}`, input)
        : http.post<Account>('/accounts', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  });
}

export function useJournals() {
  return useQuery({
    queryKey: ['journals'],
    queryFn: ({ signal }) => http.get<{ items: Journal[] }>('/journals', undefined, signal),
    select: (data) => data.items,
    staleTime: 300_000,
  });
}

export function useEntries(filters: EntryFilters) {
  return useInfiniteQuery({
    queryKey: [...entriesKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<Entry>>('/journal-entries', { limit: 50, ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useEntry(entryId: string | undefined) {
  return useQuery({
    queryKey: [...entriesKey, 'one', entryId],
    queryFn: ({ signal }) => http.get<Entry>(`/journal-entries/${id(entryId ?? '')}`, undefined, signal),
    enabled: Boolean(entryId),
  });
}

export function useSaveEntry(existing?: Entry) {
  return useMutation({
    mutationFn: (input: EntryInput) =>
      existing
        ? http.patch<Entry>(`/journal-entries/${id(existing.id)}`, { ...input, version: existing.version })
        : http.post<Entry>('/journal-entries', input),
    onSuccess: refreshLedger,
  });
}

export type EntryAction = 'review' | 'post' | 'reverse' | 'delete';

export function useEntryAction(entry: Entry | undefined) {
  return useMutation({
    mutationFn: async ({
      action,
      body,
    }: {
      action: EntryAction;
      body?: Record<string, unknown>;
    }): Promise<Partial<Entry> & { id?: string; voucher?: string | null }> => {
      const path = `/journal-entries/${id(entry?.id ?? '')}`;
      if (action === 'delete') {
        await http.delete<void>(path, { version: entry?.version });
        return {};
      }
      if (action === 'reverse')
        return http.post<{ id: string; voucher: string }>(`${path}/reverse`, body ?? {});
      return http.post<Entry | { id: string; voucher: string }>(`${path}/${action}`, {
        version: entry?.version,
      });
    },
    onSuccess: refreshLedger,
  });
}

export function usePeriods(enabled = true) {
  return useQuery({
    queryKey: [...periodsKey, 'list'],
    queryFn: ({ signal }) => http.get<{ items: Period[] }>('/fiscal-periods', undefined, signal),
    select: (page) => page.items,
    enabled,
  });
}

export type PeriodAction = 'close' | 'reopen';

export function usePeriodAction() {
  return useMutation({
    mutationFn: ({ period, action }: { period: Period; action: PeriodAction }) =>
      http.post<Period>(`/fiscal-periods/${id(period.id)}/${action}`, { version: period.version }),
    onSuccess: refreshLedger,
  });
}

export function useFiscalYears(enabled = true) {
  return useQuery({
    queryKey: [...periodsKey, 'years'],
    queryFn: ({ signal }) => http.get<{ items: FiscalYear[] }>('/fiscal-years', undefined, signal),
    select: (page) => page.items,
    enabled,
  });
}

export function useCloseYear() {
  return useMutation({
    mutationFn: (year: FiscalYear) =>
      http.post<FiscalYear>(`/fiscal-years/${id(year.id)}/close`, { version: year.version }),
    onSuccess: refreshLedger,
  });
}
