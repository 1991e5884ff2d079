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
import type { NewScanJob } from '@/lib/scan-queue/scan-queue';

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

/** The POST path of a ticket's scans: the offline queue follows a ticket's scans by it. */
export function returnScanPath(code: string): string {
  return `${ticketPath(code)}/bags`;
}

/**
 * POST /api/returns/:code/bags as an offline-queue job: kept on the device without a connection
 * and replayed in order; a replayed scanId gets the first answer, so a bag is never returned twice.
 */
export function returnScanJob(code: string, body: ReturnScanBody): NewScanJob {
  return {
    id: body.scanId,
    path: returnScanPath(code),
    body: { ...body },
    label: `Return ${body.qr} into ticket ${code}`,
  };
}

export function finalizeReturn(code: string): Promise<unknown> {
  return api.post(`${ticketPath(code)}/finalize`);
}

export function cancelReturn(code: string): Promise<CancelReturnResult> {
  return api.post<CancelReturnResult>(`${ticketPath(code)}/cancel`);
}
