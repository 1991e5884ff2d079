import type { Stats } from '../../../common/contracts/stats.js';
import { actorOf, type RequestCtx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { areaScopeOf } from './stats.policy.js';
import { presentStats } from './stats.presenter.js';
import { readStats } from './stats.repository.js';
import { statsWindow } from './stats-window.js';

/** Dashboard numbers (SPEC §9) from the counter tables the packing functions keep. */
export function createStatsService(deps: AppDeps) {
  const timeZone = deps.config.TIME_ZONE;

  /**
   * Dashboard numbers for the actor's scope (SPEC §9): every area for admins and billers, their
   * own area for dispatchers. One statement over the counter tables; "today" is the local date of
   * the clock's now in TIME_ZONE.
   */
  async function getStats(ctx: RequestCtx): Promise<Stats> {
    const now = deps.clock.now();
    const window = statsWindow(now, timeZone);
    const rows = await readStats(deps.database, { area: areaScopeOf(actorOf(ctx)) }, window);
    return presentStats(rows, window, { timeZone, readAt: now });
  }

  return { getStats };
}

export type StatsService = ReturnType<typeof createStatsService>;
