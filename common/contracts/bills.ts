import { Type, type Static } from 'typebox';
import { BILL_CAPACITY_MAX, BILL_CAPACITY_MIN, BILL_NO_MAX } from '../bills.js';
import { Bag } from './bags.js';
import { IsoDateTime, NullableDateTime, Page, PageQuery } from './common.js';

const Text = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);
const BillNoInput = Type.String({
  minLength: 1,
  maxLength: 200,
  description: `1–${BILL_NO_MAX} characters after normalisation`,
});
const Capacity = Type.Integer({
  minimum: BILL_CAPACITY_MIN,
  maximum: BILL_CAPACITY_MAX,
  description: 'Parent bags',
});

export const BillStatus = Type.Union([
  Type.Literal('new'),
  Type.Literal('processing'),
  Type.Literal('completed'),
]);

export const Bill = Type.Object({
  billNo: Type.String(),
  description: Text(500),
  status: BillStatus,
  capacity: Type.Integer(),
  parentCount: Type.Integer(),
  childCount: Type.Integer(),
  actualWeightKg: Type.Number(),
  expectedWeightKg: Type.Number(),
  differenceKg: Type.Number({ description: 'actual − expected' }),
  fillPercent: Type.Number({ description: 'parents / capacity × 100' }),
  destination: Text(200),
  vehicleNumber: Text(50),
  completionReason: Text(500),
  createdBy: Type.Union([
    Type.Object({
      username: Type.String(),
      role: Type.String(),
      dispatchArea: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  completedAt: NullableDateTime,
});
export type Bill = Static<typeof Bill>;

export const CreateBillBody = Type.Object(
  {
    billNo: BillNoInput,
    capacity: Capacity,
    description: Type.Optional(Text(500)),
    destination: Type.Optional(Text(200)),
    vehicleNumber: Type.Optional(Text(50)),
  },
  { additionalProperties: false },
);
export type CreateBillBody = Static<typeof CreateBillBody>;

export const PatchBillBody = Type.Object(
  {
    capacity: Type.Optional(Capacity),
    description: Type.Optional(Text(500)),
    destination: Type.Optional(Text(200)),
    vehicleNumber: Type.Optional(Text(50)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchBillBody = Static<typeof PatchBillBody>;

export const BillParams = Type.Object({ billNo: Type.String({ minLength: 1, maxLength: 200 }) });
export const BillParentParams = Type.Object({
  billNo: Type.String({ minLength: 1, maxLength: 200 }),
  qr: Type.String({ minLength: 1, maxLength: 1000 }),
});

export const AttachBody = Type.Object(
  {
    qr: Type.String({ maxLength: 1000 }),
    scanId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' }),
    manual: Type.Optional(
      Type.Boolean({ description: 'Typed entry: may create an unknown parent (audited)' }),
    ),
    station: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type AttachBody = Static<typeof AttachBody>;

export const AttachResult = Type.Object({
  bill: Bill,
  parent: Bag,
  duplicate: Type.Boolean(),
  created: Type.Boolean(),
});
export type AttachResult = Static<typeof AttachResult>;

export const CompleteBody = Type.Object(
  {
    reason: Type.Optional(
      Type.String({ maxLength: 500, description: 'Required when below capacity' }),
    ),
  },
  { additionalProperties: false },
);
export type CompleteBody = Static<typeof CompleteBody>;

export const RemoveParentResult = Type.Object({ bill: Bill });
export type RemoveParentResult = Static<typeof RemoveParentResult>;

export const BillParent = Type.Object({
  qr: Type.String(),
  kind: Type.Union([Type.String(), Type.Null()]),
  childCount: Type.Integer(),
  weightKg: Type.Number(),
  expectedKg: Type.Number(),
  attachedAt: NullableDateTime,
});
export type BillParent = Static<typeof BillParent>;

export const BillEvent = Type.Object({
  at: IsoDateTime,
  action: Type.String({
    description: 'create, attach, remove, complete, reopen, return, restore, edit',
  }),
  parentQr: Type.Union([Type.String(), Type.Null()]),
  user: Type.Union([Type.String(), Type.Null()]),
  before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type BillEvent = Static<typeof BillEvent>;

export const BillDetail = Type.Object({
  bill: Bill,
  parents: Type.Array(BillParent),
  events: Type.Array(BillEvent, { description: 'Oldest first (the newest 1,000)' }),
  eventsTruncated: Type.Boolean({ description: 'Older events exist than the answer carries' }),
});
export type BillDetail = Static<typeof BillDetail>;

export const ListBillsQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(BillStatus),
    createdBy: Type.Optional(Type.String({ maxLength: 100, description: 'Username' })),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    q: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'Bill number prefix (a longer term matches nothing)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ListBillsQuery = Static<typeof ListBillsQuery>;
export const BillList = Page(Bill);
export type BillList = Static<typeof BillList>;

export const RecomputeResult = Type.Object({
  checked: Type.Integer(),
  changed: Type.Array(
    Type.Object({
      billNo: Type.String(),
      before: Type.Record(Type.String(), Type.Unknown()),
      after: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});
export type RecomputeResult = Static<typeof RecomputeResult>;
