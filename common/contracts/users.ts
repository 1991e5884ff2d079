import { Type, type Static } from 'typebox';
import { AREA_KEY_PATTERN } from '../areas.js';
import { EMAIL_MAX, USERNAME_INPUT_PATTERN, USERNAME_MAX } from '../validation.js';
import { IsoDateTime, NullableDateTime, Page, PageQuery } from './common.js';

export const RoleSchema = Type.Union(
  [Type.Literal('admin'), Type.Literal('biller'), Type.Literal('dispatcher')],
  { description: 'admin | biller | dispatcher' },
);
export const AreaKey = Type.String({
  pattern: AREA_KEY_PATTERN,
  description: 'Dispatch area key',
});
const Email = Type.String({ format: 'email', maxLength: EMAIL_MAX });
/** Length is bounded here; strength is checked by the password policy (PASSWORD_POLICY). */
const PasswordInput = Type.String({ minLength: 1, maxLength: 1024 });

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  dispatchArea: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  twoFactor: Type.Boolean(),
  lockedUntil: Type.Union([IsoDateTime, Type.Null()], {
    description: 'Set while sign-in is locked after repeated failures',
  }),
  lastLoginAt: NullableDateTime,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type User = Static<typeof User>;

export const CreateUserBody = Type.Object(
  {
    username: Type.String({
      pattern: USERNAME_INPUT_PATTERN,
      maxLength: USERNAME_MAX,
      description: '3–32 of a-z 0-9 . _ -, starting with a letter or digit; stored lowercase',
    }),
    email: Email,
    password: PasswordInput,
    role: RoleSchema,
    dispatchArea: Type.Optional(Type.Union([AreaKey, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const PatchUserBody = Type.Object(
  {
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    role: Type.Optional(RoleSchema),
    dispatchArea: Type.Optional(Type.Union([AreaKey, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(PasswordInput),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchUserBody = Static<typeof PatchUserBody>;

export const UserIdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
});

export const ListUsersQuery = Type.Object(
  {
    ...PageQuery,
    role: Type.Optional(RoleSchema),
    area: Type.Optional(AreaKey),
    active: Type.Optional(Type.Boolean()),
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Prefix of username or email',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ListUsersQuery = Static<typeof ListUsersQuery>;

export const UserList = Page(User);
export type UserList = Static<typeof UserList>;
