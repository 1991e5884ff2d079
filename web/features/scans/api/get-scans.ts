import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type { ListScansQuery, Scan } from '@common/contracts/bags';
import { api } from '@/lib/api-client';

export const SCANS_QUERY_KEY = ['scans'] as const;

export interface ScanList {
  items: Scan[];
  nextCursor: string | null;
}

export type ScanFilters = Omit<ListScansQuery, 'limit' | 'cursor'>;

/** GET /api/scans: recorded scans, newest first (dispatchers: their own area). */
export async function getScans(
  query: ListScansQuery = {},
  signal?: AbortSignal,
): Promise<ScanList> {
  return api.get<ScanList>('/api/scans', { params: { ...query }, signal });
}

export function getScansQueryOptions(filters: ScanFilters = {}) {
  return infiniteQueryOptions({
    queryKey: [...SCANS_QUERY_KEY, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      getScans({ ...filters, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useScans(filters: ScanFilters = {}) {
  return useInfiniteQuery(getScansQueryOptions(filters));
}

/** The newest `limit` scans (the dashboard's recent activity, before live events take over). */
export function getRecentScansQueryOptions(limit = 10) {
  return queryOptions({
    queryKey: [...SCANS_QUERY_KEY, 'recent', limit] as const,
    queryFn: ({ signal }) => getScans({ limit }, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRecentScans(limit = 10) {
  return useQuery(getRecentScansQueryOptions(limit));
}
