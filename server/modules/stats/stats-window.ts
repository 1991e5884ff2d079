/**
 * The time buckets the dashboard reads (SPEC §9), computed from the injectable clock so tests can
 * move "now". Local buckets follow TIME_ZONE the same way tt_record_scan writes them:
 * stats_hourly.hour is the local wall-clock hour (timestamp without time zone) and
 * stats_stations.day the local date; stats_recent.slot is a 5-minute UTC slot.
 */

/** Width of a stats_recent slot (migration 0002: floor(epoch / 300) * 300). */
export const RECENT_SLOT_MS = 5 * 60_000;
/** "Last hour" = the current 5-minute slot and the 11 before it. */
export const RECENT_SLOTS = 12;
export const HOURS_PER_DAY = 24;

export interface StatsWindow {
  /** Today's local date in TIME_ZONE, `YYYY-MM-DD`. */
  day: string;
  /** Today's local midnight, `YYYY-MM-DD 00:00:00` (compared with stats_hourly.hour). */
  dayStart: string;
  /** Tomorrow's local midnight, exclusive upper bound. */
  dayEnd: string;
  /** First and last stats_recent slot of the last hour (UTC instants, inclusive). */
  recentFrom: Date;
  recentTo: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local calendar date of `at` in `timeZone`, `YYYY-MM-DD`. */
export function localDate(at: Date, timeZone: string): string {
  const parts = dateFormatter(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The calendar day after `day` (`YYYY-MM-DD`), time-zone free. */
export function nextDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** Buckets of "today" in `timeZone` and of the last hour, as seen at `now`. */
export function statsWindow(now: Date, timeZone: string): StatsWindow {
  const day = localDate(now, timeZone);
  const currentSlot = Math.floor(now.getTime() / RECENT_SLOT_MS) * RECENT_SLOT_MS;
  return {
    day,
    dayStart: `${day} 00:00:00`,
    dayEnd: `${nextDate(day)} 00:00:00`,
    recentFrom: new Date(currentSlot - (RECENT_SLOTS - 1) * RECENT_SLOT_MS),
    recentTo: new Date(currentSlot),
  };
}

/** `7` → `07:00`: the label of a local hour in `perHour`. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
