import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';
import type { RuleEventType, RuleInput, RuleRun, RuleTestResult, TriggerRule } from './types.ts';

const id = encodeURIComponent;
const refresh = () => queryClient.invalidateQueries({ queryKey: ['trigger-rules'] });

export function useRules() {
  return useInfiniteQuery({
    queryKey: ['trigger-rules', 'list'],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<TriggerRule>>('/trigger-rules', { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useRule(ruleId: string | undefined) {
  return useQuery({
    queryKey: ['trigger-rules', 'one', ruleId],
    queryFn: ({ signal }) => http.get<TriggerRule>(`/trigger-rules/${id(ruleId ?? '')}`, undefined, signal),
    enabled: Boolean(ruleId),
  });
}

/** Every event type with its payload fields (fixed while the server runs). */
export function useRuleEventTypes() {
  return useQuery({
    queryKey: ['trigger-rules', 'fields'],
    queryFn: ({ signal }) => http.get<{ items: RuleEventType[] }>('/trigger-rules/fields', undefined, signal),
    select: (page) => page.items,
    staleTime: 60 * 60_000,
  });
}

export function useRuleRuns(ruleId: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['trigger-rules', 'runs', ruleId],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<RuleRun>>(
        `/trigger-rules/${id(ruleId ?? '')}/runs`,
        { limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(ruleId),
  });
}

export function useSaveRule() {
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; body: RuleInput }) =>
      input.id
        ? http.patch<TriggerRule>(`/trigger-rules/${id(input.id)}`, { ...input.body, version: input.version })
        : http.post<TriggerRule>('/trigger-rules', input.body),
    onSuccess: refresh,
  });
}

export function useToggleRule() {
  return useMutation({
    mutationFn: (rule: TriggerRule) =>
      http.patch<TriggerRule>(`/trigger-rules/${id(rule.id)}`, {
        version: rule.version,
        enabled: !rule.enabled,
      }),
    onSuccess: refresh,
  });
}

export function useDeleteRule() {
  return useMutation({
    mutationFn: (rule: TriggerRule) =>
      http.delete(`/trigger-rules/${id(rule.id)}`, { version: rule.version }),
    onSuccess: refresh,
  });
}

export function useTestRule(ruleId: string | undefined) {
  return useMutation({
    mutationFn: (body: { payload?: Record<string, unknown>; eventId?: string }) =>
      http.post<RuleTestResult>(`/trigger-rules/${id(ruleId ?? '')}/test`, body),
  });
}
