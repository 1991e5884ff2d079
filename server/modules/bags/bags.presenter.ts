import type { Bag, BagHistoryItem } from '../../../common/contracts/bags.js';
import type { BagRow } from '../../db/schema/bags.js';
import type { HistoryRow } from './bag-history.repository.js';
import type { BagWithCreator } from './bags.repository.js';

/** bags row → contract `bag`. */
export function presentBag(row: BagRow, createdBy: string | null): Bag {
  return {
    qr: row.qr,
    type: row.type,
    kind: row.kind,
    status: row.status,
    childCount: row.childCount,
    weightKg: row.weightKg,
    dispatchArea: row.dispatchArea,
    createdAt: row.createdAt.toISOString(),
    createdBy,
  };
}

export const presentBagRow = (row: BagWithCreator): Bag => presentBag(row.bag, row.createdBy);

/** What the audit log keeps of a deleted bag (the trace of a deleted code reads its area here). */
export function deletedSnapshot(row: BagRow, parentQr: string | null) {
  return {
    type: row.type,
    kind: row.kind,
    status: row.status,
    childCount: row.childCount,
    weightKg: row.weightKg,
    dispatchArea: row.dispatchArea,
    parent: parentQr,
    createdAt: row.createdAt.toISOString(),
  };
}

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** jsonb comes back parsed from both drivers, or as text from some configurations. */
function json(value: unknown): Record<string, unknown> | null {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
}

export function presentHistoryRow(row: HistoryRow): BagHistoryItem {
  const base = { at: iso(row.at_ms), type: row.type, user: row.username };
  switch (row.type) {
    case 'scan':
      return {
        ...base,
        scanKind: row.scan_kind ?? '',
        qr: row.qr ?? '',
        target: row.target,
        station: row.station,
        created: row.created === true,
        duplicate: row.duplicate === true,
      };
    case 'link':
    case 'unlink':
      return {
        ...base,
        parent: row.parent ?? '',
        child: row.child ?? '',
        reason: row.reason ?? '',
      };
    case 'audit':
      return {
        ...base,
        action: row.action ?? '',
        before: json(row.before),
        after: json(row.after),
      };
    case 'bill':
      return {
        ...base,
        action: row.action ?? '',
        bill: row.target ?? '',
        note: row.reason,
        before: json(row.before),
        after: json(row.after),
      };
  }
}
