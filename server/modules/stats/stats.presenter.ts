import type { Stats } from '../../../common/contracts/stats.js';
import { HOURS_PER_DAY, hourLabel, type StatsWindow } from './stats-window.js';
import type { StatsRow } from './stats.repository.js';

const count = (value: StatsRow['n'] | undefined) => (value === undefined ? 0 : Number(value));

/** The rows of readStats → the GET /api/stats answer (zero-filled hours, missing counters 0). */
export function presentStats(
  rows: StatsRow[],
  window: StatsWindow,
  meta: { timeZone: string; readAt: Date },
): Stats {
  const counters = new Map<string, number>();
  const hours = new Array<number>(HOURS_PER_DAY).fill(0);
  const topStations: Stats['topStations'] = [];
  let scansLastHour = 0;
  for (const row of rows) {
    switch (row.part) {
      case 'counter':
        counters.set(row.key, count(row.n));
        break;
      case 'hour': {
        const hour = Number(row.key);
        hours[hour] = (hours[hour] ?? 0) + count(row.n);
        break;
      }
      case 'recent':
        scansLastHour = count(row.n);
        break;
      case 'station':
        topStations.push({ station: row.key, scans: count(row.n) });
        break;
    }
  }
  // Counters are sums of signed deltas; never show a transiently negative number.
  const counter = (metric: string) => Math.max(0, counters.get(metric) ?? 0);
  return {
    parents: counter('parents'),
    children: counter('children'),
    unlinkedChildren: counter('unlinked_children'),
    bills: {
      new: counter('bills_new'),
      processing: counter('bills_processing'),
      completed: counter('bills_completed'),
    },
    scansToday: hours.reduce((sum, n) => sum + n, 0),
    scansLastHour,
    perHour: hours.map((scans, hour) => ({ hour: hourLabel(hour), scans })),
    topStations,
    day: window.day,
    timeZone: meta.timeZone,
    updatedAt: meta.readAt.toISOString(),
  };
}
