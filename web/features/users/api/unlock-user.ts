import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '@common/contracts/users';
import { api } from '@/lib/api-client';
import { USERS_QUERY_KEY } from '@/features/users/api/get-users';

/** POST /api/users/:id/unlock → user: clears a sign-in lock after repeated failures. */
export async function unlockUser(id: number): Promise<User> {
  return api.post<User>(`/api/users/${encodeURIComponent(String(id))}/unlock`);
}

export interface UseUnlockUserOptions {
  onSuccess?: (user: User) => void;
}

export function useUnlockUser({ onSuccess }: UseUnlockUserOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockUser,
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      onSuccess?.(user);
    },
  });
}
