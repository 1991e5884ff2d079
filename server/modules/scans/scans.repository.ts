import { callJsonFunction } from '../../db/call-function.js';
import type { Database } from '../../db/client.js';
import type { FunctionAnswer } from '../../platform/db-function.js';

export type { FunctionAnswer };

/** One round trip: tt_scan_parent (idempotency, find-or-create, scan, counters, audit). */
export function scanParent(
  database: Database,
  a: { ctx: object; qr: string; kind: string; area: string | null; scanId: string; hash: string },
) {
  return callJsonFunction<FunctionAnswer>(database, 'tt_scan_parent', a.ctx, [
    a.qr,
    a.kind,
    a.area,
    a.scanId,
    a.hash,
  ]);
}

/** A child scan as tt_scan_child and tt_scan_children take it. */
export interface ChildScanArgs {
  ctx: object;
  parentQr: string;
  qr: string;
  scanId: string;
  hash: string;
}

/** One round trip: tt_scan_child (every rule of SPEC §4.2, link, scan, counters, audit). */
export function scanChild(database: Database, a: ChildScanArgs) {
  return callJsonFunction<FunctionAnswer>(database, 'tt_scan_child', a.ctx, [
    a.parentQr,
    a.qr,
    a.scanId,
    a.hash,
  ]);
}

/** One round trip: tt_undo. */
export function undo(
  database: Database,
  a: { ctx: object; parentQr: string; windowMinutes: number; scanId: string | null; hash: string },
) {
  return callJsonFunction<FunctionAnswer>(
    database,
    'tt_undo',
    a.ctx,
    [a.parentQr, a.windowMinutes, a.scanId, a.hash],
    ['', 'int', 'text', 'text'],
  );
}
