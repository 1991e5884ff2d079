import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnTicket, ReturnTicketDetail } from '../../../common/contracts/returns.js';
import { returnTickets } from '../../db/schema/bills.js';
import type { RequestCtx } from '../../platform/context.js';
import { as, errorCode, type TestSession } from '../../test/auth.js';
import { auditRows } from '../../test/audit.js';
import { expectAudited } from '../../test/audit-api.js';
import { buildTestApp, testDeps, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { createBagKindsService } from '../bag-kinds/bag-kinds.service.js';
import { createReturnsService, ticketDate } from './returns.service.js';
import { openTicket, signInActors, signInAgain, type Actors } from './returns.test-kit.js';

const CODE = /^RTN-\d{8}-[A-Z0-9]{4}$/;

describe('return tickets: create, list, detail, notes', () => {
  let t: TestApp;
  let a: Actors;
  let admin: TestSession;
  let biller: TestSession;
  let dispatcher: TestSession;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await signInActors(t);
    ({ admin, biller, dispatcher } = a);
  });
  afterAll(async () => t.app.close());

  /** Moves the clock (sessions then time out) and signs everyone in again. */
  async function jump(at: Date) {
    t.clock.set(at);
    a = await signInAgain(t, a);
    ({ admin, biller, dispatcher } = a);
  }

  /** A random minute in 2200–2210: tickets created from here on are this test's alone. */
  async function privateWindow(): Promise<Date> {
    const start = new Date(Date.UTC(2200, 0, 1) + randomInt(5_000_000) * 60_000);
    await jump(start);
    return start;
  }

  describe('POST /api/returns', () => {
    it('opens a ticket RTN-YYYYMMDD-XXXX dated in TIME_ZONE, audited', async () => {
      // 20:00 UTC on 1 January is 01:30 on 2 January in Asia/Kolkata.
      await jump(new Date('2031-01-01T20:00:00.000Z'));

      const res = await as(t.app, biller)('POST', '/api/returns', {
        location: 'sri_ganganagar',
        notes: '  dealer return, 3 sacks  ',
      });

      expect(res.statusCode).toBe(201);
      const ticket = res.json<ReturnTicket>();
      expect(ticket.code).toMatch(/^RTN-20310102-[A-Z0-9]{4}$/);
      expect(ticket).toEqual({
        code: ticket.code,
        location: 'sri_ganganagar',
        notes: 'dealer return, 3 sacks',
        status: 'open',
        bagCount: 0,
        childCount: 0,
        weightKg: 0,
        createdBy: a.billerName,
        createdAt: '2031-01-01T20:00:00.000Z',
        updatedAt: '2031-01-01T20:00:00.000Z',
        closedAt: null,
      });
      const [row] = await t.database.db
        .select()
        .from(returnTickets)
        .where(eq(returnTickets.code, ticket.code));
      expect(row).toMatchObject({ status: 'open', location: 'sri_ganganagar', bagCount: 0 });
      const audit = await expectAudited(t.app, admin, res, {
        action: 'return.create',
        entity: `return:${ticket.code}`,
        actor: a.billerName,
      });
      expect(audit.after).toMatchObject({ code: ticket.code, location: 'sri_ganganagar' });
    });

    it('dates the code in the configured time zone', () => {
      const at = new Date('2031-06-30T23:00:00Z');
      expect(ticketDate(at, 'Asia/Kolkata')).toBe('20310701');
      expect(ticketDate(at, 'UTC')).toBe('20310630');
      expect(ticketDate(at, 'America/New_York')).toBe('20310630');
    });

    it('admins open tickets too; empty notes are no notes', async () => {
      const ticket = await openTicket(t, admin, { location: 'akola', notes: '   ' });
      expect(ticket).toMatchObject({ location: 'akola', notes: null, createdBy: a.adminName });
      expect(ticket.code).toMatch(CODE);
    });

    it('refuses a location that is not a dispatch area, and bad bodies (400 VALIDATION)', async () => {
      const call = as(t.app, biller);
      for (const body of [
        { location: 'mumbai' },
        { location: 'Lucknow' },
        {},
        { location: 'lucknow', extra: 1 },
        { location: 'lucknow', notes: 'x'.repeat(1001) },
      ]) {
        const res = await call('POST', '/api/returns', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(errorCode(res)).toBe('VALIDATION');
      }
      const res = await call('POST', '/api/returns', { location: 'mumbai' });
      expect(res.json().error.details).toMatchObject({ field: 'location' });
    });

    it('retries a code already taken with new random characters', async () => {
      const start = await privateWindow();
      const deps = testDeps({ database: t.database, config: t.config, clock: t.clock });
      const suffixes = ['QQQQ', 'QQQQ', 'QQQQ', 'WWWW'];
      const service = createReturnsService(deps, createBagKindsService(deps), {
        suffix: () => suffixes.shift() ?? 'ZZZZ',
      });
      const user = await createUser(t.database, { role: 'biller' });
      const ctx: RequestCtx = {
        actor: { id: user.id, username: user.username, role: 'biller', dispatchArea: null },
        requestId: 'req-retry',
        ip: '127.0.0.1',
        userAgent: null,
        log: t.app.log,
        clock: t.clock,
      };
      const date = ticketDate(start, t.config.TIME_ZONE);

      const first = await service.create(ctx, { location: 'jaipur' });
      const second = await service.create(ctx, { location: 'jaipur' });

      expect(first.code).toBe(`RTN-${date}-QQQQ`);
      expect(second.code).toBe(`RTN-${date}-WWWW`);
      expect(suffixes).toEqual([]);
      // The failed attempts left nothing behind: one audit row per ticket.
      expect(await auditRows(t.database, { requestId: 'req-retry' })).toHaveLength(2);
    });
  });

  describe('access', () => {
    it('401 without a session, 403 for dispatchers (audited), 403 without the CSRF token', async () => {
      const anon = await t.app.inject({ method: 'GET', url: '/api/returns' });
      expect(anon.statusCode).toBe(401);
      expect(errorCode(anon)).toBe('AUTH_REQUIRED');

      const ticket = await openTicket(t, biller);
      const d = as(t.app, dispatcher);
      for (const [method, url, body] of [
        ['GET', '/api/returns', undefined],
        ['POST', '/api/returns', { location: 'akola' }],
        ['GET', `/api/returns/${ticket.code}`, undefined],
        ['PATCH', `/api/returns/${ticket.code}`, { notes: 'x' }],
        ['POST', `/api/returns/${ticket.code}/bags`, { qr: 'SB00001', scanId: 'scan-0001-x' }],
        ['POST', `/api/returns/${ticket.code}/finalize`, undefined],
        ['POST', `/api/returns/${ticket.code}/cancel`, undefined],
      ] as const) {
        const res = await d(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
      const [denied] = await auditRows(t.database, {
        action: 'security.denied',
        actorUsername: a.dispatcherName,
      });
      expect(denied?.after).toMatchObject({ code: 'FORBIDDEN', reason: 'role dispatcher' });

      const noCsrf = await as(t.app, biller)(
        'POST',
        '/api/returns',
        { location: 'akola' },
        { csrf: false },
      );
      expect(noCsrf.statusCode).toBe(403);
      expect(errorCode(noCsrf)).toBe('CSRF_INVALID');
    });
  });

  describe('GET /api/returns', () => {
    it('lists newest first with filters and keyset pages', async () => {
      const start = await privateWindow();
      const made: ReturnTicket[] = [];
      for (const location of ['hisar', 'ranchi', 'hisar', 'hisar']) {
        t.clock.advanceMinutes(1);
        made.push(await openTicket(t, biller, { location }));
      }
      const cancelled = made[2] as ReturnTicket;
      expect(
        (await as(t.app, biller)('POST', `/api/returns/${cancelled.code}/cancel`)).statusCode,
      ).toBe(200);
      const from = start.toISOString();
      const to = new Date(start.getTime() + 10 * 60_000).toISOString();
      const list = (query: Record<string, string>) =>
        as(t.app, biller)(
          'GET',
          `/api/returns?${new URLSearchParams({ from, to, ...query }).toString()}`,
        );

      const all = await list({});
      expect(all.statusCode).toBe(200);
      expect(all.json().items.map((i: ReturnTicket) => i.code)).toEqual(
        [...made].reverse().map((m) => m.code),
      );
      expect(all.json().nextCursor).toBeNull();

      const page1 = await list({ limit: '3' });
      expect(page1.json().items).toHaveLength(3);
      const cursor = page1.json().nextCursor as string;
      expect(cursor).toEqual(expect.any(String));
      const page2 = await list({ limit: '3', cursor });
      expect(page2.json().items.map((i: ReturnTicket) => i.code)).toEqual([made[0]?.code]);
      expect(page2.json().nextCursor).toBeNull();

      const hisar = await list({ location: 'hisar' });
      expect(hisar.json().items.map((i: ReturnTicket) => i.code)).toEqual(
        [made[3], made[2], made[0]].map((m) => m?.code),
      );
      const open = await list({ location: 'hisar', status: 'open' });
      expect(open.json().items.map((i: ReturnTicket) => i.code)).toEqual(
        [made[3], made[0]].map((m) => m?.code),
      );
      const gone = await list({ status: 'cancelled' });
      expect(gone.json().items).toEqual([
        expect.objectContaining({ code: cancelled.code, status: 'cancelled' }),
      ]);
      expect((await list({ location: 'nowhere' })).json().items).toEqual([]);
    });

    it('400 for a malformed cursor, a bad limit or status, a range that ends before it starts', async () => {
      const call = as(t.app, biller);
      for (const query of [
        'cursor=not-a-cursor',
        `cursor=${Buffer.from('{"at":"x","id":1}').toString('base64url')}`,
        'limit=0',
        'limit=201',
        'status=closed',
        'from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z',
      ]) {
        const res = await call('GET', `/api/returns?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(errorCode(res)).toBe('VALIDATION');
      }
    });
  });

  describe('GET /api/returns/:code', () => {
    it('answers the ticket with its (empty) lines; the code is normalised', async () => {
      const ticket = await openTicket(t, biller, { location: 'raipur', notes: 'n' });
      const res = await as(t.app, admin)('GET', `/api/returns/${ticket.code.toLowerCase()}`);
      expect(res.statusCode).toBe(200);
      expect(res.json<ReturnTicketDetail>()).toEqual({ ...ticket, lines: [] });
    });

    it('404 TICKET_NOT_FOUND for an unknown or malformed code', async () => {
      for (const code of ['RTN-20300101-ZZZ9', 'nope', 'RTN-2030']) {
        const res = await as(t.app, biller)('GET', `/api/returns/${code}`);
        expect(res.statusCode, code).toBe(404);
        expect(errorCode(res)).toBe('TICKET_NOT_FOUND');
      }
    });
  });

  describe('PATCH /api/returns/:code', () => {
    it('edits the notes of an open ticket, audited with before and after', async () => {
      const ticket = await openTicket(t, biller, { location: 'indore', notes: 'first' });
      t.clock.advanceMinutes(1);

      const res = await as(t.app, admin)('PATCH', `/api/returns/${ticket.code}`, {
        notes: ' second ',
      });

      expect(res.statusCode).toBe(200);
      expect(res.json<ReturnTicket>()).toEqual({
        ...ticket,
        notes: 'second',
        updatedAt: t.clock.now().toISOString(),
      });
      const detail = await as(t.app, biller)('GET', `/api/returns/${ticket.code}`);
      expect(detail.json().notes).toBe('second');
      const audit = await expectAudited(t.app, admin, res, {
        action: 'return.notes',
        entity: `return:${ticket.code}`,
        actor: a.adminName,
      });
      expect(audit.before).toEqual({ notes: 'first' });
      expect(audit.after).toEqual({ notes: 'second' });

      const cleared = await as(t.app, biller)('PATCH', `/api/returns/${ticket.code}`, {
        notes: null,
      });
      expect(cleared.json().notes).toBeNull();
    });

    it('the same notes again change nothing and write no audit row', async () => {
      const ticket = await openTicket(t, biller, { location: 'indore', notes: 'same' });
      const res = await as(t.app, biller)('PATCH', `/api/returns/${ticket.code}`, {
        notes: 'same',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(ticket);
      expect(
        await auditRows(t.database, { action: 'return.notes', entityId: ticket.code }),
      ).toEqual([]);
    });

    it('409 TICKET_CLOSED once the ticket is cancelled; 404 unknown; 400 bad body', async () => {
      const ticket = await openTicket(t, biller, { location: 'indore', notes: 'kept' });
      await as(t.app, biller)('POST', `/api/returns/${ticket.code}/cancel`);
      const call = as(t.app, biller);

      const closed = await call('PATCH', `/api/returns/${ticket.code}`, { notes: 'late' });
      expect(closed.statusCode).toBe(409);
      expect(errorCode(closed)).toBe('TICKET_CLOSED');
      expect(closed.json().error.details).toEqual({ ticket: ticket.code, status: 'cancelled' });
      const detail = await call('GET', `/api/returns/${ticket.code}`);
      expect(detail.json().notes).toBe('kept');

      const unknown = await call('PATCH', '/api/returns/RTN-20300101-ZZZ9', { notes: 'x' });
      expect(unknown.statusCode).toBe(404);
      expect(errorCode(unknown)).toBe('TICKET_NOT_FOUND');
      for (const body of [{}, { notes: 'x', status: 'committed' }]) {
        const bad = await call('PATCH', `/api/returns/${ticket.code}`, body);
        expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      }
    });
  });
});
