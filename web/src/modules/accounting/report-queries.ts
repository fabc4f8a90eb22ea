// Server state of the report screens. Every report is keyed under reportsKey, so a posting refreshes them.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { http, type Query } from '../../api/client.ts';
import { reportsKey } from './ledger-queries.ts';
import type { Aging, BalanceSheet, GeneralLedger, ProfitAndLoss, TrialBalance } from './types.ts';

function useReport<T>(path: string, query: Query | null) {
  return useQuery({
    queryKey: [...reportsKey, path, query],
    queryFn: ({ signal }) => http.get<T>(path, query ?? undefined, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export interface Range {
  from: string;
  to: string;
}

export const useTrialBalance = (range: Range | null) =>
  useReport<TrialBalance>('/reports/trial-balance', range ? { ...range } : null);

export const useGeneralLedger = (query: (Range & { accountId: string }) | null) =>
  useReport<GeneralLedger>('/reports/general-ledger', query ? { ...query } : null);

export const useProfitAndLoss = (range: Range | null) =>
  useReport<ProfitAndLoss>('/reports/profit-and-loss', range ? { ...range } : null);

export const useBalanceSheet = (date: string | null) =>
  useReport<BalanceSheet>('/reports/balance-sheet', date ? { date } : null);

export const useArAging = (asOf: string | null) =>
  useReport<Aging>('/reports/ar-aging', asOf ? { asOf } : {});
