// Data-quality checks, runs and findings through TanStack Query.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';
import type { FindingStatus, QualityCheck, QualityFinding, QualityRun } from './types.ts';

const FINISHED = ['done', 'failed'];

export function useQualityChecks() {
  return useQuery({
    queryKey: ['data-quality', 'checks'],
    queryFn: ({ signal }) => http.get<{ items: QualityCheck[] }>('/data-quality/checks', undefined, signal),
  });
}

/** The newest run, polled every second while it is queued or running. */
export function useLatestRun() {
  return useQuery({
    queryKey: ['data-quality', 'latest-run'],
    queryFn: ({ signal }) =>
      http.get<{ run: QualityRun | null }>('/data-quality/runs/latest', undefined, signal),
    refetchInterval: (query) => {
      const state = query.state.data?.run?.state;
      return state && !FINISHED.includes(state) ? 1000 : false;
    },
  });
}

export function useStartRun() {
  return useMutation({
    mutationFn: () => http.post<QualityRun>('/data-quality/runs', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['data-quality', 'latest-run'] }),
  });
}

/** One check's findings with a status ("load more" pages of 20). */
export function useFindings(check: string, status: FindingStatus | undefined, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['data-quality', 'findings', check, status],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<QualityFinding>>(
        '/data-quality/findings',
        { check, status, limit: 20, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Resolve or ignore a finding with a note. */
export function useDecideFinding() {
  return useMutation({
    mutationFn: ({
      finding,
      verb,
      note,
    }: {
      finding: QualityFinding;
      verb: 'resolve' | 'ignore';
      note: string;
    }) =>
      http.post<QualityFinding>(`/data-quality/findings/${encodeURIComponent(finding.id)}/${verb}`, {
        note,
        version: finding.version,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['data-quality'] }),
  });
}

/** After a run ends, the counts and lists show what it found. */
export function refreshFindings() {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['data-quality', 'checks'] }),
    queryClient.invalidateQueries({ queryKey: ['data-quality', 'findings'] }),
  ]);
}
