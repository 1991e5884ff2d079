import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList } from '../../../common/contracts/audit.js';
import type { User } from '../../../common/contracts/users.js';
import { as, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { createThroughApi } from '../../test/users-api.js';

/** Each app has its own clock, so this file moves time without disturbing other files. */
describe('GET /api/audit from and to', () => {
  let t: TestApp;
  let admin: TestSession;
  let adminName: string;
  /** Times of three creations, ten minutes apart. */
  const times: Date[] = [];
  const made: User[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    adminName = (await createUser(t.database, { role: 'admin' })).username;
    admin = await loginAs(t.app, adminName);
    for (let i = 0; i < 3; i += 1) {
      if (i > 0) {
        t.clock.advanceMinutes(10);
      }
      times.push(t.clock.now());
      made.push(await createThroughApi(t, admin));
    }
  });

  afterAll(async () => {
    await t.app.close();
  });

  const minutesAfter = (index: number, minutes: number) =>
    new Date((times[index]?.getTime() ?? 0) + minutes * 60_000).toISOString();
  const createdIds = async (range: string) => {
    const res = await as(t.app, admin)(
      'GET',
      `/api/audit?actor=${adminName}&action=user.create&${range}`,
    );
    expect(res.statusCode).toBe(200);
    return res.json<AuditList>().items.map((r) => Number(r.entityId));
  };
  const ids = (...indexes: number[]) => indexes.map((i) => made[i]?.id);

  it('answers the rows between from and to', async () => {
    expect(await createdIds(`from=${minutesAfter(0, 5)}&to=${minutesAfter(1, 5)}`)).toEqual(ids(1));
  });

  it('includes rows exactly at from and at to', async () => {
    expect(await createdIds(`from=${minutesAfter(1, 0)}&to=${minutesAfter(2, 0)}`)).toEqual(
      ids(2, 1),
    );
  });

  it('answers the rows from a time on', async () => {
    expect(await createdIds(`from=${minutesAfter(0, 1)}`)).toEqual(ids(2, 1));
  });

  it('answers the rows up to a time', async () => {
    expect(await createdIds(`to=${minutesAfter(1, -1)}`)).toEqual(ids(0));
  });

  it('accepts a time with an offset', async () => {
    // Arrange: 5 minutes after the second creation, written in India time
    const at = new Date(minutesAfter(1, 5));
    const local = new Date(at.getTime() + 330 * 60_000).toISOString().replace('Z', '+05:30');

    // Act
    const found = await createdIds(`from=${encodeURIComponent(local)}`);

    // Assert
    expect(found).toEqual(ids(2));
  });
});
