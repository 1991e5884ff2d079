import { useState } from 'react';
import type { BagHistory, BagHistoryItem } from '@common/contracts/bags';
import { describeHistoryItem } from '@/features/bags/utils/bag-labels';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';

const TYPE: Record<BagHistoryItem['type'], { label: string; tone: BadgeTone }> = {
  scan: { label: 'Scan', tone: 'neutral' },
  link: { label: 'Packed', tone: 'primary' },
  unlink: { label: 'Unpacked', tone: 'accent' },
  audit: { label: 'Audit', tone: 'muted' },
  bill: { label: 'Bill', tone: 'accent' },
};

function AuditDetails({ item }: { item: BagHistoryItem }) {
  if (!item.before && !item.after) {
    return null;
  }
  return (
    <details className="timeline__details">
      <summary>Before and after</summary>
      <pre>
        {JSON.stringify({ before: item.before ?? null, after: item.after ?? null }, null, 2)}
      </pre>
    </details>
  );
}

export interface BagTimelineProps {
  history: BagHistory;
  /** ISO time: only events up to then ("as of"). */
  until: string | null;
}

/** The bag's whole story in time order: scans, links, unlinks and audit events (SPEC §8). */
export function BagTimeline({ history, until }: BagTimelineProps) {
  const [isNewestFirst, setIsNewestFirst] = useState(false);
  const limit = until ? Date.parse(until) : Number.POSITIVE_INFINITY;
  const items = history.items.filter((item) => Date.parse(item.at) <= limit);
  const ordered = isNewestFirst ? [...items].reverse() : items;
  return (
    <Card
      title="History"
      actions={
        <button type="button" className="link-button" onClick={() => setIsNewestFirst((v) => !v)}>
          {isNewestFirst ? 'Oldest first' : 'Newest first'}
        </button>
      }
    >
      {until ? <p className="muted">Events up to {formatDateTime(until)}.</p> : null}
      {ordered.length === 0 ? (
        <p className="muted">Nothing happened to this bag{until ? ' by then' : ''}.</p>
      ) : (
        <ol
          className="timeline"
          aria-label={`History, ${isNewestFirst ? 'newest' : 'oldest'} first`}
        >
          {ordered.map((item, index) => (
            <li
              key={`${item.at}-${item.type}-${index}`}
              className={`timeline__item timeline__item--${item.type}`}
            >
              <time dateTime={item.at} className="timeline__time">
                {formatDateTime(item.at)}
              </time>
              <div className="timeline__body">
                <Badge tone={TYPE[item.type].tone}>{TYPE[item.type].label}</Badge>
                <span>{describeHistoryItem(item)}</span>
                {item.duplicate ? <Badge tone="muted">Repeat scan</Badge> : null}
              </div>
              {item.type === 'audit' ? <AuditDetails item={item} /> : null}
            </li>
          ))}
        </ol>
      )}
      {history.truncated ? (
        <p className="muted">
          This bag has more events than fit in one answer; the newest are left off.
        </p>
      ) : null}
    </Card>
  );
}
