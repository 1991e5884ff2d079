import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, User } from '@common/contracts/users';
import { api } from '@/lib/api-client';
import { USERS_QUERY_KEY } from '@/features/users/api/get-users';

/** POST /api/users → 201 user; 409 USERNAME_TAKEN/EMAIL_TAKEN, 400 AREA_REQUIRED/AREA_FULL/PASSWORD_POLICY. */
export async function createUser(body: CreateUserBody): Promise<User> {
  return api.post<User>('/api/users', body);
}

export interface UseCreateUserOptions {
  onSuccess?: (user: User) => void;
}

export function useCreateUser({ onSuccess }: UseCreateUserOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      onSuccess?.(user);
    },
  });
}
