import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Stats } from '@common/contracts/stats';
import { api } from '@/lib/api-client';

export const STATS_QUERY_KEY = ['stats'] as const;

/** GET /api/stats: the dashboard numbers (SPEC §9), scoped by role and area. */
export async function getStats(signal?: AbortSignal): Promise<Stats> {
  return api.get<Stats>('/api/stats', { signal });
}

/** No polling: the numbers are refetched when a live `stats` event says they changed. */
export function getStatsQueryOptions() {
  return queryOptions({
    queryKey: STATS_QUERY_KEY,
    queryFn: ({ signal }) => getStats(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useStats() {
  return useQuery(getStatsQueryOptions());
}
