import { Type, type Static, type TSchema } from 'typebox';
import { AREA_KEY_PATTERN } from '../areas.js';
import { MAX_KIND_PATTERN_LENGTH } from '../kind-pattern.js';
import { IsoDateTime, Page, PageQuery } from './common.js';

export const BagKind = Type.Object({
  code: Type.String(),
  label: Type.String(),
  prefix: Type.String(),
  pattern: Type.String(),
  maxChildren: Type.Integer(),
  expectedKg: Type.Number(),
});
export type BagKind = Static<typeof BagKind>;

export const Bag = Type.Object({
  qr: Type.String(),
  type: Type.Union([Type.Literal('parent'), Type.Literal('child')]),
  kind: Type.Union([Type.String(), Type.Null()], { description: 'Kind code (parents only)' }),
  status: Type.Union([
    Type.Literal('empty'),
    Type.Literal('in_progress'),
    Type.Literal('complete'),
    Type.Null(),
  ]),
  childCount: Type.Integer(),
  weightKg: Type.Number(),
  dispatchArea: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
  createdBy: Type.Union([Type.String(), Type.Null()], { description: 'Username of the creator' }),
});
export type Bag = Static<typeof Bag>;

const ScanId = Type.String({
  pattern: '^[A-Za-z0-9_-]{8,64}$',
  description: 'Client-generated id (8–64 of A-Z a-z 0-9 _ -); a replay answers the first answer',
});
const Station = Type.String({ minLength: 1, maxLength: 40, description: 'Scanning desk name' });
/** Raw scanned text; normalised and classified by common/qr.ts. */
const RawCode = Type.String({ maxLength: 1000 });

export const ScanParentBody = Type.Object(
  {
    qr: RawCode,
    scanId: ScanId,
    station: Type.Optional(Station),
    dispatchArea: Type.Optional(
      Type.String({ maxLength: 40, description: 'Admins and billers only' }),
    ),
  },
  { additionalProperties: false },
);
export type ScanParentBody = Static<typeof ScanParentBody>;

export const ScanParentResult = Type.Object({
  bag: Bag,
  created: Type.Boolean(),
  childCount: Type.Integer(),
  maxChildren: Type.Integer(),
  complete: Type.Boolean(),
});
export type ScanParentResult = Static<typeof ScanParentResult>;

export const ParentProgress = Type.Object({
  qr: Type.String(),
  childCount: Type.Integer(),
  maxChildren: Type.Integer(),
  complete: Type.Boolean(),
});

export const ScanChildBody = Type.Object(
  { parentQr: RawCode, qr: RawCode, scanId: ScanId, station: Type.Optional(Station) },
  { additionalProperties: false },
);
export type ScanChildBody = Static<typeof ScanChildBody>;

export const ScanChildResult = Type.Object({
  child: Bag,
  parent: ParentProgress,
  created: Type.Boolean(),
  duplicate: Type.Boolean(),
});
export type ScanChildResult = Static<typeof ScanChildResult>;

export const UndoBody = Type.Object(
  { parentQr: RawCode, scanId: Type.Optional(ScanId), station: Type.Optional(Station) },
  { additionalProperties: false },
);
export type UndoBody = Static<typeof UndoBody>;

export const UndoResult = Type.Object({
  removed: Type.String({ description: 'The child code unlinked' }),
  childDeleted: Type.Boolean({
    description: 'The undone scan had created the child, so it is gone',
  }),
  parent: ParentProgress,
});
export type UndoResult = Static<typeof UndoResult>;

/** The kinds of scan recorded (a scan's `kind`, the `type` filter of GET /api/scans). */
export const SCAN_KINDS = ['parent', 'child', 'bill', 'return'] as const;

export const Scan = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  kind: Type.String({ description: SCAN_KINDS.join(', ') }),
  qr: Type.String(),
  target: Type.Union([Type.String(), Type.Null()], { description: 'The parent, bill or ticket' }),
  user: Type.Union([Type.String(), Type.Null()]),
  station: Type.Union([Type.String(), Type.Null()]),
  dispatchArea: Type.Union([Type.String(), Type.Null()]),
  created: Type.Boolean(),
  duplicate: Type.Boolean(),
});
export type Scan = Static<typeof Scan>;

