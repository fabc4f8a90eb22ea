import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { http } from './client.ts';
import type { AuditEntry, AuditQuery, Page } from './types.ts';

/** Pages of GET /audit-log, newest first; `enabled: false` until the caller needs them (a closed drawer). */
export function useAuditLog(query: AuditQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['audit-log', query],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<AuditEntry>>('/audit-log', { limit: 50, ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function flattenPages<T>(data: { pages: Page<T>[] } | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}
