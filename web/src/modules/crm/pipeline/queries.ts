import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';
import type { Board, Forecast, Opportunity, OpportunityStatus } from '../types.ts';

const boardKey = (pipelineId: string | undefined) =>
  ['opportunities', 'board', pipelineId ?? 'default'] as const;

export function useBoard(pipelineId: string | undefined) {
  return useQuery({
    queryKey: boardKey(pipelineId),
    queryFn: ({ signal }) => http.get<Board>('/opportunities/board', { pipelineId }, signal),
  });
}

export function useOpportunityList(filters: { status?: OpportunityStatus; pipelineId?: string; q?: string }) {
  return useInfiniteQuery({
    queryKey: ['opportunities', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<Opportunity>>('/opportunities', { limit: 50, ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useForecast(groupBy: 'month' | 'owner') {
  return useQuery({
    queryKey: ['opportunities', 'forecast', groupBy],
    queryFn: ({ signal }) => http.get<Forecast>('/reports/forecast', { groupBy }, signal),
  });
}

export interface MoveRequest {
  opportunity: Opportunity;
  toStageId: string;
  lostReasonCode?: string;
}

/** Moves the card at once (optimistic), and puts it back if the server says no (409 stale, 422 rule). */
export function useMoveOpportunity(pipelineId: string | undefined) {
  const key = boardKey(pipelineId);
  return useMutation({
    mutationFn: ({ opportunity, toStageId, lostReasonCode }: MoveRequest) =>
      http.post<Opportunity>(`/opportunities/${encodeURIComponent(opportunity.id)}/move`, {
        version: opportunity.version,
        stageId: toStageId,
        ...(lostReasonCode ? { lostReasonCode } : {}),
      }),
    onMutate: async ({ opportunity, toStageId }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Board>(key);
      if (before)
        queryClient.setQueryData<Board>(key, {
          ...before,
          stages: before.stages.map((stage) => {
            const rest = stage.opportunities.filter((item) => item.id !== opportunity.id);
            return stage.id === toStageId
              ? { ...stage, opportunities: [{ ...opportunity, stageId: toStageId }, ...rest] }
              : { ...stage, opportunities: rest };
          }),
        });
      return { before };
    },
    onSuccess: (updated) => {
      // The card gets the server's row at once (its new version), so a second drag right after
      // the first does not send a stale version while the board is still being fetched again.
      const board = queryClient.getQueryData<Board>(key);
      if (board)
        queryClient.setQueryData<Board>(key, {
          ...board,
          stages: board.stages.map((stage) => ({
            ...stage,
            opportunities: stage.opportunities.flatMap((item) =>
              item.id !== updated.id ? [item] : updated.status === 'open' ? [{ ...item, ...updated }] : [],
            ),
          })),
        });
    },
    onError: (_err, _request, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['opportunities'] }),
  });
}

export interface NewOpportunity {
  name: string;
  customerId: string;
  amount: string;
  currency?: string;
  expectedCloseDate?: string | null;
  pipelineId?: string;
}

export function useCreateOpportunity() {
  return useMutation({
    mutationFn: (input: NewOpportunity) => http.post<Opportunity>('/opportunities', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['opportunities'] }),
  });
}
