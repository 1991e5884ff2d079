import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User, UserList } from '../../../common/contracts/users.js';
import { expectAudited } from '../../test/audit-api.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, uniqueName } from '../../test/factories.js';

const PASSWORD = 'Fresh!Passw0rd';
const ADMIN_PASSWORD = 'Fresh!Admin-Passw0rd';

function newUser(overrides: Record<string, unknown> = {}) {
  const username = uniqueName('c');
  return {
    username,
    email: `${username}@example.test`,
    password: PASSWORD,
    role: 'biller',
    ...overrides,
  };
}

describe('POST /api/users', () => {
  let t: TestApp;
  let admin: TestSession;
  let adminName: string;

  beforeAll(async () => {
    t = await buildTestApp();
    adminName = (await createUser(t.database, { role: 'admin' })).username;
    admin = await loginAs(t.app, adminName);
  });

  afterAll(async () => {
    await t.app.close();
  });

  const post = (body: Record<string, unknown>) => as(t.app, admin)('POST', '/api/users', body);

  it('creates a user, answers 201 with it, and audits user.create', async () => {
    // Arrange
    const body = newUser({ role: 'dispatcher', dispatchArea: 'hisar' });

    // Act
    const res = await post(body);

    // Assert
    expect(res.statusCode).toBe(201);
    const user = res.json<User>();
    expect(user).toMatchObject({
      username: body.username,
      email: body.email,
      role: 'dispatcher',
      dispatchArea: 'hisar',
      active: true,
      lockedUntil: null,
      lastLoginAt: null,
    });
    expect(res.body).not.toMatch(/password|hash/i);
    const read = await as(t.app, admin)('GET', `/api/users/${user.id}`);
    expect(read.json()).toEqual(user);
    const row = await expectAudited(t.app, admin, res, {
      action: 'user.create',
      entity: `user:${user.id}`,
      actor: adminName,
    });
    expect(row.before).toBeNull();
    expect(row.after).toEqual({
      username: body.username,
      email: body.email,
      role: 'dispatcher',
      dispatchArea: 'hisar',
      active: true,
    });
  });

  it('lets the new user sign in with the given password', async () => {
    // Arrange
    const body = newUser();
    await post(body);

    // Act
    const session = await loginAs(t.app, String(body.username), PASSWORD);

    // Assert
    const me = await as(t.app, session)('GET', '/api/auth/me');
    expect(me.json<{ user: User }>().user.username).toBe(body.username);
  });

  it('stores the username lowercase', async () => {
    // Arrange
    const body = newUser();
    const typed = `Ab${String(body.username).toUpperCase()}`;

    // Act
    const res = await post({ ...body, username: typed });

    // Assert
    expect(res.statusCode).toBe(201);
    expect(res.json<User>().username).toBe(typed.toLowerCase());
    const found = await as(t.app, admin)('GET', `/api/users?q=${typed.toLowerCase()}`);
    expect(found.json<UserList>().items.map((u) => u.username)).toEqual([typed.toLowerCase()]);
  });

  it('creates an admin with a password of 12 or more characters', async () => {
    // Act
    const res = await post(newUser({ role: 'admin', password: ADMIN_PASSWORD }));

    // Assert
    expect(res.statusCode).toBe(201);
    expect(res.json<User>()).toMatchObject({ role: 'admin', dispatchArea: null });
  });

  it('answers 409 USERNAME_TAKEN for a taken username in any case, and creates nothing', async () => {
    // Arrange
    const existing = await createUser(t.database);
    const body = newUser({ username: existing.username.toUpperCase() });

    // Act
    const res = await post(body);

    // Assert
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('USERNAME_TAKEN');
    const found = await as(t.app, admin)('GET', `/api/users?q=${String(body.email)}`);
    expect(found.json<UserList>().items).toEqual([]);
  });

  it('answers 409 USERNAME_TAKEN to one of two simultaneous creates of one username', async () => {
    // Arrange
    const body = newUser();
    const twin = { ...body, email: `twin-${String(body.email)}` };

    // Act
    const answers = await Promise.all([post(body), post(twin)]);

    // Assert
    expect(answers.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([201, 409]);
    expect(answers.map(errorCode)).toContain('USERNAME_TAKEN');
  });

  it('answers 409 EMAIL_TAKEN to one of two simultaneous creates with one email', async () => {
    // Arrange
    const body = newUser();
    const twin = { ...body, username: `${String(body.username)}x` };

    // Act
    const answers = await Promise.all([post(body), post(twin)]);

    // Assert
    expect(answers.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([201, 409]);
    expect(answers.map(errorCode)).toContain('EMAIL_TAKEN');
  });

  it('answers 409 EMAIL_TAKEN for an email in use, in any case', async () => {
    // Arrange
    const existing = await createUser(t.database);
    const body = newUser({ email: String(existing.email).toUpperCase() });

    // Act
    const res = await post(body);

    // Assert
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('EMAIL_TAKEN');
    const found = await as(t.app, admin)('GET', `/api/users?q=${String(body.username)}`);
    expect(found.json<UserList>().items).toEqual([]);
  });

  it.each([undefined, null])(
    'answers 400 AREA_REQUIRED for a dispatcher whose area is %s',
    async (dispatchArea) => {
      // Act
      const res = await post(
        newUser({ role: 'dispatcher', ...(dispatchArea === undefined ? {} : { dispatchArea }) }),
      );

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('AREA_REQUIRED');
    },
  );

  it('answers 400 VALIDATION for an unknown area', async () => {
    // Act
    const res = await post(newUser({ role: 'dispatcher', dispatchArea: 'mumbai' }));

    // Assert
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
    expect(res.json<{ error: { details: { field: string } } }>().error.details.field).toBe(
      'dispatchArea',
    );
  });

  it.each(['biller', 'admin'])('answers 400 VALIDATION for an area on a %s', async (role) => {
    // Act
    const res = await post(newUser({ role, password: ADMIN_PASSWORD, dispatchArea: 'lucknow' }));

    // Assert
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it.each([
    ['too short', 'Sh0rt!x'],
    ['without a symbol', 'NoSymbol123'],
    ['without a digit', 'No-Digits-Here'],
    ['without upper case', 'lower-case-only1'],
  ])('answers 400 PASSWORD_POLICY for a password %s', async (_name, password) => {
    // Act
    const res = await post(newUser({ password }));

    // Assert
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('PASSWORD_POLICY');
  });

  it('answers 400 PASSWORD_POLICY for an admin password under 12 characters', async () => {
    // Arrange
    const body = newUser({ role: 'admin', password: 'Ok!Passw0rd' });

    // Act
    const res = await post(body);

    // Assert
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('PASSWORD_POLICY');
    expect(
      res.json<{ error: { details: { problems: string[] } } }>().error.details.problems,
    ).toEqual(['too_short']);
  });

  it('answers 400 PASSWORD_POLICY for a password containing the username', async () => {
    // Arrange
    const body = newUser();

    // Act
    const res = await post({ ...body, password: `X1!${String(body.username)}` });

    // Assert
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('PASSWORD_POLICY');
  });

  it.each([
    ['an unknown field', { isAdmin: true }],
    ['a bad email', { email: 'not-an-email' }],
    ['a username too short', { username: 'ab' }],
    ['a username with a space', { username: 'ab cd' }],
    ['a username starting with a dot', { username: '.abcd' }],
    ['a username too long', { username: `a${'b'.repeat(32)}` }],
    ['a bad role', { role: 'owner' }],
    ['an area that is no key', { role: 'dispatcher', dispatchArea: 'Lucknow!' }],
    ['an empty password', { password: '' }],
  ])('answers 400 VALIDATION for %s', async (_name, change) => {
    // Act
    const res = await post(newUser(change));

    // Assert
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it.each(['username', 'email', 'password', 'role'])(
    'answers 400 VALIDATION without %s',
    async (field) => {
      // Arrange
      const body: Record<string, unknown> = newUser();
      delete body[field];

      // Act
      const res = await post(body);

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    },
  );
});
