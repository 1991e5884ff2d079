import type { Database } from './client.js';

type Param = string | number | boolean | null;

/**
 * Calls one of the JSON-answering SQL functions as a prepared statement:
 * `select <fn>($1::jsonb, $2, …) as r`. The first argument is always the jsonb context.
 */
export async function callJsonFunction<T>(
  database: Database,
  fn: string,
  ctx: object,
  args: Param[],
  casts: string[] = [],
): Promise<T> {
  const placeholders = args.map((_, i) => `$${i + 2}${casts[i] ? `::${casts[i]}` : ''}`);
  const text = `select ${fn}($1::jsonb${placeholders.map((p) => `, ${p}`).join('')}) as r`;
  const rows = await database.query<{ r: T | string }>(text, [JSON.stringify(ctx), ...args]);
  const value = rows[0]?.r;
  if (value === undefined) {
    throw new Error(`${fn} answered no row`);
  }
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
