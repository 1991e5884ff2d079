import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { AppDeps } from '../../platform/deps.js';

const Liveness = Type.Object({ status: Type.Literal('ok') });
const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  db: Type.Object({ ok: Type.Boolean(), latencyMs: Type.Number(), kind: Type.String() }),
});

const PING_TIMEOUT_MS = 2_000;

/** Answers within the timeout whether or not the database does. */
async function pingDatabase(deps: AppDeps): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  const ping = deps.database.db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  const ok = await Promise.race([ping, timeout]);
  clearTimeout(timer);
  return { ok, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}

const healthRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers',
        response: { 200: Liveness },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers (503 when it does not)',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const db = await pingDatabase(deps);
      const body = {
        status: db.ok ? ('ok' as const) : ('degraded' as const),
        db: { ...db, kind: deps.database.kind },
      };
      return reply.status(db.ok ? 200 : 503).send(body);
    },
  );
};

export default healthRoutes;
