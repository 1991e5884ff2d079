import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; repositories take `Executor` so they run inside or outside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs: a directory, `memory://` or the server's host/db. */
  location: string;
  poolSize: number;
  close(): Promise<void>;
  /**
   * One statement outside any transaction, as a prepared statement on PostgreSQL (parsed and
   * planned once per connection): for the hot paths — sessions, scans, lookups. Params are
   * strings, numbers, booleans or null.
   */
  query<T>(text: string, params: Array<string | number | boolean | null>): Promise<T[]>;
  /**
   * LISTEN on `channel` (PostgreSQL: one dedicated connection per pool, re-established after a
   * drop; PGlite: in-process). `onPayload` gets each NOTIFY payload; `onListen` runs each time
   * the LISTEN is (re-)established — after a drop, notifications may have been missed. Answers
   * the UNLISTEN.
   */
  listen?(
    channel: string,
    onPayload: (payload: string) => void,
    onListen?: () => void,
  ): Promise<() => Promise<void>>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}

/** Opens PGlite (DATA_DIR, or `memory://`) or a PostgreSQL pool when a URL is given. */
export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  }
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const dir = inMemory ? undefined : `${dataDir.replace(/\/$/, '')}/pglite`;
  if (dir) {
    await mkdir(dir, { recursive: true });
  }
  const client = new PGlite(dir);
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: dir ?? 'memory://',
    poolSize: 1,
    close: () => client.close(),
    query: async <T>(text: string, params: Array<string | number | boolean | null>) =>
      (await client.query<T>(text, params)).rows,
    listen: async (channel, onPayload, onListen) => {
      const unlisten = await client.listen(channel, onPayload);
      onListen?.();
      return unlisten;
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const client = postgres(url, {
    max: poolSize,
    onnotice: () => undefined,
    connection: { application_name: 'tracetrack' },
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  await db.execute(sql`select 1`);
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgres',
    location: `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    poolSize,
    close: () => client.end({ timeout: 5 }),
    query: async <T>(text: string, params: Array<string | number | boolean | null>) =>
      (await client.unsafe(text, params, { prepare: true })) as unknown as T[],
    listen: async (channel, onPayload, onListen) => {
      const request = await client.listen(channel, onPayload, onListen);
      return () => request.unlisten();
    },
  };
}
