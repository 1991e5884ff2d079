import postgres from 'postgres';

/**
 * A postgres.js client that sends JSON parameters as the text given, as the server's client does
 * (Drizzle sets the same serializers): the scenarios pass ctx and batches as JSON text, which
 * postgres.js would otherwise encode a second time (`$1::jsonb` would then be a JSON string, and
 * `ctx->>'now'` null).
 */
export function benchSql(url: string, options: postgres.Options<Record<string, never>> = {}) {
  const sql = postgres(url, { onnotice: () => undefined, ...options });
  const serializers = (
    sql.options as unknown as { serializers: Record<string, (x: unknown) => unknown> }
  ).serializers;
  serializers['114'] = serializers['3802'] = (x) => x;
  return sql;
}
