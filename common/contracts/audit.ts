import { Type, type Static } from 'typebox';
import { IsoDateTime, Page, PageQuery } from './common.js';

export const AuditEntry = Type.Object({
  id: Type.String({ description: 'Monotonic id (a bigint as text)' }),
  at: IsoDateTime,
  actor: Type.Union([
    Type.Object({
      id: Type.Integer(),
      username: Type.String(),
      role: Type.String(),
    }),
    Type.Null(),
  ]),
  action: Type.String({ description: 'e.g. user.create, auth.login_failed' }),
  entityType: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  security: Type.Boolean({ description: 'Security events are kept forever' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const ListAuditQuery = Type.Object(
  {
    ...PageQuery,
    actor: Type.Optional(Type.String({ maxLength: 100, description: 'Username of the actor' })),
    action: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Exact action, or a prefix ending in "." (user.)',
      }),
    ),
    entity: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Entity type, or type:id (user:12)',
      }),
    ),
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type ListAuditQuery = Static<typeof ListAuditQuery>;

export const AuditList = Page(AuditEntry);
export type AuditList = Static<typeof AuditList>;
