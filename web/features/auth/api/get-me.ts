import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuthState } from '@common/contracts/auth';
import { api, setCsrfToken } from '@/lib/api-client';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** GET /api/auth/me: the signed-in user, the CSRF token and the session's deadlines. */
export async function getMe(signal?: AbortSignal): Promise<AuthState> {
  const state = await api.get<AuthState>('/api/auth/me', { signal });
  setCsrfToken(state.csrfToken);
  return state;
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
  });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}
