import { describeScanRefusal } from '@/features/packing/utils/scan-messages';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import type { ScanJob } from '@/lib/scan-queue/scan-queue-storage';

export interface AttentionPanelProps {
  rejected: readonly ScanJob[];
  onDismiss: (id: string) => void;
}

/**
 * Scans the server refused when they were sent late (after a lost connection): each with its
 * reason, kept (across reloads) until someone has read it and dismissed it.
 */
export function AttentionPanel({ rejected, onDismiss }: AttentionPanelProps) {
  if (rejected.length === 0) {
    return null;
  }
  return (
    <section className="attention" aria-labelledby="attention-title">
      <div className="attention__header">
        <h2 id="attention-title" className="attention__title">
          Needs attention ({rejected.length})
        </h2>
        {rejected.length > 1 ? (
          <Button variant="ghost" onClick={() => rejected.forEach((job) => onDismiss(job.id))}>
            Dismiss all
          </Button>
        ) : null}
      </div>
      <p className="attention__intro">
        These scans were refused by the server. Check the bags, then dismiss.
      </p>
      <ul className="attention__list">
        {rejected.map((job) => (
          <li key={job.id} className="attention__item">
            <div className="attention__what">
              <strong>{job.label}</strong>
              <span className="attention__reason">
                {job.error ? describeScanRefusal(job.error).text : 'Refused.'}
              </span>
              <span className="muted">Scanned {formatDateTime(job.createdAt)}</span>
            </div>
            <Button
              variant="secondary"
              onClick={() => onDismiss(job.id)}
              aria-label={`Dismiss: ${job.label}`}
            >
              Dismiss
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
