import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditList, ListAuditQuery } from '@common/contracts/audit';
import { api } from '@/lib/api-client';

export const AUDIT_QUERY_KEY = ['audit'] as const;

export type AuditFilters = Omit<ListAuditQuery, 'limit' | 'cursor'>;

/** GET /api/audit (admin): audit entries, newest first. */
export async function getAudit(
  query: ListAuditQuery = {},
  signal?: AbortSignal,
): Promise<AuditList> {
  return api.get<AuditList>('/api/audit', { params: { ...query }, signal });
}

export function getAuditQueryOptions(filters: AuditFilters = {}) {
  return infiniteQueryOptions({
    queryKey: [...AUDIT_QUERY_KEY, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      getAudit({ ...filters, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useAudit(filters: AuditFilters = {}) {
  return useInfiniteQuery(getAuditQueryOptions(filters));
}
