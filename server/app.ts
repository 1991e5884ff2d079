import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { createDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { AppDeps } from './platform/deps.js';
import { loggerOptions } from './platform/logger.js';
import { DEFAULT_WEB_DIR } from './platform/paths.js';
import errorHandler from './platform/plugins/error-handler.js';
import inputGuard from './platform/plugins/input-guard.js';
import openapi from './platform/plugins/openapi.js';
import requestId, { genRequestId } from './platform/plugins/request-id.js';
import requestLog from './platform/plugins/request-log.js';
import securityHeaders from './platform/plugins/security-headers.js';
import staticWeb from './platform/plugins/static-web.js';
import auditRoutes from './modules/audit/audit.routes.js';
import { createAuditService } from './modules/audit/audit.service.js';
import authPlugin from './modules/auth/auth.plugin.js';
import { createBagKindsService } from './modules/bag-kinds/bag-kinds.service.js';
import { schedulePruning } from './modules/scans/scans.maintenance.js';
import scansRoutes from './modules/scans/scans.routes.js';
import { createScansService } from './modules/scans/scans.service.js';
import authRoutes from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import eventsRoutes from './modules/events/events.routes.js';
import { createEventsService } from './modules/events/events.service.js';
import healthRoutes from './modules/health/health.routes.js';
import statsRoutes from './modules/stats/stats.routes.js';
import { createStatsService } from './modules/stats/stats.service.js';
import usersRoutes from './modules/users/users.routes.js';
import { createUsersService } from './modules/users/users.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock;
  }
}

export interface AppOverrides {
  /** An open, migrated database the app uses but does not close (tests share one per worker). */
  database?: Database;
  clock?: Clock;
  sessionSecret?: string;
  /** false silences logs (tests). */
  logger?: boolean;
}

export const APP_VERSION = '0.1.0';

/** Composition root: builds the app with every plugin and module; does not listen. */
export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: overrides.logger === false ? false : loggerOptions(config.LOG_LEVEL),
    genReqId: genRequestId,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: config.BODY_LIMIT_BYTES,
    forceCloseConnections: 'idle',
    // One line per request would cost more than the scan itself at thousands per second: the
    // request-log plugin logs failures and slow requests at info, everything else at debug.
    disableRequestLogging: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ownsDatabase = overrides.database === undefined;
  const database =
    overrides.database ??
    (await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE }));
  if (ownsDatabase) {
    await migrate(database.db);
    app.addHook('onClose', async () => database.close());
  }
  const deps: AppDeps = {
    database,
    config,
    clock: overrides.clock ?? systemClock,
    sessionSecret: overrides.sessionSecret ?? config.SESSION_SECRET ?? '',
  };
  if (deps.sessionSecret.length < 32) {
    throw new Error('buildApp needs a session secret of 32+ characters');
  }
  app.decorate('clock', deps.clock);
  // JSON only (API.md); anything else answers 415 rather than reaching a schema as a string.
  app.removeContentTypeParser('text/plain');

  await app.register(requestId);
  await app.register(requestLog, { slowMs: config.SLOW_REQUEST_MS });
  await app.register(errorHandler);
  await app.register(securityHeaders, { hsts: config.secureTransport });
  await app.register(inputGuard);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(openapi, { version: APP_VERSION });

  const auth = createAuthService(deps);
  await app.register(authPlugin, { deps, auth });
  await app.register(healthRoutes, { deps });
  await app.register(authRoutes, { deps, auth });
  await app.register(usersRoutes, { users: createUsersService(deps, auth) });
  await app.register(auditRoutes, { audit: createAuditService(deps) });
  const kinds = createBagKindsService(deps);
  await app.register(scansRoutes, { scans: createScansService(deps, kinds) });
  schedulePruning(app, deps);
  await app.register(statsRoutes, { stats: createStatsService(deps) });
  await app.register(eventsRoutes, { events: createEventsService(deps, app.log) });
  await app.register(staticWeb, { webDir: config.WEB_DIR ?? DEFAULT_WEB_DIR });

  return app;
}
