import { lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { scanRequests, statsRecent } from '../../db/schema/scans.js';
import type { AppDeps } from '../../platform/deps.js';

const HOUR = 3_600_000;

/**
 * Forgets scanIds older than SCAN_ID_TTL_HOURS and 5-minute dashboard slots older than two hours.
 * Harmless to run on every instance at once.
 */
export async function pruneScanState(deps: AppDeps): Promise<{ scanIds: number; slots: number }> {
  const { db } = deps.database;
  const now = deps.clock.now().getTime();
  const scanIds = await db
    .delete(scanRequests)
    .where(lt(scanRequests.createdAt, new Date(now - deps.config.SCAN_ID_TTL_HOURS * HOUR)))
    .returning({ id: scanRequests.scanId });
  const slots = await db
    .delete(statsRecent)
    .where(lt(statsRecent.slot, new Date(now - 2 * HOUR)))
    .returning({ slot: statsRecent.slot });
  return { scanIds: scanIds.length, slots: slots.length };
}

/** Runs pruneScanState every 10 minutes while the app is up. */
export function schedulePruning(app: FastifyInstance, deps: AppDeps) {
  const timer = setInterval(() => {
    pruneScanState(deps).catch((err: unknown) =>
      app.log.warn({ err }, 'scan state pruning failed'),
    );
  }, 10 * 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
