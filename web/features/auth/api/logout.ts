import { useMutation } from '@tanstack/react-query';
import { api, setCsrfToken } from '@/lib/api-client';

/** POST /api/auth/logout → 204. The server ends the session and clears the cookie. */
export async function logout(): Promise<void> {
  await api.post<void>('/api/auth/logout');
}

/**
 * Signs out. The CSRF token is dropped whatever the answer (an already ended session is fine);
 * the caller navigates away and then clears the query cache, so no screen refetches as a ghost.
 */
export function useLogout() {
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
    },
  });
}
