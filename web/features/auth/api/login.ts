import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthState, LoginBody } from '@common/contracts/auth';
import { api, setCsrfToken } from '@/lib/api-client';
import { clearSessionEnded } from '@/lib/session';

/** POST /api/auth/login answers `{user, csrfToken}` (and may add `session`). */
export type LoginResult = Pick<AuthState, 'user' | 'csrfToken'> &
  Partial<Pick<AuthState, 'session'>>;

/** Signs in; the session cookie is set by the server, the CSRF token kept for later writes. */
export async function login(body: LoginBody): Promise<LoginResult> {
  const result = await api.post<LoginResult>('/api/auth/login', body);
  setCsrfToken(result.csrfToken);
  return result;
}

export interface UseLoginOptions {
  onSuccess?: (result: LoginResult) => void;
}

/** A fresh sign-in: forget every cached answer of the previous session, then hand over. */
export function useLogin({ onSuccess }: UseLoginOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      clearSessionEnded();
      queryClient.removeQueries();
      onSuccess?.(result);
    },
  });
}
