import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/migrate.js';
import type { FunctionAnswer } from '../../platform/db-function.js';

export type { FunctionAnswer };

async function callFunction(ex: Executor, query: ReturnType<typeof sql>): Promise<FunctionAnswer> {
  const rows = rowsOf<{ r: FunctionAnswer | string }>(await ex.execute(query));
  const value = rows[0]?.r;
  if (value === undefined) {
    throw new Error('packing function answered no row');
  }
  return typeof value === 'string' ? (JSON.parse(value) as FunctionAnswer) : value;
}

/** One round trip: tt_scan_parent (idempotency, find-or-create, scan, counters, audit). */
export function scanParent(
  ex: Executor,
  args: {
    ctx: object;
    qr: string;
    kind: string;
    area: string | null;
    scanId: string;
    hash: string;
  },
) {
  return callFunction(
    ex,
    sql`select tt_scan_parent(${JSON.stringify(args.ctx)}::jsonb, ${args.qr}, ${args.kind}, ${args.area}, ${args.scanId}, ${args.hash}) as r`,
  );
}

/** One round trip: tt_scan_child (every rule of SPEC §4.2, link, scan, counters, audit). */
export function scanChild(
  ex: Executor,
  args: { ctx: object; parentQr: string; qr: string; scanId: string; hash: string },
) {
  return callFunction(
    ex,
    sql`select tt_scan_child(${JSON.stringify(args.ctx)}::jsonb, ${args.parentQr}, ${args.qr}, ${args.scanId}, ${args.hash}) as r`,
  );
}

/** One round trip: tt_undo. */
export function undo(
  ex: Executor,
  args: {
    ctx: object;
    parentQr: string;
    windowMinutes: number;
    scanId: string | null;
    hash: string;
  },
) {
  return callFunction(
    ex,
    sql`select tt_undo(${JSON.stringify(args.ctx)}::jsonb, ${args.parentQr}, ${args.windowMinutes}::int, ${args.scanId}, ${args.hash}) as r`,
  );
}
