import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BagKind, CreateBagKindBody } from '@common/contracts/bags';
import { api } from '@/lib/api-client';
import { BAG_KINDS_QUERY_KEY } from '@/features/bag-kinds/api/get-bag-kinds';

/** POST /api/bag-kinds → 201 kind; 409 BAG_KIND_EXISTS / BAG_KIND_PREFIX_IN_USE; 400 VALIDATION. */
export async function createBagKind(body: CreateBagKindBody): Promise<BagKind> {
  return api.post<BagKind>('/api/bag-kinds', body);
}

export interface UseCreateBagKindOptions {
  onSuccess?: (kind: BagKind) => void;
}

export function useCreateBagKind({ onSuccess }: UseCreateBagKindOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBagKind,
    onSuccess: async (kind) => {
      await queryClient.invalidateQueries({ queryKey: BAG_KINDS_QUERY_KEY });
      onSuccess?.(kind);
    },
  });
}
