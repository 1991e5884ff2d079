import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type {
  CancelReturnResult,
  CreateReturnBody,
  ReturnScanBody,
  ReturnScanResult,
  ReturnTicket,
  ReturnTicketDetail,
} from '@common/contracts/returns';
import { api } from '@/lib/api-client';

export interface ReturnList {
  items: ReturnTicket[];
  nextCursor: string | null;
}

export const RETURNS_QUERY_KEY = ['returns'] as const;
const ticketPath = (code: string) => `/api/returns/${encodeURIComponent(code)}`;

export function getReturnsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: [...RETURNS_QUERY_KEY, 'list'] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<ReturnList>('/api/returns', {
        params: pageParam ? { cursor: pageParam } : {},
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useReturns() {
  return useInfiniteQuery(getReturnsQueryOptions());
}

export function returnQueryKey(code: string) {
  return [...RETURNS_QUERY_KEY, 'detail', code] as const;
}

export function useReturnTicket(code: string) {
  return useQuery(
    queryOptions({
      queryKey: returnQueryKey(code),
      queryFn: ({ signal }) => api.get<ReturnTicketDetail>(ticketPath(code), { signal }),
    }),
  );
}

export function createReturn(body: CreateReturnBody): Promise<ReturnTicket> {
  return api.post<ReturnTicket>('/api/returns', body);
}

export function scanReturnBag(code: string, body: ReturnScanBody): Promise<ReturnScanResult> {
  return api.post<ReturnScanResult>(`${ticketPath(code)}/bags`, body);
}

export function finalizeReturn(code: string): Promise<unknown> {
  return api.post(`${ticketPath(code)}/finalize`);
}

export function cancelReturn(code: string): Promise<CancelReturnResult> {
  return api.post<CancelReturnResult>(`${ticketPath(code)}/cancel`);
}
