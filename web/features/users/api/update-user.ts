import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PatchUserBody, User } from '@common/contracts/users';
import { api } from '@/lib/api-client';
import { USERS_QUERY_KEY } from '@/features/users/api/get-users';

export interface UpdateUserInput {
  id: number;
  patch: PatchUserBody;
}

/** PATCH /api/users/:id → user; 409 LAST_ADMIN, 403 SELF_ROLE_CHANGE/SELF_DEACTIVATE, 400 AREA_*. */
export async function updateUser({ id, patch }: UpdateUserInput): Promise<User> {
  return api.patch<User>(`/api/users/${encodeURIComponent(String(id))}`, patch);
}

export interface UseUpdateUserOptions {
  onSuccess?: (user: User) => void;
}

export function useUpdateUser({ onSuccess }: UseUpdateUserOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      onSuccess?.(user);
    },
  });
}
