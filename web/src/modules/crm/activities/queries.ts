import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';
import type { Activity, ActivityInput, ActivityKind, MyDay } from '../types.ts';

export interface ActivityFilters {
  owner?: string;
  kind?: ActivityKind;
  done?: 'true' | 'false';
  overdue?: 'true' | 'false';
  from?: string;
  to?: string;
}

function refreshActivities(): Promise<void> {
  // Activities show on the customer page too (list, overview, timeline).
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['activities'] }),
    queryClient.invalidateQueries({ queryKey: ['customers', 'one'] }),
  ]).then(() => undefined);
}

export function useMyDay() {
  return useQuery({
    queryKey: ['activities', 'my-day'],
    queryFn: ({ signal }) => http.get<MyDay>('/activities/my-day', undefined, signal),
    refetchInterval: 5 * 60_000,
  });
}

export function useActivities(filters: ActivityFilters, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: ['activities', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<Activity>>('/activities', { limit: 50, ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The most a calendar month asks for (pages of 200): a month with more is shown as far as this goes. */
const CALENDAR_PAGES = 10;

/** Every activity in [from, to) (the calendar's visible weeks), all pages of it, oldest first. */
export function useActivitiesBetween(range: { from: string; to: string; owner?: string }) {
  return useQuery({
    queryKey: ['activities', 'between', range],
    queryFn: async ({ signal }) => {
      const items: Activity[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < CALENDAR_PAGES; page++) {
        const got = await http.get<Page<Activity>>('/activities', { limit: 200, ...range, cursor }, signal);
        items.push(...got.items);
        if (!got.nextCursor) return { items: items.reverse(), complete: true };
        cursor = got.nextCursor;
      }
      return { items: items.reverse(), complete: false };
    },
    placeholderData: keepPreviousData,
  });
}

export function useLogActivity() {
  return useMutation({
    mutationFn: (input: ActivityInput) => http.post<Activity>('/activities', input),
    onSuccess: refreshActivities,
  });
}

export function useCompleteActivity() {
  return useMutation({
    mutationFn: (activity: Pick<Activity, 'id' | 'version'>) =>
      http.post<Activity>(`/activities/${encodeURIComponent(activity.id)}/complete`, {
        version: activity.version,
      }),
    onSuccess: refreshActivities,
  });
}

/** A new private feed URL (the old one stops working); the server shows it only this once. */
export function useRotateCalendarFeed() {
  return useMutation({
    mutationFn: () => http.post<{ url: string; createdAt: string }>('/activities/calendar-feed'),
  });
}

export function useRevokeCalendarFeed() {
  return useMutation({ mutationFn: () => http.delete('/activities/calendar-feed') });
}
