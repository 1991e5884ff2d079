import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/** What the seeder needs from PostgreSQL (postgres.js, COPY FROM STDIN) or PGlite (COPY FROM a blob). */
export interface SeedDriver {
  kind: 'postgres' | 'pglite';
  /** How many COPY or CREATE INDEX statements may run at once. */
  lanes: number;
  exec(text: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Empties `table` and loads it in one transaction with COPY … FREEZE (rows are born frozen and
   * all-visible, so no hint-bit or vacuum pass follows), foreign-key triggers off for that
   * transaction (session_replication_role = replica: the generator keeps the references right).
   */
  copy(table: string, columns: readonly string[], chunks: Iterable<string>): Promise<void>;
  close(): Promise<void>;
}

const copySql = (table: string, columns: readonly string[], source: string) =>
  `copy ${table} (${columns.join(', ')}) from ${source} with (freeze)`;

export function postgresDriver(url: string, lanes = 3): SeedDriver {
  const sql = postgres(url, { max: lanes + 1, onnotice: () => undefined });
  return {
    kind: 'postgres',
    lanes,
    async exec(text) {
      await sql.unsafe(text);
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await sql.unsafe(
        text,
        params as postgres.ParameterOrJSON<never>[],
      )) as unknown as T[];
    },
    async copy(table, columns, chunks) {
      await sql.begin(async (tx) => {
        await tx.unsafe('set local session_replication_role = replica');
        await tx.unsafe('set local synchronous_commit = off');
        await tx.unsafe(`truncate ${table}`);
        const writable = await tx.unsafe(copySql(table, columns, 'stdin')).writable();
        await pipeline(Readable.from(chunks, { objectMode: false }), writable);
      });
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

export function pgliteDriver(client: PGlite): SeedDriver {
  return {
    kind: 'pglite',
    lanes: 1,
    async exec(text) {
      await client.exec(text);
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    async copy(table, columns, chunks) {
      const blob = new Blob([...chunks]);
      await client.transaction(async (tx) => {
        await tx.exec(`set local session_replication_role = replica; truncate ${table};`);
        await tx.query(copySql(table, columns, `'/dev/blob'`), [], { blob });
      });
    },
    close: () => client.close(),
  };
}

/** Runs `jobs` with at most `lanes` at a time, biggest first as given. */
export async function inLanes(lanes: number, jobs: Array<() => Promise<void>>): Promise<void> {
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      await job();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, worker));
}
