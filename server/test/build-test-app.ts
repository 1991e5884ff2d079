import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { ManualClock, type Clock } from '../platform/clock.js';
import type { AppDeps } from '../platform/deps.js';
import { createEventOutbox } from '../platform/event-outbox.js';
import { pino } from 'pino';
import { workerDatabase } from './test-database.js';

export const TEST_SESSION_SECRET = 'test-session-secret-0123456789-abcdefghij';

/** Dependencies for calling a service directly in a test (the app builds its own the same way). */
export function testDeps(args: { database: Database; config: Config; clock: Clock }): AppDeps {
  return {
    ...args,
    sessionSecret: TEST_SESSION_SECRET,
    events: createEventOutbox(args.database, pino({ level: 'silent' })),
  };
}

/** Settings for tests: quiet, and sign-in rate limits high enough not to trip across tests. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    LOGIN_RATE_PER_IP: '100000',
    LOGIN_RATE_PER_USERNAME: '100000',
    MAX_DISPATCHERS_PER_AREA: '10000',
    WEB_DIR: '/nonexistent-web-dir',
    ...env,
  });
}

export interface TestApp {
  app: FastifyInstance;
  clock: ManualClock;
  database: Database;
  config: Config;
}

/** An app on the worker's shared database with a clock the test moves by hand. */
export async function buildTestApp(
  options: { env?: Record<string, string>; database?: Database } = {},
): Promise<TestApp> {
  const config = testConfig(options.env);
  const database = options.database ?? (await workerDatabase());
  const clock = new ManualClock();
  const app = await buildApp(config, {
    database,
    clock,
    sessionSecret: TEST_SESSION_SECRET,
    logger: false,
  });
  await app.ready();
  return { app, clock, database, config };
}
