import { Type, type Static } from 'typebox';
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
  status: Type.Union([Type.Literal('empty'), Type.Literal('in_progress'), Type.Literal('complete'), Type.Null()]),
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
    dispatchArea: Type.Optional(Type.String({ maxLength: 40, description: 'Admins and billers only' })),
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
  childDeleted: Type.Boolean({ description: 'The undone scan had created the child, so it is gone' }),
  parent: ParentProgress,
});
export type UndoResult = Static<typeof UndoResult>;

export const Scan = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  kind: Type.String({ description: 'parent, child, bill or return' }),
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
    type: Type.Optional(Type.String({ maxLength: 20, description: 'parent, child, bill, return' })),
    area: Type.Optional(Type.String({ maxLength: 40 })),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type ListScansQuery = Static<typeof ListScansQuery>;
export const ScanList = Page(Scan);
