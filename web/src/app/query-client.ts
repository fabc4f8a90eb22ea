import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, setCsrfToken } from '../api/client.ts';

export const sessionKey = ['session'] as const;

// Codes that mean "the session is gone" (expired, revoked, signed out in another tab).
const SESSION_LOST = new Set(['auth.required', 'auth.session_expired']);

function onApiError(err: unknown): void {
  if (isApiError(err) && err.status === 401 && SESSION_LOST.has(err.code)) {
    setCsrfToken(null);
    queryClient.setQueryData(sessionKey, null); // RequireSession then sends the person to /login
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again; network blips and 5xx get two more tries.
      retry: (failures, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && failures < 2,
    },
    mutations: { retry: false },
  },
});

/** Drops every cached query except the session: used after sign-out and company switch. */
export function resetCompanyData(): Promise<void> {
  return queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
}