export const ListScansQuery = Type.Object(
  {
    ...PageQuery,
    user: Type.Optional(Type.String({ maxLength: 100, description: 'Username' })),
    station: Type.Optional(Type.String({ maxLength: 40 })),
    type: Type.Optional(
      Type.String({ maxLength: 20, description: `${SCAN_KINDS.join(', ')} (any case)` }),
    ),
    area: Type.Optional(Type.String({ maxLength: 40 })),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type ListScansQuery = Static<typeof ListScansQuery>;
export const ScanList = Page(Scan);

// ---- Bags: list, lookup, trace, create (API.md "Bags, packing, lookup") ----

const AreaKeyParam = Type.String({ pattern: AREA_KEY_PATTERN, description: 'Dispatch area key' });
const BagType = Type.Union([Type.Literal('parent'), Type.Literal('child')]);
const ParentStatus = Type.Union([
  Type.Literal('empty'),
  Type.Literal('in_progress'),
  Type.Literal('complete'),
]);
const KindCode = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$',
  description: 'Kind code (1–20 of A-Z 0-9 _ -), stored uppercase',
});

export const BagQrParams = Type.Object({
  qr: Type.String({
    maxLength: 1000,
    description: 'The code, URL-encoded; normalised and classified as a scan',
  }),
});
export type BagQrParams = Static<typeof BagQrParams>;

