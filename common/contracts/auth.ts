import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.js';
import { User } from './users.js';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const SessionInfo = Type.Object({
  expiresAt: IsoDateTime,
  idleExpiresAt: IsoDateTime,
});
export type SessionInfo = Static<typeof SessionInfo>;

export const AuthState = Type.Object({
  user: User,
  csrfToken: Type.String({
    description: 'Send as X-CSRF-Token on every state-changing request',
  }),
  session: SessionInfo,
});
export type AuthState = Static<typeof AuthState>;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export { CSRF_HEADER } from '../http.js';
