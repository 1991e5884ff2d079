import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BagKindList } from '@common/contracts/bags';
import { api } from '@/lib/api-client';

export const BAG_KINDS_QUERY_KEY = ['bag-kinds'] as const;

/** GET /api/bag-kinds: every parent format (any signed-in user). */
export async function getBagKinds(signal?: AbortSignal): Promise<BagKindList> {
  return api.get<BagKindList>('/api/bag-kinds', { signal });
}

export function getBagKindsQueryOptions() {
  return queryOptions({
    queryKey: BAG_KINDS_QUERY_KEY,
    queryFn: ({ signal }) => getBagKinds(signal),
    staleTime: 60_000,
  });
}

/** Parent formats; the packing station and lookup classify codes locally with them. */
export function useBagKinds() {
  return useQuery(getBagKindsQueryOptions());
}