export const ListBagsQuery = Type.Object(
  {
    ...PageQuery,
    type: Type.Optional(BagType),
    kind: Type.Optional(KindCode),
    area: Type.Optional(AreaKeyParam),
    status: Type.Optional(ParentStatus),
    q: Type.Optional(
      Type.String({ maxLength: 1000, description: 'Code prefix (normalised like a scan)' }),
    ),
    unlinked: Type.Optional(
      Type.Boolean({ description: 'true: only child bags that are in no parent' }),
    ),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type ListBagsQuery = Static<typeof ListBagsQuery>;
export const BagList = Page(Bag);
export type BagList = Static<typeof BagList>;

export const CreateBagBody = Type.Object(
  {
    qr: RawCode,
    type: Type.Optional(BagType),
    dispatchArea: Type.Optional(AreaKeyParam),
  },
  { additionalProperties: false },
);
export type CreateBagBody = Static<typeof CreateBagBody>;

export const ParentSummary = Type.Object({
  qr: Type.String(),
  kind: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([ParentStatus, Type.Null()]),
  childCount: Type.Integer(),
  maxChildren: Type.Integer(),
  weightKg: Type.Number(),
  dispatchArea: Type.Union([Type.String(), Type.Null()]),
  linkedAt: Type.Union([IsoDateTime, Type.Null()], {
    description: 'When the looked-up child was linked',
  }),
});
export type ParentSummary = Static<typeof ParentSummary>;

/** The bill a parent is on (SPEC §5), as a bag lookup shows it. */
export const BagBillRef = Type.Object({
  billNo: Type.String(),
  status: Type.Union([Type.Literal('new'), Type.Literal('processing'), Type.Literal('completed')]),
});
export type BagBillRef = Static<typeof BagBillRef>;

export const BagDetail = Type.Object({
  bag: Bag,
  kind: Type.Union([BagKind, Type.Null()], {
    description: 'The parent kind in full; null for children',
  }),
  parent: Type.Union([ParentSummary, Type.Null()], { description: 'The parent of a linked child' }),
  children: Type.Array(Bag, { description: 'A parent’s children, in link order' }),
  bill: Type.Union([BagBillRef, Type.Null()], {
    description: 'The bill the parent is on (for a child: its parent’s bill), or null',
  }),
});
export type BagDetail = Static<typeof BagDetail>;

export const BagHistoryQuery = Type.Object(
  { at: Type.Optional(IsoDateTime) },
  { additionalProperties: false },
);
export type BagHistoryQuery = Static<typeof BagHistoryQuery>;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const BagHistoryItem = Type.Object({
  at: IsoDateTime,
  type: Type.Union([
    Type.Literal('scan'),
    Type.Literal('link'),
    Type.Literal('unlink'),
    Type.Literal('audit'),
    Type.Literal('bill'),
  ]),
  user: Nullable(Type.String({ description: 'Username of who scanned, linked or acted' })),
  scanKind: Type.Optional(Type.String({ description: 'scan: parent, child, bill or return' })),
  qr: Type.Optional(Type.String({ description: 'scan: the code scanned' })),
  target: Type.Optional(Nullable(Type.String({ description: 'scan: the parent, bill or ticket' }))),
  station: Type.Optional(Nullable(Type.String())),
  created: Type.Optional(Type.Boolean()),
  duplicate: Type.Optional(Type.Boolean()),
  parent: Type.Optional(Type.String({ description: 'link/unlink: the parent' })),
  child: Type.Optional(Type.String({ description: 'link/unlink: the child' })),
  reason: Type.Optional(Type.String({ description: 'link/unlink: scan, undo, import or delete' })),
  action: Type.Optional(
    Type.String({
      description: 'audit: e.g. bag.create, bag.delete; bill: attach, remove, return, restore',
    }),
  ),
  bill: Type.Optional(Type.String({ description: 'bill: the bill number' })),
  note: Type.Optional(Nullable(Type.String({ description: 'bill: e.g. the return ticket' }))),
  before: Type.Optional(Nullable(Type.Record(Type.String(), Type.Unknown()))),
  after: Type.Optional(Nullable(Type.Record(Type.String(), Type.Unknown()))),
});
export type BagHistoryItem = Static<typeof BagHistoryItem>;

export const BagHistory = Type.Object({
  qr: Type.String(),
  type: BagType,
  items: Type.Array(BagHistoryItem, { description: 'Oldest first' }),
  truncated: Type.Boolean({
    description: 'More events exist than one answer carries (the newest are left off)',
  }),
});
export type BagHistory = Static<typeof BagHistory>;

const LinkRef = Type.Object({ qr: Type.String(), linkedAt: IsoDateTime });

export const BagSnapshot = Type.Object({
  qr: Type.String(),
  type: BagType,
  at: IsoDateTime,
  parent: Type.Union([LinkRef, Type.Null()], { description: 'A child’s parent at that time' }),
  children: Type.Array(LinkRef, { description: 'A parent’s children at that time' }),
  bill: Type.Union([Type.Object({ billNo: Type.String(), attachedAt: IsoDateTime }), Type.Null()], {
    description: 'The bill the parent (for a child: its parent then) was on at that time',
  }),
});
export type BagSnapshot = Static<typeof BagSnapshot>;

// ---- Bag kinds (admin) ----

export const BagKindParams = Type.Object({ code: KindCode });
export type BagKindParams = Static<typeof BagKindParams>;

const KindFields = {
  label: Type.String({ minLength: 1, maxLength: 60 }),
  prefix: Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9_/.-]{1,19}$',
    description: 'Reserved prefix (2–20 characters): codes starting with it must match the pattern',
  }),
  pattern: Type.String({
    minLength: 3,
    maxLength: MAX_KIND_PATTERN_LENGTH,
    description:
      'Anchored regular expression, ^PREFIX…$. Refused (400 VALIDATION) when it could backtrack ' +
      'without bound: nested repetition such as (A+)+, a repeated group with alternatives such ' +
      'as (A|AA)+, or several variable-length repetitions in a row such as \\d*\\d*\\d*',
  }),
  maxChildren: Type.Integer({ minimum: 1, maximum: 1000 }),
  expectedKg: Type.Number({
    exclusiveMinimum: 0,
    maximum: 100_000,
    description: 'Expected weight of a full parent',
  }),
};

export const CreateBagKindBody = Type.Object(
  { code: KindCode, ...KindFields },
  { additionalProperties: false },
);
export type CreateBagKindBody = Static<typeof CreateBagKindBody>;

export const PatchBagKindBody = Type.Object(
  {
    label: Type.Optional(KindFields.label),
    prefix: Type.Optional(KindFields.prefix),
    pattern: Type.Optional(KindFields.pattern),
    maxChildren: Type.Optional(KindFields.maxChildren),
    expectedKg: Type.Optional(KindFields.expectedKg),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchBagKindBody = Static<typeof PatchBagKindBody>;

export const BagKindList = Type.Object({ items: Type.Array(BagKind) });
export type BagKindList = Static<typeof BagKindList>;
