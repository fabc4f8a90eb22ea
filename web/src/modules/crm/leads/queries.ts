import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';
import type {
  ConvertedLead,
  ConvertLeadInput,
  DuplicateCandidate,
  Lead,
  LeadInput,
  LeadStatus,
} from '../types.ts';

export interface LeadFilters {
  q?: string;
  status?: LeadStatus;
  ownerUserId?: string;
}

const leadsKey = ['leads'] as const;
const refresh = () => queryClient.invalidateQueries({ queryKey: leadsKey });

export function useLeads(filters: LeadFilters) {
  return useInfiniteQuery({
    queryKey: [...leadsKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<Lead>>('/leads', { limit: 50, ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useLead(id: string) {
  return useQuery({
    queryKey: [...leadsKey, 'one', id],
    queryFn: ({ signal }) => http.get<Lead>(`/leads/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useLeadDuplicates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...leadsKey, 'one', id, 'duplicates'],
    queryFn: ({ signal }) =>
      http.get<{ items: DuplicateCandidate[] }>(
        `/leads/${encodeURIComponent(id)}/duplicates`,
        undefined,
        signal,
      ),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateLead() {
  return useMutation({
    mutationFn: (input: LeadInput) => http.post<Lead>('/leads', input),
    onSuccess: refresh,
  });
}

export function useUpdateLead(id: string) {
  return useMutation({
    mutationFn: (patch: Record<string, unknown> & { version: number }) =>
      http.patch<Lead>(`/leads/${encodeURIComponent(id)}`, patch),
    onSuccess: refresh,
  });
}

export function useAssignLead(lead: Lead) {
  return useMutation({
    mutationFn: ({ ownerUserId, reason }: { ownerUserId?: string; reason?: string }) =>
      http.post<Lead>(`/leads/${encodeURIComponent(lead.id)}/assign`, {
        version: lead.version,
        ...(ownerUserId ? { ownerUserId } : {}),
        ...(reason?.trim() ? { reason: reason.trim() } : {}),
      }),
    onSuccess: refresh,
  });
}

export function useConvertLead(id: string) {
  return useMutation({
    mutationFn: (input: ConvertLeadInput) =>
      http.post<ConvertedLead>(`/leads/${encodeURIComponent(id)}/convert`, input),
    onSuccess: () =>
      Promise.all([
        refresh(),
        queryClient.invalidateQueries({ queryKey: ['customers'] }),
        queryClient.invalidateQueries({ queryKey: ['opportunities'] }),
      ]),
  });
}
