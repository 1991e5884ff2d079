import { readdir, readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR } from '../platform/paths.js';
import type { Db } from './client.js';

const MIGRATION_LOCK_KEY = 724_113_001;

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies every pending migration in one transaction, under an advisory lock so that several
 * app instances starting together apply each migration once. Idempotent.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(
      sql`create table if not exists schema_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      )`,
    );
    const done = await tx.execute<{ name: string }>(sql`select name from schema_migrations`);
    const seen = new Set(rowsOf<{ name: string }>(done).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (seen.has(file)) {
        continue;
      }
      const text = await readFile(`${dir}/${file}`, 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim().length > 0) {
          await tx.execute(sql.raw(statement));
        }
      }
      await tx.execute(sql`insert into schema_migrations (name) values (${file})`);
      applied.push(file);
    }
    return { applied };
  });
}

/** postgres.js answers an array of rows, PGlite `{ rows }`: one reader for both. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) {
    return result as T[];
  }
  return (result as { rows?: T[] }).rows ?? [];
}
