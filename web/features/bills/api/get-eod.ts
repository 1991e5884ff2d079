import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EodSummary } from '@common/contracts/eod';
import { api } from '@/lib/api-client';

export const EOD_QUERY_KEY = ['eod'] as const;

/** GET /api/eod?date=YYYY-MM-DD (admin): the bills created that day, with totals. */
export function getEodQueryOptions(date: string) {
  return queryOptions({
    queryKey: [...EOD_QUERY_KEY, date] as const,
    queryFn: ({ signal }) => api.get<EodSummary>('/api/eod', { params: { date }, signal }),
  });
}

export function useEod(date: string, isEnabled: boolean) {
  return useQuery({ ...getEodQueryOptions(date), enabled: isEnabled });
}

/** GET /api/print/summary?date=: the day's summary as a print page, or `format: 'pdf'`. */
export function summaryPrintHref(date: string, format?: 'pdf'): string {
  const params = new URLSearchParams({ date });
  if (format) {
    params.set('format', format);
  }
  return `/api/print/summary?${params.toString()}`;
}
