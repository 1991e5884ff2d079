import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { createDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { AppDeps } from './platform/deps.js';
import { loggerOptions } from './platform/logger.js';
import { DEFAULT_WEB_DIR } from './platform/paths.js';
import errorHandler, { sendError } from './platform/plugins/error-handler.js';
import { AppError } from './platform/errors.js';
import { createEventOutbox } from './platform/event-outbox.js';
import inputGuard from './platform/plugins/input-guard.js';
import openapi from './platform/plugins/openapi.js';
import requestId, { genRequestId } from './platform/plugins/request-id.js';
import requestLog from './platform/plugins/request-log.js';
import securityHeaders from './platform/plugins/security-headers.js';
import staticWeb from './platform/plugins/static-web.js';
import { AJV_OPTIONS, validatorFactory } from './platform/validator.js';
import auditRoutes from './modules/audit/audit.routes.js';
import { createAuditService } from './modules/audit/audit.service.js';
import authPlugin from './modules/auth/auth.plugin.js';
import { createBagKindsService } from './modules/bag-kinds/bag-kinds.service.js';
import { schedulePruning } from './modules/scans/scans.maintenance.js';
import bagKindsRoutes from './modules/bag-kinds/bag-kinds.routes.js';
import bagsRoutes from './modules/bags/bags.routes.js';
import { createBagsService } from './modules/bags/bags.service.js';
import scansListRoutes from './modules/scans/scans-list.routes.js';
import { createScansListService } from './modules/scans/scans-list.service.js';
import scansRoutes from './modules/scans/scans.routes.js';
import billsRoutes from './modules/bills/bills.routes.js';
import { createBillsService } from './modules/bills/bills.service.js';
import returnsRoutes from './modules/returns/returns.routes.js';
import { createReturnsService } from './modules/returns/returns.service.js';
import { createScansService } from './modules/scans/scans.service.js';
import authRoutes from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import eodRoutes from './modules/eod/eod.routes.js';
import { createEodService } from './modules/eod/eod.service.js';
import eventsRoutes from './modules/events/events.routes.js';
import { createEventsService } from './modules/events/events.service.js';
import healthRoutes from './modules/health/health.routes.js';
import statsRoutes from './modules/stats/stats.routes.js';
import { createStatsService } from './modules/stats/stats.service.js';
import printRoutes from './modules/print/print.routes.js';
import { createPrintService } from './modules/print/print.service.js';
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
export async function buildApp(
  config: Config,
  overrides: AppOverrides = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: overrides.logger === false ? false : loggerOptions(config.LOG_LEVEL),
    genReqId: genRequestId,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: config.BODY_LIMIT_BYTES,
    forceCloseConnections: 'idle',
    // One line per request would cost more than the scan itself at thousands per second: the
    // request-log plugin logs failures and slow requests at info, everything else at debug.
    logController: new LogController({ disableRequestLogging: true }),
    // Codes travel in paths (/api/bags/:qr) and a label payload can be long; classification
    // answers QR_INVALID past 200 characters, so the router must let them through.
    routerOptions: { maxParamLength: 2048 },
    frameworkErrors: (error, request, reply) => {
      const message =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? 'The path is too long.'
          : 'The URL is malformed.';
      void sendError(reply, request, new AppError('VALIDATION', message));
    },
    // Querystring, params and headers are coerced from text; JSON bodies are not (validator.ts).
    ajv: AJV_OPTIONS,
    schemaController: { compilersFactory: { buildValidator: validatorFactory() } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ownsDatabase = overrides.database === undefined;
  const database =
    overrides.database ??
    (await createDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
    }));
  if (ownsDatabase) {
    await migrate(database.db);
    app.addHook('onClose', async () => database.close());
  }
  const deps: AppDeps = {
    database,
    config,
    clock: overrides.clock ?? systemClock,
    sessionSecret: overrides.sessionSecret ?? config.SESSION_SECRET ?? '',
    events: createEventOutbox(database, app.log),
  };
  app.addHook('preClose', async () => deps.events.flush());
  if (deps.sessionSecret.length < 32) {
    throw new Error('buildApp needs a session secret of 32+ characters');
  }
  app.decorate('clock', deps.clock);
  // JSON only (API.md); anything else answers 415 rather than reaching a schema as a string.
  app.removeContentTypeParser('text/plain');
  // State verbs (complete, reopen, logout…) take no body: an empty JSON body means "none".
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, done);
  });

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
  await app.register(scansRoutes, { scans: createScansService(deps, kinds, app.log) });
  await app.register(scansListRoutes, { scans: createScansListService(deps) });
  await app.register(bagsRoutes, { bags: createBagsService(deps, kinds) });
  await app.register(bagKindsRoutes, { kinds });
  schedulePruning(app, deps);
  await app.register(billsRoutes, { bills: createBillsService(deps, kinds) });
  await app.register(returnsRoutes, { returns: createReturnsService(deps, kinds) });
  await app.register(printRoutes, { print: createPrintService(deps) });
  await app.register(eodRoutes, { eod: createEodService(deps) });
  await app.register(statsRoutes, { stats: createStatsService(deps) });
  await app.register(eventsRoutes, { events: createEventsService(deps, app.log) });
  await app.register(staticWeb, { webDir: config.WEB_DIR ?? DEFAULT_WEB_DIR });

  return app;
}
