import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { queryClient } from '../../app/query-client.ts';
import type { CompanySettings, Notification, Role, User } from './types.ts';

const PAGE_SIZE = 50;

export function useUsers(q: string) {
  return useInfiniteQuery({
    queryKey: ['users', { q }],
    queryFn: ({ pageParam, signal }) =>
      http.get<Page<User>>('/users', { q, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every user of the company, for pickers (filters, assignment); `enabled: false` for people who may not list users. */
export function useUserOptions(enabled = true) {
  return useQuery({
    queryKey: ['users', 'options'],
    queryFn: ({ signal }) => http.get<Page<User>>('/users', { limit: 200 }, signal),
    select: (page) => page.items.map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` })),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => http.get<Page<Role>>('/roles', { limit: 200 }, signal),
  });
}

const notificationsKey = ['notifications'] as const;

/** The badge: polled once a minute, and refreshed when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: ({ signal }) => http.get<{ count: number }>('/notifications/unread-count', undefined, signal),
    select: (data) => data.count,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

/** The latest notifications, fetched while the bell's panel is open. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'list'],
    queryFn: ({ signal }) => http.get<Page<Notification>>('/notifications', { limit: 20 }, signal),
    enabled,
  });
}

function refreshNotifications(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: notificationsKey });
}

export function useMarkNotificationRead() {
  return useMutation({
    mutationFn: (id: string) => http.post(`/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: refreshNotifications,
  });
}

export function useMarkAllNotificationsRead() {
  return useMutation({
    mutationFn: () => http.post<{ updated: number }>('/notifications/read-all'),
    onSuccess: refreshNotifications,
  });
}

const settingsKey = ['company-settings'] as const;

export function useCompanySettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => http.get<CompanySettings>('/company/settings', undefined, signal),
  });
}

export function useSaveSettings() {
  return useMutation({
    mutationFn: (input: { section: string; version: number; values: Record<string, unknown> }) =>
      http.patch<CompanySettings>(`/company/settings/${encodeURIComponent(input.section)}`, {
        version: input.version,
        values: input.values,
      }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
