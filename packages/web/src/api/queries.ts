import { QueryCache, QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, api, isUnauthenticated, rememberCsrfToken } from './client';
import type { Organisation, Session } from './types';

export const sessionKey = ['session'] as const;
export const organisationKey = ['organisation'] as const;

/** Client-side errors (4xx) are answers, not accidents: retrying them only delays the message. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** One query client for the app; an unexpected 401 anywhere refreshes the session so guards react. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && query.queryKey[0] !== sessionKey[0]) {
          void client.invalidateQueries({ queryKey: sessionKey });
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}

/** Fetches the session and remembers its CSRF token. */
async function fetchSession(): Promise<Session> {
  const session = await api<Session>('GET', '/auth/session');
  rememberCsrfToken(session.csrfToken);
  return session;
}

/** The signed-in user (or null) and the CSRF token. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** The local government running this ilteo and its units; it changes rarely. */
export function useOrganisation() {
  return useQuery({
    queryKey: organisationKey,
    queryFn: () => api<Organisation>('GET', '/organisation'),
    staleTime: 10 * 60_000,
  });
}
