import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
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
  ex: Executor,
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
  return call<FunctionAnswer>(
    ex,
    sql`select tt_bill_attach(${JSON.stringify(a.ctx)}::jsonb, ${a.billNo}, ${a.qr}, ${a.kind}, ${a.manual},
      ${a.autoComplete}, ${a.debounceMs}::int, ${a.scanId}, ${a.hash}) as r`,
  );
}

/** tt_bill_remove: takes a parent off a bill; answers {bill} or {error}. */
export function removeParent(ex: Executor, a: { ctx: object; billNo: string; qr: string }) {
  return call<FunctionAnswer['result']>(
    ex,
    sql`select tt_bill_remove(${JSON.stringify(a.ctx)}::jsonb, ${a.billNo}, ${a.qr}) as r`,
  );
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
