import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.js';

const Count = (description: string) => Type.Integer({ minimum: 0, description });

export const HourScans = Type.Object({
  hour: Type.String({
    pattern: '^([01][0-9]|2[0-3]):00$',
    description: 'Local hour of today in the server TIME_ZONE, "HH:00" ("00:00" … "23:00")',
  }),
  scans: Count('Scans recorded in that local hour'),
});
export type HourScans = Static<typeof HourScans>;

export const StationScans = Type.Object({
  station: Type.String({ description: 'Station name as the scanning device sent it' }),
  scans: Count('Scans from that station today'),
});
export type StationScans = Static<typeof StationScans>;

/** Dashboard numbers (SPEC §9), read from incrementally maintained counters. */
export const Stats = Type.Object(
  {
    parents: Count('Parent bags'),
    children: Count('Child bags, linked or not'),
    unlinkedChildren: Count('Child bags in no parent'),
    bills: Type.Object(
      {
        new: Count('Bills with status new'),
        processing: Count('Bills with status processing'),
        completed: Count('Bills with status completed'),
      },
      { description: 'Bills by status; bills have no dispatch area, so every role sees all bills' },
    ),
    scansToday: Count('Scans since local midnight in TIME_ZONE'),
    scansLastHour: Count(
      'Scans in the last hour at 5-minute resolution: the current 5-minute slot and the 11 before it',
    ),
    perHour: Type.Array(HourScans, {
      minItems: 24,
      maxItems: 24,
      description: "Today's 24 local hours in order, zero-filled",
    }),
    topStations: Type.Array(StationScans, {
      maxItems: 5,
      description:
        'The 5 busiest stations today, most scans first (scans without a station are not ranked)',
    }),
    day: Type.String({
      format: 'date',
      description: 'The local date "today" refers to (TIME_ZONE)',
    }),
    timeZone: Type.String({ description: 'The time zone of day and perHour, e.g. Asia/Kolkata' }),
    updatedAt: Type.String({ format: 'date-time', description: 'When these numbers were read' }),
  },
  {
    description:
      'Scoped by role: admins and billers see every dispatch area, dispatchers their own area only',
  },
);
export type Stats = Static<typeof Stats>;

/** Types of the live events of GET /api/events (`event: <type>`). */
export const LIVE_EVENT_TYPES = ['scan', 'link', 'unlink', 'bill', 'return', 'stats'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

const Area = Type.Union([Type.String(), Type.Null()], {
  description: 'Dispatch area of the bag (null: none); dispatchers only receive their own area',
});

/** `event: scan`: an accepted scan (packing, bill attach, return), duplicates included. */
export const ScanEventData = Type.Object({
  type: Type.Literal('scan'),
  area: Area,
  kind: Type.String({ description: 'parent, child, bill or return' }),
  qr: Type.String(),
  target: Type.Union([Type.String(), Type.Null()], { description: 'The parent, bill or ticket' }),
  duplicate: Type.Boolean(),
  user: Type.Union([Type.String(), Type.Null()], { description: 'Username of the scanner' }),
  station: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ description: 'Time of the scan (ISO 8601)' }),
});
export type ScanEventData = Static<typeof ScanEventData>;

/** `event: link` (a child went into a parent) and `event: unlink` (undo). */
export const LinkEventData = Type.Object({
  type: Type.Union([Type.Literal('link'), Type.Literal('unlink')]),
  area: Area,
  parent: Type.String(),
  child: Type.String(),
  childCount: Type.Integer({ description: "The parent's children after the change" }),
  maxChildren: Type.Optional(Type.Integer()),
});
export type LinkEventData = Static<typeof LinkEventData>;

/**
 * `event: stats`: the dashboard numbers of these areas changed; refetch GET /api/stats. Sent at
 * most once a second per server instance, after a burst of scan/link/unlink/bill/return events.
 */
export const StatsEventData = Type.Object({
  type: Type.Literal('stats'),
  areas: Type.Array(Area, {
    description: 'Areas whose numbers changed (a dispatcher sees only their own)',
  }),
  at: IsoDateTime,
});
export type StatsEventData = Static<typeof StatsEventData>;
