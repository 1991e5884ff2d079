import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type { BillDetail, BillList, ListBillsQuery } from '@common/contracts/bills';
import { api } from '@/lib/api-client';

export const BILLS_QUERY_KEY = ['bills'] as const;

/** The filters a screen can set (limit and cursor are the query's business). */
export type BillFilters = Omit<ListBillsQuery, 'limit' | 'cursor'>;

/** GET /api/bills: one page, newest first. */
export async function getBills(
  query: ListBillsQuery = {},
  signal?: AbortSignal,
): Promise<BillList> {
  return api.get<BillList>('/api/bills', { params: { ...query }, signal });
}

export function getBillsQueryOptions(filters: BillFilters = {}) {
  return infiniteQueryOptions({
    queryKey: [...BILLS_QUERY_KEY, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      getBills({ ...filters, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useBills(filters: BillFilters = {}) {
  return useInfiniteQuery(getBillsQueryOptions(filters));
}

export function billQueryKey(billNo: string) {
  return [...BILLS_QUERY_KEY, 'detail', billNo] as const;
}

/** GET /api/bills/:billNo → `{bill, parents, events}`. */
export function getBillQueryOptions(billNo: string) {
  return queryOptions({
    queryKey: billQueryKey(billNo),
    queryFn: ({ signal }) =>
      api.get<BillDetail>(`/api/bills/${encodeURIComponent(billNo)}`, { signal }),
  });
}

export function useBill(billNo: string) {
  return useQuery(getBillQueryOptions(billNo));
}
