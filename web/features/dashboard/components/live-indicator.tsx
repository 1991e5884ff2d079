import '@/features/dashboard/components/dashboard.css';
import type { LiveStatus } from '@/lib/live-events';

const TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  unsupported: 'Not live (reload to update)',
};

/** Whether the numbers are updating by themselves. */
export function LiveIndicator({
  status,
  updatedAt,
}: {
  status: LiveStatus;
  updatedAt: string | null;
}) {
  return (
    <p className={`live-indicator live-indicator--${status}`} role="status">
      <span className="live-indicator__dot" aria-hidden="true" />
      <span className="live-indicator__text">{TEXT[status]}</span>
      {updatedAt ? (
        <span className="muted"> · updated {new Date(updatedAt).toLocaleTimeString()}</span>
      ) : null}
    </p>
  );
}
