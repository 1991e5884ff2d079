import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody } from '@common/contracts/auth';
import { api } from '@/lib/api-client';
import { ME_QUERY_KEY } from '@/features/auth/api/get-me';

/** POST /api/auth/password → 204; 400 PASSWORD_POLICY or CURRENT_PASSWORD_WRONG. */
export async function changePassword(body: ChangePasswordBody): Promise<void> {
  await api.post<void>('/api/auth/password', body);
}

export interface UseChangePasswordOptions {
  onSuccess?: () => void;
}

/** Changing the password ends the user's other sessions; refresh `me` (and its CSRF token). */
export function useChangePassword({ onSuccess }: UseChangePasswordOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      onSuccess?.();
    },
  });
}
