import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { useScanQueue, useScanQueueState } from '@/lib/scan-queue/scan-queue-provider';
import type { ScanJob } from '@/lib/scan-queue/scan-queue-storage';
import './queued-scan-lists.css';

export interface WaitingScansProps {
  /** This screen's scans not sent yet, in sending order. */
  pending: readonly ScanJob[];
  /** "for this bill": the heading reads "Pending for this bill (2)". */
  whose: string;
}

/**
 * This screen's scans kept on this device while there is no connection; sent in order when it is
 * back (the banner above the page offers "Try now").
 */
export function WaitingScans({ pending, whose }: WaitingScansProps) {
  const titleId = useId();
  if (pending.length === 0) {
    return null;
  }
  return (
    <section className="queued-scans queued-scans--waiting" aria-labelledby={titleId}>
      <h2 id={titleId} className="queued-scans__title">
        Pending {whose} ({pending.length})
      </h2>
      <p className="queued-scans__intro">
        No connection: these scans are kept on this device and sent, in order, as soon as it is
        back.
      </p>
      <ul className="queued-scans__list" aria-label="Scans waiting to be sent">
        {pending.map((job) => (
          <li key={job.id} className="queued-scans__item">
            <strong>{job.label}</strong>
            <span className="muted">Scanned {formatDateTime(job.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface NeedsAttentionProps {
  rejected: readonly ScanJob[];
  /** Why the server refused this scan, in the screen's words. */
  describe: (job: ScanJob) => string;
  onDismiss: (id: string) => void;
  /** The line under the heading; by default it says the scans were sent late and refused. */
  intro?: string;
}

const REFUSED_INTRO =
  'These scans were sent after the connection came back and refused. Check the bags, then dismiss.';

/**
 * Scans the server refused when they were sent late (after a lost connection), each with its
 * reason, kept (across reloads) until someone has read it and dismissed it.
 */
export function NeedsAttention({
  rejected,
  describe,
  onDismiss,
  intro = REFUSED_INTRO,
}: NeedsAttentionProps) {
  const titleId = useId();
  if (rejected.length === 0) {
    return null;
  }
  return (
    <section className="queued-scans queued-scans--refused" aria-labelledby={titleId}>
      <div className="queued-scans__header">
        <h2 id={titleId} className="queued-scans__title">
          Needs attention ({rejected.length})
        </h2>
        {rejected.length > 1 ? (
          <Button variant="ghost" onClick={() => rejected.forEach((job) => onDismiss(job.id))}>
            Dismiss all
          </Button>
        ) : null}
      </div>
      <p className="queued-scans__intro">{intro}</p>
      <ul className="queued-scans__list">
        {rejected.map((job) => (
          <li key={job.id} className="queued-scans__item queued-scans__item--row">
            <div className="queued-scans__what">
              <strong>{job.label}</strong>
              <span className="queued-scans__reason">{describe(job)}</span>
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

export interface RefusedScansProps {
  /** The POST path of the screen's scans (a bill's attach path, a ticket's scan path). */
  path: string;
  describe: (job: ScanJob) => string;
}

/** A screen's refused late scans, straight from the offline scan queue, with Dismiss. */
export function RefusedScans({ path, describe }: RefusedScansProps) {
  const queue = useScanQueue();
  const rejected = useScanQueueState().rejected.filter((job) => job.path === path);
  return (
    <NeedsAttention
      rejected={rejected}
      describe={describe}
      onDismiss={(id) => void queue.dismiss(id)}
    />
  );
}
