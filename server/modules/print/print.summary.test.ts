import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { arrangeBill, expectNoInlineStyleOrScript, pdfPageCount } from './print.test-kit.js';

/**
 * Each test works on a local day (Asia/Kolkata, UTC+05:30) no other test creates bills on, so an
 * admin's summary of that day holds exactly the bills the test made.
 */
const WEEK = String(7 * 24 * 60);

describe('GET /api/print/summary', () => {
  let t: TestApp;
  let admin: TestSession;
  let billerA: TestSession;
  let billerB: TestSession;
  let nameA: string;
  let nameB: string;

  /** Creates a bill as `session` at the instant `at`. */
  const billAt = async (session: TestSession, at: string, children = 0) => {
    t.clock.set(new Date(at));
    const parents = children > 0 ? [{ children }] : [];
    return (await arrangeBill(t, session, { parents })).billNo;
  };
  const summary = async (session: TestSession, query: string) => {
    const res = await as(t.app, session)('GET', `/api/print/summary${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await buildTestApp({
      env: { SESSION_ABSOLUTE_MINUTES: WEEK, SESSION_IDLE_MINUTES: WEEK },
    });
    // Sessions last a week: every instant below falls within a week of this sign-in.
    t.clock.set(new Date('2052-06-09T18:00:00Z'));
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
    nameA = (await createUser(t.database, { role: 'biller' })).username;
    nameB = (await createUser(t.database, { role: 'biller' })).username;
    billerA = await loginAs(t.app, nameA);
    billerB = await loginAs(t.app, nameB);
  });
  afterAll(async () => t.app.close());

  it('answers 401 without a session and 403 FORBIDDEN to a dispatcher', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/print/summary' });
    const dispatcher = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'akola' })).username,
    );

    const denied = await as(t.app, dispatcher)('GET', '/api/print/summary?date=2052-06-01');

    expect(anonymous.statusCode).toBe(401);
    expect(errorCode(anonymous)).toBe('AUTH_REQUIRED');
    expect(denied.statusCode).toBe(403);
    expect(errorCode(denied)).toBe('FORBIDDEN');
  });

  it('answers 400 VALIDATION for a malformed or impossible date and an unknown format', async () => {
    for (const query of [
      '?date=2052-02-30',
      '?date=14-05-2052',
      '?date=yesterday',
      '?date=',
      '?date=2052-06-01&format=xlsx',
      '?day=2052-06-01',
    ]) {
      const res = await as(t.app, admin)('GET', `/api/print/summary${query}`);

      expect(res.statusCode, query).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    }
  });

  it('includes exactly the bills created on that local day in TIME_ZONE', async () => {
    // 2052-06-10 in Asia/Kolkata is [2052-06-09T18:30Z, 2052-06-10T18:30Z).
    const before = await billAt(billerA, '2052-06-09T18:29:59Z');
    const first = await billAt(billerA, '2052-06-09T18:30:00Z', 2);
    const last = await billAt(billerB, '2052-06-10T18:29:59Z', 1);
    const after = await billAt(billerB, '2052-06-10T18:30:00Z');

    const html = await summary(admin, '?date=2052-06-10');

    expect(html).toContain(first);
    expect(html).toContain(last);
    expect(html).not.toContain(before);
    expect(html).not.toContain(after);
    expect(html).toContain('<dd>All bills</dd>');
    expect(html).toContain('<dd>10 Jun 2052 (Asia/Kolkata)</dd>');
    expect(html).toContain('<dt>By status</dt><dd>New 0 · Processing 2 · Completed 0</dd>');
    expect(html).toContain('<dt>Parent bags</dt><dd>2</dd>');
    expect(html).toContain('<dt>Child bags</dt><dd>3</dd>');
    expect(html).toContain('Day total: 2 bills');
    expect(html.match(/<article class="bill">/g)).toHaveLength(2);
    expect(html.indexOf(first)).toBeLessThan(html.indexOf(last));
    expectNoInlineStyleOrScript(html);
  });

  it('shows a biller only the bills they created; an admin sees everyone’s', async () => {
    const mine = await billAt(billerA, '2052-06-12T05:00:00Z');
    const theirs = await billAt(billerB, '2052-06-12T06:00:00Z');

    const forA = await summary(billerA, '?date=2052-06-12');
    const forB = await summary(billerB, '?date=2052-06-12');
    const forAdmin = await summary(admin, '?date=2052-06-12');

    expect(forA).toContain(mine);
    expect(forA).not.toContain(theirs);
    expect(forA).toContain(`<dd>Created by ${nameA}</dd>`);
    expect(forB).toContain(theirs);
    expect(forB).not.toContain(mine);
    expect(forAdmin).toContain(mine);
    expect(forAdmin).toContain(theirs);
  });

  it('summarises today in TIME_ZONE when no date is given', async () => {
    // 2052-06-14 00:10 local is still 2052-06-13 in UTC.
    const today = await billAt(billerA, '2052-06-13T18:40:00Z');
    const yesterday = await billAt(billerA, '2052-06-13T18:20:00Z');
    t.clock.set(new Date('2052-06-13T19:00:00Z'));

    const html = await summary(billerA, '');

    expect(html).toContain('<dd>14 Jun 2052 (Asia/Kolkata)</dd>');
    expect(html).toContain(today);
    expect(html).not.toContain(yesterday);
  });

  it('says so when no bill was created that day', async () => {
    const html = await summary(admin, '?date=2052-06-20');

    expect(html).toContain('No bills were created on this day.');
    expect(html).toContain('Day total: 0 bills');
  });

  it('answers ?format=pdf with an inline PDF: the overview page, then a page per bill', async () => {
    await billAt(billerA, '2052-06-15T05:00:00Z', 1);
    await billAt(billerB, '2052-06-15T06:00:00Z');

    const res = await as(t.app, admin)('GET', '/api/print/summary?date=2052-06-15&format=pdf');

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="summary-2052-06-15.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(res.rawPayload)).toBe(3);
  });
});
