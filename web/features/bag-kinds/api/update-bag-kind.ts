import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BagKind, PatchBagKindBody } from '@common/contracts/bags';
import { api } from '@/lib/api-client';
import { BAG_KINDS_QUERY_KEY } from '@/features/bag-kinds/api/get-bag-kinds';

export interface UpdateBagKindInput {
  code: string;
  patch: PatchBagKindBody;
}

/**
 * PATCH /api/bag-kinds/:code → kind; 409 BAG_KIND_PREFIX_IN_USE, BAG_KIND_MAX_BELOW_CHILDREN;
 * 404 BAG_KIND_NOT_FOUND; 400 VALIDATION.
 */
export async function updateBagKind({ code, patch }: UpdateBagKindInput): Promise<BagKind> {
  return api.patch<BagKind>(`/api/bag-kinds/${encodeURIComponent(code)}`, patch);
}

export interface UseUpdateBagKindOptions {
  onSuccess?: (kind: BagKind) => void;
}

export function useUpdateBagKind({ onSuccess }: UseUpdateBagKindOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBagKind,
    onSuccess: async (kind) => {
      await queryClient.invalidateQueries({ queryKey: BAG_KINDS_QUERY_KEY });
      onSuccess?.(kind);
    },
  });
}
