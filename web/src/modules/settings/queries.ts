import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { queryClient } from '../../app/query-client.ts';
import type { Notification, Role, User } from './types.ts';

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

/** Every user of the company, for pickers (filters, assignment). */
export function useUserOptions() {
  return useQuery({
    queryKey: ['users', 'options'],
    queryFn: ({ signal }) => http.get<Page<User>>('/users', { limit: 200 }, signal),
    select: (page) => page.items.map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` })),
    staleTime: 5 * 60_000,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => http.get<Page<Role>>('/roles', { limit: 200 }, signal),
  });
}

const notificationsKey = ['notifications'] as const;

export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => http.get<Page<Notification>>('/notifications', { limit: 20 }, signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkNotificationRead() {
  return useMutation({
    mutationFn: (id: string) => http.post(`/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: (_, id) => {
      const readAt = new Date().toISOString();
      queryClient.setQueryData<Page<Notification>>(notificationsKey, (page) =>
        page
          ? { ...page, items: page.items.map((item) => (item.id === id ? { ...item, readAt } : item)) }
          : page,
      );
    },
  });
}
