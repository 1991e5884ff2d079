import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useEod } from '@/features/bills/api/get-eod';
import { EodReport } from '@/features/bills/components/eod-report';
import { SummaryPicker } from '@/features/bills/components/summary-picker';
import { isDay, localDay } from '@/features/bills/utils/day';
import { getStatsQueryOptions } from '@/features/dashboard/api/get-stats';
import { useAuth } from '@/app/routes/app/auth-context';
import { LoadErrorBanner } from '@/components/ui/load-error-banner';
import { Spinner } from '@/components/ui/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { canSeeEndOfDay } from '@/lib/authorization';

const KEYS = ['date'] as const;

/** Admins: the chosen day's end-of-day figures (GET /api/eod). */
function EndOfDay({ day }: { day: string }) {
  const query = useEod(day, isDay(day));
  if (!isDay(day)) {
    return null;
  }
  if (query.data) {
    return <EodReport summary={query.data} />;
  }
  if (query.isPending) {
    return <Spinner size="lg" label="Loading the day’s figures…" />;
  }
  return (
    <LoadErrorBanner
      title="Could not load the day’s figures"
      error={query.error}
      onRetry={() => void query.refetch()}
    />
  );
}

/**
 * "Today" as the server counts days (its TIME_ZONE, the day the dashboard counts), from
 * GET /api/stats; null until that answers, this browser's own date if it cannot.
 */
function useServerToday(): string | null {
  const [browserToday] = useState(() => localDay(new Date()));
  const stats = useQuery({ ...getStatsQueryOptions(), staleTime: 0 });
  if (stats.data) {
    return stats.data.day;
  }
  return stats.isError ? browserToday : null;
}

/**
 * The daily summary (`/summary?date=YYYY-MM-DD`, admin and biller): pick a day and open its print
 * view or PDF; admins also see the end-of-day figures on screen. The day stays in the address.
 */
export function SummaryRoute() {
  useDocumentTitle('Daily summary');
  const { user } = useAuth();
  const today = useServerToday();
  const [values, setValues] = useUrlFilters(KEYS);
  // The field's own value once touched: a date being typed is empty until complete, and must not
  // snap back to today.
  const [typed, setTyped] = useState<string | null>(() =>
    isDay(values.date) ? values.date : null,
  );
  const day = typed ?? today;
  function handleDayChange(next: string) {
    setTyped(next);
    if (isDay(next)) {
      setValues({ date: next });
    }
  }
  return (
    <div className="page">
      <div className="page__header">
        <h1>Daily summary</h1>
      </div>
      {day === null ? (
        <Spinner size="lg" label="Finding today…" />
      ) : (
        <>
          <SummaryPicker
            day={day}
            maxDay={today ?? undefined}
            isOwnBillsOnly={user.role !== 'admin'}
            onDayChange={handleDayChange}
          />
          {canSeeEndOfDay(user.role) ? <EndOfDay day={day} /> : null}
        </>
      )}
    </div>
  );
}
