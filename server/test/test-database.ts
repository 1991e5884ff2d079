import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';

const KEY = Symbol.for('tracetrack.test.database');
type Holder = { [KEY]?: Promise<Database> };

/** Opens and migrates a database: PostgreSQL when TEST_DATABASE_URL is set, else memory PGlite. */
export async function openTestDatabase(): Promise<Database> {
  const database = await createDatabase({
    databaseUrl: process.env.TEST_DATABASE_URL,
    dataDir: 'memory://',
    poolSize: 8,
  });
  await migrate(database.db);
  return database;
}

/**
 * The test worker's one database, opened and migrated on first use and shared by every test file
 * the worker runs (PGlite takes seconds and most of a GB to open). Tests isolate by their own data.
 */
export function workerDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  holder[KEY] ??= openTestDatabase();
  return holder[KEY];
}

/**
 * A database of its own, for tests that need global state no other test may touch (e.g. exactly
 * one active admin). PGlite: a new memory database. PostgreSQL: a fresh `tt_iso_<hex>` database
 * on the TEST_DATABASE_URL server, dropped again on close. Close it in afterAll.
 */
export async function openIsolatedDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    return openTestDatabase();
  }
  const name = `tt_iso_${randomBytes(6).toString('hex')}`;
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const isolatedUrl = new URL(url);
  isolatedUrl.pathname = `/${name}`;
  const drop = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  try {
    const database = await createDatabase({
      databaseUrl: isolatedUrl.toString(),
      dataDir: 'memory://',
      poolSize: 4,
    });
    await migrate(database.db);
    return {
      ...database,
      close: async () => {
        await database.close();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}
