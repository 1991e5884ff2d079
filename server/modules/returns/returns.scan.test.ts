import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ReturnScanResult,
  ReturnTicket,
  ReturnTicketDetail,
} from '../../../common/contracts/returns.js';
import { returnLines } from '../../db/schema/bills.js';
import { scans } from '../../db/schema/scans.js';
import { as, errorCode, type TestSession } from '../../test/auth.js';
import { auditRows } from '../../test/audit.js';
import { expectAudited } from '../../test/audit-api.js';
import { freshChildCode, freshParentCode, newScanId, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  attach,
  attachCall,
  bagRow,
  billDetail,
  billRow,
  billWith,
  eventsOf,
  expectConsistent,
  newBill,
  openTicket,
  packedParent,
  scanReturn,
  signInActors,
  storedFigures,
  type Actors,
} from './returns.test-kit.js';

describe('POST /api/returns/:code/bags', () => {
  let t: TestApp;
  let a: Actors;
  let biller: TestSession;
  let admin: TestSession;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await signInActors(t);
    ({ biller, admin } = a);
  });
  afterAll(async () => t.app.close());

  const detail = async (code: string) =>
    (await as(t.app, biller)('GET', `/api/returns/${code}`)).json<ReturnTicketDetail>();

  describe('the effect', () => {
    it('takes the parent off its completed bill: figures recomputed, bill reopens, line and history kept', async () => {
      const { billNo, parents } = await billWith(t, biller, 3, [5, 7, 2]);
      const [, returned] = parents as [string, string, string];
      expect((await billRow(t, billNo)).status).toBe('completed');
      const ticket = await openTicket(t, biller, { location: 'bathinda' });
      t.clock.advanceMinutes(1);

      const res = await scanReturn(t, biller, ticket.code, returned, newScanId(), {
        station: 'returns-desk',
      });

      expect(res.statusCode).toBe(200);
      const body = res.json<ReturnScanResult>();
      const at = t.clock.now().toISOString();
      expect(body).toEqual({
        ticket: {
          ...ticket,
          bagCount: 1,
          childCount: 7,
          weightKg: 7,
          updatedAt: at,
        },
        line: {
          qr: returned,
          originalBill: billNo,
          childCount: 7,
          weightKg: 7,
          scannedBy: a.billerName,
          scannedAt: at,
          restored: null,
          restoreNote: null,
        },
        bill: expect.objectContaining({
          billNo,
          status: 'processing',
          capacity: 3,
          parentCount: 2,
          childCount: 7,
          actualWeightKg: 7,
          expectedWeightKg: 60,
          differenceKg: -53,
          completedAt: null,
        }),
        duplicate: false,
      });

      // State read back: the bag, the bill (equal to a recount), the history, the line.
      const bag = await bagRow(t, returned);
      expect(bag?.billId).toBeNull();
      expect(bag?.openTicketId).not.toBeNull();
      expect(await storedFigures(t, billNo)).toEqual({
        parentCount: 2,
        childCount: 7,
        actualWeightKg: 7,
        expectedWeightKg: 60,
      });
      await expectConsistent(t, billNo);
      const bill = await billRow(t, billNo);
      expect(bill).toMatchObject({ status: 'processing', completedAt: null });
      const event = (await eventsOf(t, billNo)).at(-1);
      expect(event).toMatchObject({
        action: 'return',
        parentQr: returned,
        note: ticket.code,
        before: {
          parentCount: 3,
          childCount: 14,
          actualWeightKg: 14,
          expectedWeightKg: 90,
          status: 'completed',
        },
        after: {
          parentCount: 2,
          childCount: 7,
          actualWeightKg: 7,
          expectedWeightKg: 60,
          status: 'processing',
        },
      });
      expect(await detail(ticket.code)).toEqual({ ...body.ticket, lines: [body.line] });
      // The bill as the API shows it: figures, parents and the history event.
      const shown = await billDetail(t, admin, billNo);
      expect(shown.bill).toEqual(body.bill);
      expect(shown.parents.map((p) => p.qr).sort()).toEqual(
        parents.filter((p) => p !== returned).sort(),
      );
      expect(shown.events.at(-1)).toMatchObject({
        action: 'return',
        parentQr: returned,
        user: a.billerName,
        before: { parentCount: 3, status: 'completed' },
        after: { parentCount: 2, status: 'processing' },
      });

      const audit = await expectAudited(t.app, admin, res, {
        action: 'return.scan',
        entity: `return:${ticket.code}`,
        actor: a.billerName,
      });
      expect(audit.after).toEqual({ parent: returned, bill: billNo, childCount: 7 });
      const recorded = await t.database.db
        .select()
        .from(scans)
        .where(and(eq(scans.qr, returned), eq(scans.kind, 'return')));
      expect(recorded).toEqual([
        expect.objectContaining({
          targetQr: ticket.code,
          station: 'returns-desk',
          duplicate: false,
        }),
      ]);
    });

    it('the line keeps the figures at return time when the parent changes afterwards', async () => {
      const { billNo, parents } = await billWith(t, biller, 5, [4]);
      const parent = parents[0] as string;
      const ticket = await openTicket(t, biller);
      expect((await scanReturn(t, biller, ticket.code, parent)).statusCode).toBe(200);

      // Packing goes on in the returned parent (it is on no bill now).
      const pack = packer(t.app, biller);
      expect((await pack.child(parent, freshChildCode())).statusCode).toBe(200);
      expect((await pack.child(parent, freshChildCode())).statusCode).toBe(200);

      const after = await detail(ticket.code);
      expect(after).toMatchObject({ bagCount: 1, childCount: 4, weightKg: 4 });
      expect(after.lines).toEqual([
        expect.objectContaining({ qr: parent, originalBill: billNo, childCount: 4, weightKg: 4 }),
      ]);
      expect((await bagRow(t, parent))?.childCount).toBe(6);
      expect(await storedFigures(t, billNo)).toMatchObject({ parentCount: 0, childCount: 0 });
      expect((await billRow(t, billNo)).status).toBe('new');
    });

    it('accepts the code as typed: lowercase ticket code and parent code', async () => {
      const { parents } = await billWith(t, biller, 2, [1]);
      const ticket = await openTicket(t, admin);
      const res = await scanReturn(
        t,
        admin,
        ticket.code.toLowerCase(),
        ` ${(parents[0] as string).toLowerCase()}\u200b\r\n`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().line.qr).toBe(parents[0]);
    });
  });

  describe('the rules, in order', () => {
    it('TICKET_NOT_FOUND (404) before anything about the code', async () => {
      const { parents } = await billWith(t, biller, 2, [1]);
      for (const qr of [parents[0] as string, freshChildCode()]) {
        const res = await scanReturn(t, biller, 'RTN-20300101-ZZZ9', qr);
        expect(res.statusCode).toBe(404);
        expect(errorCode(res)).toBe('TICKET_NOT_FOUND');
        expect(res.json().error.details).toEqual({ ticket: 'RTN-20300101-ZZZ9' });
      }
      expect((await bagRow(t, parents[0] as string))?.billId).not.toBeNull();
    });

    it('TICKET_CLOSED (409) for a committed or cancelled ticket, even for a child code or a duplicate', async () => {
      const { billNo, parents } = await billWith(t, biller, 3, [1, 1]);
      const [p1, p2] = parents as [string, string];
      const committed = await openTicket(t, biller);
      expect((await scanReturn(t, biller, committed.code, p1)).statusCode).toBe(200);
      expect(
        (await as(t.app, biller)('POST', `/api/returns/${committed.code}/finalize`)).statusCode,
      ).toBe(200);
      const cancelled = await openTicket(t, biller);
      await as(t.app, biller)('POST', `/api/returns/${cancelled.code}/cancel`);

      for (const [ticket, status] of [
        [committed, 'committed'],
        [cancelled, 'cancelled'],
      ] as const) {
        for (const qr of [p2, p1, freshChildCode()]) {
          const res = await scanReturn(t, biller, ticket.code, qr);
          expect(res.statusCode, `${status} ${qr}`).toBe(409);
          expect(errorCode(res)).toBe('TICKET_CLOSED');
          expect(res.json().error.details).toEqual({ ticket: ticket.code, status });
          expect(res.json().error.message).toBe(`Return ticket ${ticket.code} is ${status}.`);
        }
      }
      expect((await bagRow(t, p2))?.billId).toBe((await billRow(t, billNo)).id);
    });

    it('QR_WRONG_TYPE (400) for a child, known or not; QR_INVALID_PARENT / QR_EMPTY for bad codes', async () => {
      const parent = await packedParent(t, biller, 1);
      const [child] = await t.database.db
        .select({ qr: scans.qr })
        .from(scans)
        .where(and(eq(scans.targetQr, parent), eq(scans.kind, 'child')));
      const ticket = await openTicket(t, biller);
      for (const qr of [child?.qr as string, freshChildCode(), 'LABEL NO.:0016586 LOT NO.:X']) {
        const res = await scanReturn(t, biller, ticket.code, qr);
        expect(res.statusCode, qr).toBe(400);
        expect(errorCode(res)).toBe('QR_WRONG_TYPE');
        expect(res.json().error.details).toMatchObject({ expected: 'parent', actual: 'child' });
      }
      const invalid = await scanReturn(t, biller, ticket.code, 'SB1234');
      expect(invalid.statusCode).toBe(400);
      expect(errorCode(invalid)).toBe('QR_INVALID_PARENT');
      const empty = await scanReturn(t, biller, ticket.code, ' \u200b ');
      expect(errorCode(empty)).toBe('QR_EMPTY');
      expect((await detail(ticket.code)).bagCount).toBe(0);
    });

    it('already in this ticket → 200 duplicate: true, nothing changes (a scan is still recorded)', async () => {
      const { billNo, parents } = await billWith(t, biller, 4, [3, 2]);
      const parent = parents[0] as string;
      const ticket = await openTicket(t, biller);
      const first = (await scanReturn(t, biller, ticket.code, parent)).json<ReturnScanResult>();
      const figures = await storedFigures(t, billNo);
      const events = (await eventsOf(t, billNo)).length;
      t.clock.advanceMinutes(1);

      const again = await scanReturn(t, admin, ticket.code, parent);

      expect(again.statusCode).toBe(200);
      expect(again.json<ReturnScanResult>()).toEqual({
        ticket: first.ticket,
        line: first.line,
        bill: expect.objectContaining({ billNo, parentCount: 1, childCount: 2 }),
        duplicate: true,
      });
      expect(await storedFigures(t, billNo)).toEqual(figures);
      expect(await eventsOf(t, billNo)).toHaveLength(events);
      const lines = await t.database.db
        .select()
        .from(returnLines)
        .where(eq(returnLines.qr, parent));
      expect(lines).toHaveLength(1);
      const recorded = await t.database.db
        .select()
        .from(scans)
        .where(and(eq(scans.qr, parent), eq(scans.kind, 'return')));
      expect(recorded.map((s) => s.duplicate).sort()).toEqual([false, true]);
      expect(
        await auditRows(t.database, { action: 'return.scan', entityId: ticket.code }),
      ).toHaveLength(1);
    });

    it('PARENT_IN_OTHER_TICKET (409) naming the open ticket it is in', async () => {
      const { parents } = await billWith(t, biller, 2, [1]);
      const parent = parents[0] as string;
      const first = await openTicket(t, biller);
      const second = await openTicket(t, biller);
      expect((await scanReturn(t, biller, first.code, parent)).statusCode).toBe(200);

      const res = await scanReturn(t, biller, second.code, parent);

      expect(res.statusCode).toBe(409);
      expect(errorCode(res)).toBe('PARENT_IN_OTHER_TICKET');
      expect(res.json().error.details).toEqual({ qr: parent, ticket: first.code });
      expect((await detail(second.code)).lines).toEqual([]);
    });

    it('PARENT_NOT_ON_BILL (409) for a parent on no bill', async () => {
      const parent = await packedParent(t, biller, 2);
      const ticket = await openTicket(t, biller);
      const res = await scanReturn(t, biller, ticket.code, parent);
      expect(res.statusCode).toBe(409);
      expect(errorCode(res)).toBe('PARENT_NOT_ON_BILL');
      expect(res.json().error.details).toEqual({ qr: parent });
      expect((await bagRow(t, parent))?.openTicketId).toBeNull();
    });

    it('BAG_NOT_FOUND (404) for a valid parent code no bag has; nothing is created', async () => {
      const code = await freshParentCode(t.database, 'M444');
      const ticket = await openTicket(t, biller);
      const res = await scanReturn(t, biller, ticket.code, code);
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('BAG_NOT_FOUND');
      expect(await bagRow(t, code)).toBeUndefined();
    });
  });

  describe('while the ticket is open', () => {
    it('the parent cannot go on any bill: PARENT_IN_OPEN_TICKET (409)', async () => {
      const { billNo, parents } = await billWith(t, biller, 3, [2, 2]);
      const parent = parents[0] as string;
      const other = await newBill(t, biller, 5);
      const ticket = await openTicket(t, biller);
      expect((await scanReturn(t, biller, ticket.code, parent)).statusCode).toBe(200);

      for (const target of [billNo, other]) {
        const res = await attachCall(t, admin, target, parent);
        expect(res.statusCode, target).toBe(409);
        expect(errorCode(res)).toBe('PARENT_IN_OPEN_TICKET');
        expect(res.json().error.details).toEqual({ qr: parent, ticket: ticket.code });
      }
      expect(await storedFigures(t, other)).toMatchObject({ parentCount: 0 });
      await expectConsistent(t, billNo);
      await expectConsistent(t, other);
    });
  });

  describe('scanId', () => {
    it('a replay answers the first answer (status and body) and changes nothing', async () => {
      const { billNo, parents } = await billWith(t, biller, 3, [2, 1]);
      const parent = parents[0] as string;
      const ticket = await openTicket(t, biller);
      const scanId = newScanId();
      const first = await scanReturn(t, biller, ticket.code, parent, scanId);
      expect(first.statusCode).toBe(200);
      t.clock.advanceMinutes(1);

      const replay = await scanReturn(t, biller, ticket.code, parent, scanId);

      expect(replay.statusCode).toBe(200);
      expect(replay.body).toBe(first.body);
      expect(replay.json().duplicate).toBe(false);
      const recorded = await t.database.db
        .select()
        .from(scans)
        .where(and(eq(scans.qr, parent), eq(scans.kind, 'return')));
      expect(recorded).toHaveLength(1);
      expect((await detail(ticket.code)).bagCount).toBe(1);
      await expectConsistent(t, billNo);
    });

    it('a replayed refusal stays the same refusal after the state changed', async () => {
      const parent = await packedParent(t, biller, 1);
      const ticket = await openTicket(t, biller);
      const scanId = newScanId();
      const first = await scanReturn(t, biller, ticket.code, parent, scanId);
      expect(errorCode(first)).toBe('PARENT_NOT_ON_BILL');
      const billNo = await newBill(t, biller, 2);
      await attach(t, biller, billNo, parent);

      const replay = await scanReturn(t, biller, ticket.code, parent, scanId);

      expect(replay.statusCode).toBe(409);
      expect(errorCode(replay)).toBe('PARENT_NOT_ON_BILL');
      expect((await bagRow(t, parent))?.billId).toBe((await billRow(t, billNo)).id);
      // A fresh scanId does the return.
      expect((await scanReturn(t, biller, ticket.code, parent)).statusCode).toBe(200);
    });

    it('the same scanId with another body → SCAN_ID_REUSED (409); another user’s scanId is theirs', async () => {
      const { parents } = await billWith(t, biller, 3, [1, 1]);
      const [p1, p2] = parents as [string, string];
      const ticket = await openTicket(t, biller);
      const other = await openTicket(t, biller);
      const scanId = newScanId();
      expect((await scanReturn(t, biller, ticket.code, p1, scanId)).statusCode).toBe(200);

      for (const [code, qr] of [
        [ticket.code, p2],
        [other.code, p1],
      ] as const) {
        const res = await scanReturn(t, biller, code, qr, scanId);
        expect(res.statusCode).toBe(409);
        expect(errorCode(res)).toBe('SCAN_ID_REUSED');
      }
      expect((await bagRow(t, p2))?.openTicketId).toBeNull();

      const byAdmin = await scanReturn(t, admin, ticket.code, p2, scanId);
      expect(byAdmin.statusCode).toBe(200);
      expect(byAdmin.json().duplicate).toBe(false);
    });

    it('400 VALIDATION for a malformed scanId or an unknown field', async () => {
      const ticket: ReturnTicket = await openTicket(t, biller);
      for (const body of [
        { qr: 'SB00001', scanId: 'short' },
        { qr: 'SB00001' },
        { qr: 'SB00001', scanId: newScanId(), manual: true },
      ]) {
        const res = await as(t.app, biller)('POST', `/api/returns/${ticket.code}/bags`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(errorCode(res)).toBe('VALIDATION');
      }
    });
  });
});
