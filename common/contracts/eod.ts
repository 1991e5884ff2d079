import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.js';
import { BillStatus } from './bills.js';

/**
 * `?date=YYYY-MM-DD`: a local calendar day in the server's TIME_ZONE (bills whose createdAt falls
 * in [that day's 00:00, the next day's 00:00) local time). Absent: today in TIME_ZONE.
 */
export const DayDate = Type.String({
  format: 'date',
  description: 'Local day YYYY-MM-DD in the server TIME_ZONE; default today',
});

export const EodQuery = Type.Object(
  { date: Type.Optional(DayDate) },
  { additionalProperties: false },
);
export type EodQuery = Static<typeof EodQuery>;

export const EodCreator = Type.Union([
  Type.Object({ username: Type.String(), role: Type.String() }),
  Type.Null({ description: 'The creating user is unknown' }),
]);
export type EodCreator = Static<typeof EodCreator>;

/** Sums over a set of bills; weights in kg, rounded to grams. */
export const EodTotals = Type.Object({
  bills: Type.Integer(),
  parents: Type.Integer({ description: 'Parent bags attached' }),
  children: Type.Integer({ description: 'Child bags in those parents' }),
  actualWeightKg: Type.Number(),
  expectedWeightKg: Type.Number(),
  differenceKg: Type.Number({ description: 'actual − expected' }),
});
export type EodTotals = Static<typeof EodTotals>;

export const EodBill = Type.Object({
  billNo: Type.String(),
  creator: EodCreator,
  parents: Type.Integer(),
  children: Type.Integer(),
  actualWeightKg: Type.Number(),
  expectedWeightKg: Type.Number(),
  status: BillStatus,
  createdAt: IsoDateTime,
});
export type EodBill = Static<typeof EodBill>;

export const EodCreatorTotals = Type.Object({ creator: EodCreator, ...EodTotals.properties });
export type EodCreatorTotals = Static<typeof EodCreatorTotals>;

export const EodSummary = Type.Object({
  date: Type.String({ description: 'The local day summarised, YYYY-MM-DD' }),
  timeZone: Type.String(),
  generatedAt: IsoDateTime,
  bills: Type.Array(EodBill, { description: 'Bills created that day, oldest first' }),
  totals: Type.Object({
    byStatus: Type.Object({ new: EodTotals, processing: EodTotals, completed: EodTotals }),
    byCreator: Type.Array(EodCreatorTotals, { description: 'By username; unknown creator last' }),
    grand: EodTotals,
  }),
});
export type EodSummary = Static<typeof EodSummary>;
