import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Scan } from '@common/contracts/bags';
import { STATS_QUERY_KEY } from '@/features/dashboard/api/get-stats';
import {
  addLinkEvent,
  addScanEvent,
  mergeActivity,
  type ActivityItem,
} from '@/features/dashboard/utils/activity';
import { useLiveEvents } from '@/lib/live-events';

/**
 * Keeps the dashboard live (SPEC §9): refetches the numbers on each `stats` event, folds `scan`,
 * `link` and `unlink` events into recent activity, and catches up after a reconnect.
 */
export function useLiveDashboard(
  recentScans: readonly Scan[] | undefined,
  onReconnect: () => void,
) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<ActivityItem[]>([]);
  const refetchStats = () => void queryClient.invalidateQueries({ queryKey: STATS_QUERY_KEY });
  const status = useLiveEvents({
    onStats: refetchStats,
    onScan: (event) => setLive((items) => addScanEvent(items, event)),
    onLink: (event) => setLive((items) => addLinkEvent(items, event)),
    onUnlink: (event) => setLive((items) => addLinkEvent(items, event)),
    onOpen: (isReconnect) => {
      if (isReconnect) {
        refetchStats();
        onReconnect();
      }
    },
    onGiveUp: refetchStats,
  });
  return { status, activity: mergeActivity(live, recentScans ?? []) };
}
