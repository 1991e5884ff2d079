/**
 * Packing invariants of a whole database (every parent), e.g. after a PGlite run:
 *
 *   npx tsx bench/check.ts --pglite ./data-bench        (server stopped)
 *   npx tsx bench/check.ts --url postgres://postgres@127.0.0.1:5432/tt_bench
 */
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { createDatabase } from '../server/db/client.js';
import { out, parseArgs, secondsSince } from './lib/args.js';
import { checkPacking } from './lib/check.js';
import type { RawQuery } from './lib/scenarios.js';

async function main() {
  const { flags } = parseArgs(process.argv.slice(2));
  const pgliteDir = flags.get('pglite');
  const url = flags.get('url') ?? process.env.DATABASE_URL;
  let q: RawQuery;
  let close: () => Promise<unknown>;
  if (pgliteDir) {
    const database = await createDatabase({ dataDir: pgliteDir });
    const client = (database.db as unknown as { $client: PGlite }).$client;
    q = async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows;
    close = () => database.close();
  } else if (url) {
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    q = async (text, params) =>
      (await sql.unsafe(text, params as never[])) as Array<Record<string, unknown>>;
    close = () => sql.end({ timeout: 5 });
  } else {
    throw new Error('give --pglite DATA_DIR or --url postgres://…');
  }
  const t = performance.now();
  const result = await checkPacking(q, null);
  out(
    `${result.parents} parents, ${result.children} linked children checked in ${secondsSince(t)} s: ${result.problems.length === 0 ? 'consistent' : 'PROBLEMS'}`,
  );
  result.problems.forEach((p) => out(`  ${p}`));
  await close();
  process.exitCode = result.problems.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
