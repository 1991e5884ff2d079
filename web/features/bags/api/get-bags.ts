import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { BagList, ListBagsQuery } from '@common/contracts/bags';
import { api } from '@/lib/api-client';

export const BAGS_QUERY_KEY = ['bags'] as const;

/** The filters a screen can set (limit and cursor are the query's business). */
export type BagFilters = Omit<ListBagsQuery, 'limit' | 'cursor'>;

/** GET /api/bags: one page, newest first (dispatchers: their own area, enforced by the server). */
export async function getBags(query: ListBagsQuery = {}, signal?: AbortSignal): Promise<BagList> {
  return api.get<BagList>('/api/bags', { params: { ...query }, signal });
}

export function getBagsQueryOptions(filters: BagFilters = {}) {
  return infiniteQueryOptions({
    queryKey: [...BAGS_QUERY_KEY, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      getBags({ ...filters, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useBags(filters: BagFilters = {}) {
  return useInfiniteQuery(getBagsQueryOptions(filters));
}
