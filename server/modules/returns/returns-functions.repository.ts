import { sql } from 'drizzle-orm';
import { callJsonFunction } from '../../db/call-function.js';
import type { Database, Executor } from '../../db/client.js';
import { rowsOf } from '../../db/migrate.js';
import type { FunctionAnswer } from '../../platform/db-function.js';

async function call<T>(ex: Executor, query: ReturnType<typeof sql>): Promise<T> {
  const rows = rowsOf<{ r: T | string }>(await ex.execute(query));
  const value = rows[0]?.r;
  if (value === undefined) {
    throw new Error('return function answered no row');
  }
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * One round trip: tt_return_scan (rules of SPEC §6, the parent leaves its bill, figures, line,
 * bill history, scan, audit, live event), idempotent on (user, 'return', scanId).
 */
export function scan(
  database: Database,
  a: { ctx: object; code: string; qr: string; isParent: boolean; scanId: string; hash: string },
) {
  return callJsonFunction<FunctionAnswer>(
    database,
    'tt_return_scan',
    a.ctx,
    [a.code, a.qr, a.isParent, a.scanId, a.hash],
    ['text', 'text', 'boolean', 'text', 'text'],
  );
}

/** One round trip: tt_return_close (finalize, or cancel restoring what it can); {…} or {error}. */
export function close(
  ex: Executor,
  a: { ctx: object; code: string; action: 'finalize' | 'cancel'; autoComplete: boolean },
) {
  return call<FunctionAnswer['result']>(
    ex,
    sql`select tt_return_close(${JSON.stringify(a.ctx)}::jsonb, ${a.code}, ${a.action},
      ${a.autoComplete}) as r`,
  );
}

/** Tells every app instance (live 'return' events); delivered when the transaction commits. */
export async function notify(ex: Executor, event: Record<string, unknown>) {
  await ex.execute(
    sql`select pg_notify('tt_events', ${JSON.stringify({ type: 'return', area: null, ...event })})`,
  );
}
