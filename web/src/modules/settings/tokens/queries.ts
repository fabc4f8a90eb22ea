import { useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { queryClient } from '../../../app/query-client.ts';

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  roleId: string;
  scopes: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface NewApiToken {
  name: string;
  scopes?: string[];
  expiresInDays?: number;
}

const key = ['api-tokens'] as const;

/** The signed-in person's own tokens in this company (never their secrets). */
export function useApiTokens() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => http.get<Page<ApiToken>>('/api-tokens', undefined, signal),
  });
}

/** Creates a token; the answer carries the secret, shown once and never stored by the app. */
export function useCreateApiToken() {
  return useMutation({
    mutationFn: (input: NewApiToken) => http.post<ApiToken & { token: string }>('/api-tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeApiToken() {
  return useMutation({
    mutationFn: (id: string) => http.delete(`/api-tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
