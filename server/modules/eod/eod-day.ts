import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { localDate } from '../stats/stats-window.js';

/** The day a `?date=` names, or today in `timeZone` when absent (the schema checked the format). */
export function resolveDay(date: string | undefined, now: Date, timeZone: string): string {
  return date ?? localDate(now, timeZone);
}

/**
 * `column` falls on the local calendar day `day` in `timeZone`: [local 00:00, next local 00:00).
 * PostgreSQL turns the bounds into instants (DST-safe) once per statement, so a range scan on an
 * index over `column` (bills_created_idx) serves it.
 */
export function onLocalDay(column: PgColumn | SQL, day: string, timeZone: string): SQL {
  return sql`(${column} >= ((${day}::date)::timestamp at time zone ${timeZone})
    and ${column} < ((${day}::date + 1)::timestamp at time zone ${timeZone}))`;
}
