import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BagDetail } from '@common/contracts/bags';
import { api } from '@/lib/api-client';
import { BAGS_QUERY_KEY } from '@/features/bags/api/get-bags';

/**
 * GET /api/bags/:qr → `{bag, kind, parent, children, bill}`; 404 BAG_NOT_FOUND,
 * 400 QR_INVALID / QR_INVALID_PARENT, 403 AREA_FORBIDDEN.
 */
export async function getBag(qr: string, signal?: AbortSignal): Promise<BagDetail> {
  return api.get<BagDetail>(`/api/bags/${encodeURIComponent(qr)}`, { signal });
}

export function getBagQueryOptions(qr: string) {
  return queryOptions({
    queryKey: [...BAGS_QUERY_KEY, 'detail', qr] as const,
    queryFn: ({ signal }) => getBag(qr, signal),
    staleTime: 5_000,
  });
}

export function useBag(qr: string | null) {
  return useQuery({ ...getBagQueryOptions(qr ?? ''), enabled: Boolean(qr) });
}
