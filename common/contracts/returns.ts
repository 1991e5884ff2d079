import { Type, type Static } from 'typebox';
import { Bill } from './bills.js';
import { IsoDateTime, NullableDateTime, Page, PageQuery } from './common.js';

/** IPT return tickets (SPEC §6, API.md "Returns (IPT)"). */

/** `RTN-YYYYMMDD-XXXX`: the creation date in TIME_ZONE and four random A-Z 0-9. */
export const TICKET_CODE_PATTERN = '^RTN-\\d{8}-[A-Z0-9]{4}$';
export const RETURN_NOTES_MAX = 1000;

export const ReturnStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('committed'),
  Type.Literal('cancelled'),
]);
export type ReturnStatus = Static<typeof ReturnStatus>;

const Notes = Type.Union([Type.String({ maxLength: RETURN_NOTES_MAX }), Type.Null()]);
const ScanId = Type.String({
  pattern: '^[A-Za-z0-9_-]{8,64}$',
  description: 'Client-generated id (8–64 of A-Z a-z 0-9 _ -); a replay answers the first answer',
});

const ticketFields = {
  code: Type.String({ description: 'RTN-YYYYMMDD-XXXX' }),
  location: Type.String({ description: 'C&F location: a dispatch area key' }),
  notes: Notes,
  status: ReturnStatus,
  bagCount: Type.Integer({ description: 'Parent bags returned' }),
  childCount: Type.Integer({ description: 'Child bags in them at return time' }),
  weightKg: Type.Number(),
  createdBy: Type.Union([Type.String(), Type.Null()], { description: 'Username' }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  closedAt: NullableDateTime,
};

export const ReturnTicket = Type.Object(ticketFields);
export type ReturnTicket = Static<typeof ReturnTicket>;

export const ReturnLine = Type.Object({
  qr: Type.String({ description: 'The returned parent' }),
  originalBill: Type.Union([Type.String(), Type.Null()], {
    description: 'The bill it was on when returned (kept when that bill is deleted)',
  }),
  childCount: Type.Integer({ description: 'At return time' }),
  weightKg: Type.Number({ description: 'At return time' }),
  scannedBy: Type.Union([Type.String(), Type.Null()], { description: 'Username' }),
  scannedAt: IsoDateTime,
  restored: Type.Union([Type.Boolean(), Type.Null()], {
    description: 'Set by cancel: put back on its bill, or not (see restoreNote)',
  }),
  restoreNote: Type.Union([Type.String(), Type.Null()], {
    description: 'Why cancel could not put it back',
  }),
});
export type ReturnLine = Static<typeof ReturnLine>;

export const ReturnTicketDetail = Type.Object({ ...ticketFields, lines: Type.Array(ReturnLine) });
export type ReturnTicketDetail = Static<typeof ReturnTicketDetail>;

export const ReturnCodeParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 100, description: 'RTN-YYYYMMDD-XXXX' }),
});

export const CreateReturnBody = Type.Object(
  {
    location: Type.String({ minLength: 1, maxLength: 40, description: 'Dispatch area key' }),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false },
);
export type CreateReturnBody = Static<typeof CreateReturnBody>;

export const PatchReturnBody = Type.Object({ notes: Notes }, { additionalProperties: false });
export type PatchReturnBody = Static<typeof PatchReturnBody>;

export const ReturnScanBody = Type.Object(
  {
    qr: Type.String({ maxLength: 1000, description: 'The returned parent, as scanned or typed' }),
    scanId: ScanId,
    station: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type ReturnScanBody = Static<typeof ReturnScanBody>;

export const ReturnScanResult = Type.Object({
  ticket: ReturnTicket,
  line: ReturnLine,
  bill: Type.Union([Bill, Type.Null()], {
    description: 'The bill the parent left (a duplicate: its original bill; null if deleted)',
  }),
  duplicate: Type.Boolean(),
});
export type ReturnScanResult = Static<typeof ReturnScanResult>;

export const CancelReturnResult = Type.Object({
  ticket: ReturnTicket,
  restored: Type.Array(Type.String(), { description: 'Parents put back on their bills' }),
  notRestored: Type.Array(
    Type.Object({
      qr: Type.String(),
      reason: Type.String({
        description: 'bill deleted, bill full, bill completed, bag deleted or bag on another bill',
      }),
      bill: Type.Union([Type.String(), Type.Null()], { description: 'Its original bill' }),
    }),
  ),
});
export type CancelReturnResult = Static<typeof CancelReturnResult>;

export const ListReturnsQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(ReturnStatus),
    location: Type.Optional(Type.String({ maxLength: 40, description: 'Dispatch area key' })),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type ListReturnsQuery = Static<typeof ListReturnsQuery>;
export const ReturnList = Page(ReturnTicket);
