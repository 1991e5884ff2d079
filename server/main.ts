import { existsSync } from 'node:fs';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { systemClock } from './platform/clock.js';
import { resolveSessionSecret } from './platform/session-secret.js';
import { ensureBootstrapAdmin } from './modules/users/bootstrap-admin.js';

function readConfig() {
  if (existsSync('.env') && typeof process.loadEnvFile === 'function') {
    process.loadEnvFile('.env');
  }
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Process entry: config → database → migrations → bootstrap admin → app → listen. */
async function main() {
  const config = readConfig();
  const database = await createDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  const migrations = await migrate(database.db);
  const sessionSecret = await resolveSessionSecret(config);
  const app = await buildApp(config, { database, sessionSecret });
  app.addHook('onClose', async () => database.close());
  app.log.info(
    { applied: migrations.applied, database: database.kind, location: database.location },
    'database ready',
  );
  if (database.kind === 'pglite') {
    app.log.warn(
      'Embedded database (PGlite): for trials and small single sites (about 200,000 bags, 20 scanners). Set DATABASE_URL to a PostgreSQL server for production.',
    );
  } else {
    const [setting] = await database.query<{ autovacuum: string }>(
      "select current_setting('autovacuum') as autovacuum",
      [],
    );
    if (setting?.autovacuum === 'off') {
      app.log.warn(
        'PostgreSQL runs with autovacuum = off: the counters, parents and scanId records that every scan updates or deletes leave dead rows nothing removes: tables and indexes grow and scans slow down over time. Turn autovacuum on, or VACUUM (ANALYZE) nightly.',
      );
    }
  }
  const bootstrap = await ensureBootstrapAdmin(database.db, {
    password: config.ADMIN_PASSWORD,
    email: config.ADMIN_EMAIL,
    clock: systemClock,
  });
  if (bootstrap.created) {
    const secret = bootstrap.generatedPassword
      ? `password: ${bootstrap.generatedPassword}   (shown once: sign in and change it)`
      : 'password: the ADMIN_PASSWORD you set';
    process.stdout.write(
      `\n  Bootstrap admin created — username: ${bootstrap.username}   ${secret}\n\n`,
    );
  }
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) {
      app.log.fatal({ err }, 'fatal error, shutting down');
    } else {
      app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    }
    await app.close();
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(`TraceTrack listening on ${address}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `TraceTrack failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
