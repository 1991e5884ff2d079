import { useEffect } from 'react';
import { useMe } from '@/features/auth/api/get-me';
import {
  describeTimeLeft,
  getSessionDeadline,
  getSessionWarning,
} from '@/features/auth/utils/session-deadline';
import { Banner } from '@/components/ui/banner';
import { Button } from '@/components/ui/button';
import { useNow } from '@/hooks/use-now';
import { getLastActivityAt } from '@/lib/session';

const TICK_MS = 5_000;

function useSessionWarning() {
  const me = useMe();
  const now = useNow(TICK_MS);
  const deadline = me.data
    ? getSessionDeadline({
        session: me.data.session,
        readAt: me.dataUpdatedAt,
        lastActivityAt: getLastActivityAt(),
      })
    : null;
  const isPast = deadline !== null && now >= deadline.at;
  const { refetch } = me;
  // At the deadline, ask the server: it answers SESSION_EXPIRED (the app shows that screen) or,
  // if there was activity we could not see, fresh deadlines.
  useEffect(() => {
    if (isPast) {
      void refetch();
    }
  }, [isPast, refetch]);
  return {
    warning: deadline ? getSessionWarning(deadline, now) : null,
    now,
    isRefreshing: me.isFetching,
    extend: () => void refetch(),
  };
}

/**
 * Warns about two minutes before the session ends. Only the idle end can be pushed back
 * (any request restarts it, "Stay signed in" re-reads /api/auth/me); the absolute end cannot.
 */
export function SessionExpiryBanner() {
  const { warning, now, isRefreshing, extend } = useSessionWarning();
  if (!warning) {
    return null;
  }
  const timeLeft = describeTimeLeft(warning.at - now);
  if (warning.kind === 'absolute') {
    return (
      <Banner tone="warning" title={`Your session ends ${timeLeft}`}>
        Sessions last an hour for safety. Finish what you are doing and sign in again soon.
      </Banner>
    );
  }
  return (
    <Banner
      tone="warning"
      title={`You will be signed out ${timeLeft}`}
      action={
        <Button variant="secondary" onClick={extend} isLoading={isRefreshing}>
          Stay signed in
        </Button>
      }
    >
      Nothing has happened for a while.
    </Banner>
  );
}
