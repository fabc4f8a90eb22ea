import { useMutation, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { http, isApiError, setCsrfToken } from '../../api/client.ts';
import type { Session } from '../../api/types.ts';
import { queryClient, resetCompanyData, sessionKey } from '../query-client.ts';

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await http.get<Session>('/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

function storeSession(session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(sessionKey, session);
}

/** The session as the server knows it: null when nobody is signed in. */
export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only for components rendered inside RequireSession. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside <RequireSession>');
  return session;
}

export function useHasPermission(permission: string): boolean {
  return useSession().permissions.includes(permission);
}

export interface Credentials {
  email: string;
  password: string;
}

export function useSignIn() {
  return useMutation({
    mutationFn: (credentials: Credentials) => http.post<Session>('/auth/login', credentials),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      storeSession(session);
    },
  });
}

/** Signs out on the server, then reloads on the sign-in page so nothing of this person stays in memory. */
export async function signOut(): Promise<void> {
  try {
    await http.post('/auth/logout');
  } catch {
    // Already signed out, or the server is unreachable: leave the page all the same.
  }
  setCsrfToken(null);
  window.location.replace('/login');
}

export function useSwitchCompany() {
  return useMutation({
    mutationFn: (companyId: string) => http.post<Session>('/auth/switch-company', { companyId }),
    onSuccess: async (session) => {
      storeSession(session);
      await resetCompanyData();
    },
  });
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: PasswordChange) => http.post('/auth/change-password', input),
  });
}
