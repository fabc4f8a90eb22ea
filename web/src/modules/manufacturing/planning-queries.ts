// Reorder rules, forecasts, MRP runs and proposals through TanStack Query.
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { queryClient } from '../../app/query-client.ts';
import { infinite } from './queries.ts';
import type { Forecast, MrpProposal, MrpRun, ProposalFilters, ReorderRule } from './types.ts';

const id = encodeURIComponent;

export type PlanningPath = 'reorder-rules' | 'forecasts';

export function usePlanningList<T extends ReorderRule | Forecast>(
  path: PlanningPath,
  query: { q?: string; productId?: string; warehouseId?: string },
) {
  return useInfiniteQuery(infinite<T>([path, 'list', query], `/${path}`, { ...query }));
}

/** Create (no id) or change (id and version) a reorder rule or forecast. */
export function useSavePlanning(path: PlanningPath) {
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId?: string; body: Record<string, unknown> }) =>
      itemId ? http.patch(`/${path}/${id(itemId)}`, body) : http.post(`/${path}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [path] }),
  });
}

export function useDeletePlanning(path: PlanningPath) {
  return useMutation({
    mutationFn: (item: { id: string; version: number }) =>
      http.delete(`/${path}/${id(item.id)}`, { version: item.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [path] }),
  });
}

export function useMrpRuns() {
  return useQuery({
    queryKey: ['mrp-runs', 'list'],
    queryFn: ({ signal }) => http.get<Page<MrpRun>>('/mrp-runs', { limit: 10 }, signal),
  });
}

const FINISHED = ['done', 'failed'];

/** One run, polled every second while it is queued or running. */
export function useMrpRun(runId: string | undefined) {
  return useQuery({
    queryKey: ['mrp-runs', 'one', runId],
    queryFn: ({ signal }) => http.get<MrpRun>(`/mrp-runs/${id(runId ?? '')}`, undefined, signal),
    enabled: Boolean(runId),
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state && FINISHED.includes(state) ? false : 1000;
    },
  });
}

export function useStartMrpRun() {
  return useMutation({
    mutationFn: () => http.post<MrpRun>('/mrp-runs'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['mrp-runs', 'list'] }),
  });
}

export function useProposals(filters: ProposalFilters, enabled = true) {
  return useInfiniteQuery({
    ...infinite<MrpProposal>(['mrp-proposals', filters], '/mrp-proposals', { ...filters, limit: 200 }),
    enabled,
  });
}

/** Confirm or dismiss proposals in bulk; answers with the proposals (confirmed ones name their document). */
export function useDecideProposals() {
  return useMutation({
    mutationFn: ({ action, ids }: { action: 'confirm' | 'dismiss'; ids: string[] }) =>
      http.post<{ items: MrpProposal[] }>(`/mrp-proposals/${action}`, { ids }),
    onSuccess: () =>
      Promise.all(
        ['mrp-proposals', 'production-orders', 'purchase-requisitions'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
}
