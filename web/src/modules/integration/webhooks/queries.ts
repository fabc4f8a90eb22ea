// Webhooks, their deliveries, dead letters and business events through TanStack Query.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';
import type {
  BusinessEvent,
  Delivery,
  DeliveryDetail,
  DeliveryState,
  EventType,
  Webhook,
  WebhookInput,
  WebhookWithSecret,
} from './types.ts';

const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks'] });
// Deliveries change in the background (the worker sends and retries): open screens follow along.
const LIVE_MS = 5000;

function pages<T>(key: unknown[], path: string, query: Record<string, string | undefined> = {}) {
  return {
    queryKey: key,
    queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
      http.get<Page<T>>(path, { ...query, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  };
}

export const useWebhooks = () => useInfiniteQuery(pages<Webhook>(['webhooks', 'list'], '/webhooks'));

export const useWebhook = (id: string) =>
  useQuery({
    queryKey: ['webhooks', 'one', id],
    queryFn: ({ signal }) => http.get<Webhook>(`/webhooks/${id}`, undefined, signal),
    refetchInterval: LIVE_MS,
  });

export const useDeliveries = (id: string, state?: DeliveryState) =>
  useInfiniteQuery({
    ...pages<Delivery>(['webhooks', 'deliveries', id, state], `/webhooks/${id}/deliveries`, { state }),
    refetchInterval: LIVE_MS,
  });

export const useDelivery = (webhookId: string, id: string | null) =>
  useQuery({
    queryKey: ['webhooks', 'delivery', webhookId, id],
    queryFn: ({ signal }) =>
      http.get<DeliveryDetail>(`/webhooks/${webhookId}/deliveries/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: LIVE_MS,
  });

export const useDeadLetters = () =>
  useInfiniteQuery(pages<Delivery>(['webhooks', 'dead-letters'], '/webhook-dead-letters'));

export const useEventTypes = () =>
  useQuery({
    queryKey: ['event-types'],
    queryFn: ({ signal }) => http.get<{ items: EventType[] }>('/event-types', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useEvents = (type?: string) =>
  useInfiniteQuery(pages<BusinessEvent>(['events', type], '/events', { type }));

export const useEventDetail = (id: string | null) =>
  useQuery({
    queryKey: ['events', 'one', id],
    queryFn: ({ signal }) =>
      http.get<BusinessEvent & { deliveries: Delivery[] }>(`/events/${id}`, undefined, signal),
    enabled: id !== null,
  });

export const useCreateWebhook = () =>
  useMutation({
    mutationFn: (input: WebhookInput) => http.post<WebhookWithSecret>('/webhooks', input),
    onSuccess: refresh,
  });

export const useUpdateWebhook = (id: string) =>
  useMutation({
    mutationFn: (patch: Partial<WebhookInput> & { version: number; active?: boolean }) =>
      http.patch<Webhook>(`/webhooks/${id}`, patch),
    onSuccess: refresh,
  });

export const useDeleteWebhook = () =>
  useMutation({ mutationFn: (id: string) => http.delete(`/webhooks/${id}`), onSuccess: refresh });

export const useRotateSecret = (id: string) =>
  useMutation({
    mutationFn: () => http.post<WebhookWithSecret>(`/webhooks/${id}/rotate-secret`, {}),
    onSuccess: refresh,
  });

export const useReplay = () =>
  useMutation({
    mutationFn: (d: { webhookId: string; id: string }) =>
      http.post<Delivery>(`/webhooks/${d.webhookId}/deliveries/${d.id}/replay`, {}),
    onSuccess: () => {
      void refresh();
      void queryClient.invalidateQueries({ queryKey: ['events'] });
    },
  });

export const useReplayDead = (id: string) =>
  useMutation({
    mutationFn: () => http.post<{ replayed: number }>(`/webhooks/${id}/replay-dead-letters`, {}),
    onSuccess: refresh,
  });
