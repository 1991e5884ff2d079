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
