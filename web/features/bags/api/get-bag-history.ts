import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BagHistory, BagSnapshot } from '@common/contracts/bags';
import { api } from '@/lib/api-client';
import { BAGS_QUERY_KEY } from '@/features/bags/api/get-bags';

/** GET /api/bags/:qr/history → `{qr, type, items, truncated}`, oldest first (SPEC §8 Trace). */
export async function getBagHistory(qr: string, signal?: AbortSignal): Promise<BagHistory> {
  return api.get<BagHistory>(`/api/bags/${encodeURIComponent(qr)}/history`, { signal });
}

/** GET /api/bags/:qr/history?at= → the bag's parent/children as they were at `at`. */
export async function getBagSnapshot(
  qr: string,
  at: string,
  signal?: AbortSignal,
): Promise<BagSnapshot> {
  return api.get<BagSnapshot>(`/api/bags/${encodeURIComponent(qr)}/history`, {
    params: { at },
    signal,
  });
}

export function getBagHistoryQueryOptions(qr: string) {
  return queryOptions({
    queryKey: [...BAGS_QUERY_KEY, 'history', qr] as const,
    queryFn: ({ signal }) => getBagHistory(qr, signal),
    staleTime: 5_000,
  });
}

export function getBagSnapshotQueryOptions(qr: string, at: string) {
  return queryOptions({
    queryKey: [...BAGS_QUERY_KEY, 'snapshot', qr, at] as const,
    queryFn: ({ signal }) => getBagSnapshot(qr, at, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useBagHistory(qr: string | null) {
  return useQuery({ ...getBagHistoryQueryOptions(qr ?? ''), enabled: Boolean(qr) });
}

export function useBagSnapshot(qr: string | null, at: string | null) {
  return useQuery({
    ...getBagSnapshotQueryOptions(qr ?? '', at ?? ''),
    enabled: Boolean(qr && at),
  });
}
