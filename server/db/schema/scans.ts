import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Every accepted scan request (packing, bill attach, return), duplicates included. */
export const scans = pgTable(
  'scans',
  {
    /** By default, so the packing functions can take the id first and write the row last. */
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: ts('at').notNull(),
    userId: integer('user_id').notNull(),
    station: text('station'),
    /** parent, child, bill, return */
    kind: text('kind').notNull(),
    qr: text('qr').notNull(),
    bagId: bigint('bag_id', { mode: 'number' }),
    /** The parent a child was scanned into, or the bill/ticket of a bill/return scan. */
    targetQr: text('target_qr'),
    dispatchArea: text('dispatch_area'),
    created: boolean('created').notNull().default(false),
    duplicate: boolean('duplicate').notNull().default(false),
    scanId: text('scan_id'),
  },
  (t) => [
    index('scans_at_idx').on(t.at, t.id),
    index('scans_user_idx').on(t.userId, t.id),
    index('scans_station_idx').on(t.station, t.id),
    index('scans_area_idx').on(t.dispatchArea, t.id),
    index('scans_qr_idx').on(t.qr, t.id),
    index('scans_kind_idx').on(t.kind, t.id),
    index('scans_target_idx').on(t.targetQr, t.id),
  ],
);

export type ScanRow = typeof scans.$inferSelect;

/**
 * Idempotency: the first answer to each (user, endpoint, scanId), replayed for copies with the
 * same body; kept SCAN_ID_TTL_HOURS.
 */
export const scanRequests = pgTable(
  'scan_requests',
  {
    userId: integer('user_id').notNull(),
    endpoint: text('endpoint').notNull(),
    scanId: text('scan_id').notNull(),
    bodyHash: text('body_hash').notNull(),
    response: jsonb('response').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.endpoint, t.scanId] }),
    index('scan_requests_created_idx').on(t.createdAt),
  ],
);

/**
 * Dashboard counters kept in the same transactions as the changes (SPEC §9), sharded so that
 * concurrent scanners do not queue on one row; a read sums a bounded number of rows.
 * `area` '' stands for bags with no dispatch area.
 */
export const statsCounters = pgTable(
  'stats_counters',
  {
    area: text('area').notNull(),
    metric: text('metric').notNull(),
    shard: smallint('shard').notNull(),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.area, t.metric, t.shard] })],
);

/** Scans per local hour (TIME_ZONE) and area, sharded. */
export const statsHourly = pgTable(
  'stats_hourly',
  {
    area: text('area').notNull(),
    hour: timestamp('hour', { withTimezone: false, mode: 'string' }).notNull(),
    shard: smallint('shard').notNull(),
    scans: bigint('scans', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.area, t.hour, t.shard] }),
    index('stats_hourly_hour_idx').on(t.hour),
  ],
);

/** Scans per 5-minute slot (UTC) and area, for "scans in the last hour". */
export const statsRecent = pgTable(
  'stats_recent',
  {
    area: text('area').notNull(),
    slot: ts('slot').notNull(),
    shard: smallint('shard').notNull(),
    scans: bigint('scans', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.area, t.slot, t.shard] }),
    index('stats_recent_slot_idx').on(t.slot),
  ],
);

/** Scans per station per local day and area (top stations); one row per station, no hot row. */
export const statsStations = pgTable(
  'stats_stations',
  {
    area: text('area').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    station: text('station').notNull(),
    scans: bigint('scans', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.area, t.day, t.station] }),
    index('stats_stations_day_idx').on(t.day),
  ],
);
