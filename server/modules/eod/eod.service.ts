import type { EodQuery, EodSummary } from '../../../common/contracts/eod.js';
import type { RequestCtx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { resolveDay } from './eod-day.js';
import { presentEodSummary } from './eod.presenter.js';
import { listDayBills } from './eod.repository.js';

/** End-of-day summary data (SPEC §11): what the 18:00 mail and the admin screen show. */
export function createEodService(deps: AppDeps) {
  const { db } = deps.database;
  const timeZone = deps.config.TIME_ZONE;

  /**
   * The bills created on a local day in TIME_ZONE (default today) with totals by status, by
   * creator and overall; one query whatever the number of bills. Admins only (route guard).
   */
  async function getDaySummary(_ctx: RequestCtx, query: EodQuery): Promise<EodSummary> {
    const now = deps.clock.now();
    const date = resolveDay(query.date, now, timeZone);
    const rows = await listDayBills(db, { day: date, timeZone });
    return presentEodSummary(rows, { date, timeZone, generatedAt: now });
  }

  return { getDaySummary };
}

export type EodService = ReturnType<typeof createEodService>;
