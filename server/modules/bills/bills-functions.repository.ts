import { sql } from 'drizzle-orm';
import { callJsonFunction } from '../../db/call-function.js';
import type { Database, Executor } from '../../db/client.js';
import { rowsOf } from '../../db/migrate.js';
import type { FunctionAnswer } from '../../platform/db-function.js';

async function call<T>(ex: Executor, query: ReturnType<typeof sql>): Promise<T> {
  const rows = rowsOf<{ r: T | string }>(await ex.execute(query));
  const value = rows[0]?.r;
  if (value === undefined) {
    throw new Error('bill function answered no row');
  }
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** One round trip: tt_bill_attach (rules of SPEC §5, figures, auto-complete, scan, audit). */
export function attach(
  database: Database,
  a: {
    ctx: object;
    billNo: string;
    qr: string;
    kind: string | null;
    manual: boolean;
    autoComplete: boolean;
    debounceMs: number;
    scanId: string;
    hash: string;
  },
) {
  return callJsonFunction<FunctionAnswer>(
    database,
    'tt_bill_attach',
    a.ctx,
    [a.billNo, a.qr, a.kind, a.manual, a.autoComplete, a.debounceMs, a.scanId, a.hash],
    ['text', 'text', 'text', 'boolean', 'boolean', 'int', 'text', 'text'],
  );
}

/** tt_bill_remove: takes a parent off a bill; answers {bill, events} or {error}. */
export function removeParent(ex: Executor, a: { ctx: object; billNo: string; qr: string }) {
  return call<FunctionAnswer['result']>(
    ex,
    sql`select tt_bill_remove(${JSON.stringify(a.ctx)}::jsonb, ${a.billNo}, ${a.qr}) as r`,
  );
}

/**
 * The live events the transaction's bill functions emitted (tt_bill_recompute, tt_bill_status),
 * taken out of it: publish them (deps.events) after commit.
 */
export function takeEvents(ex: Executor) {
  return call<unknown[]>(ex, sql`select tt_take_events() as r`);
}

/** NOTIFYs the live events the transaction emitted (for paths that do not publish after commit). */
export async function flushEvents(ex: Executor): Promise<void> {
  await ex.execute(sql`select tt_flush_events()`);
}

/** tt_bill_recompute: figures from links; answers {before, after}. */
export function recompute(ex: Executor, a: { ctx: object; billId: number }) {
  return call<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
    ex,
    sql`select tt_bill_recompute(${JSON.stringify(a.ctx)}::jsonb, ${a.billId}) as r`,
  );
}

/** tt_bill_status / tt_bill_event / tt_bill_json, for the TypeScript-side state verbs. */
export async function setStatus(
  ex: Executor,
  a: { ctx: object; billId: number; status: string; reason?: string | null },
) {
  await ex.execute(
    sql`select tt_bill_status(${JSON.stringify(a.ctx)}::jsonb, ${a.billId}, ${a.status}, ${a.reason ?? null})`,
  );
}

export async function addEvent(
  ex: Executor,
  a: {
    ctx: object;
    billId: number;
    action: string;
    parentQr?: string | null;
    before?: object | null;
    after?: object | null;
    note?: string | null;
  },
) {
  await ex.execute(
    sql`select tt_bill_event(${JSON.stringify(a.ctx)}::jsonb, ${a.billId}, ${a.action}, ${a.parentQr ?? null},
      ${a.before ? JSON.stringify(a.before) : null}::jsonb, ${a.after ? JSON.stringify(a.after) : null}::jsonb, ${a.note ?? null})`,
  );
}

export function billJson<T>(ex: Executor, billId: number) {
  return call<T>(ex, sql`select tt_bill_json(${billId}) as r`);
}
