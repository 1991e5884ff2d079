import type { RowStatus, ScanRow } from '@/features/packing/utils/station-state';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatTime } from '@/lib/format';

const STATUS: Record<RowStatus | 'queued', { label: string; tone: BadgeTone }> = {
  sending: { label: 'Sending', tone: 'muted' },
  queued: { label: 'Pending', tone: 'accent' },
  ok: { label: 'OK', tone: 'primary' },
  duplicate: { label: 'Already in', tone: 'neutral' },
  error: { label: 'Refused', tone: 'danger' },
  undone: { label: 'Undone', tone: 'muted' },
};

const KIND: Record<ScanRow['kind'], string> = {
  parent: 'Parent',
  child: 'Child',
  undo: 'Undo',
  refused: 'Scan',
};

export interface ScanLogProps {
  rows: readonly ScanRow[];
  /** Ids still on the queue while it cannot reach the server: shown as "Pending". */
  waitingIds: ReadonlySet<string>;
}

/** The last scans, newest first: each shows at once as "Sending" and then its answer. */
export function ScanLog({ rows, waitingIds }: ScanLogProps) {
  return (
    <section className="scan-log" aria-labelledby="scan-log-title">
      <h2 id="scan-log-title" className="scan-log__title">
        Last scans
      </h2>
      {rows.length === 0 ? (
        <p className="muted">Nothing scanned yet.</p>
      ) : (
        <ol className="scan-log__list">
          {rows.map((row) => {
            const status =
              row.status === 'sending' && waitingIds.has(row.id) ? 'queued' : row.status;
            const { label, tone } = STATUS[status];
            return (
              <li key={row.id} className={`scan-log__row scan-log__row--${status}`}>
                <span className="scan-log__code code">{row.code}</span>
                <Badge tone={tone}>{label}</Badge>
                <span className="scan-log__text">
                  {KIND[row.kind]}
                  {row.text ? ` · ${row.text}` : ''}
                </span>
                <time className="scan-log__time" dateTime={new Date(row.at).toISOString()}>
                  {formatTime(row.at)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
