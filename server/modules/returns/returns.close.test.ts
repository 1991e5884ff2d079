import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CancelReturnResult,
  ReturnTicket,
  ReturnTicketDetail,
} from '../../../common/contracts/returns.js';
import { bags } from '../../db/schema/bags.js';
import { as, errorCode, type TestSession } from '../../test/auth.js';
import { expectAudited } from '../../test/audit-api.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  attach,
  bagRow,
  billDetail,
  billRow,
  billWith,
  completeEarly,
  deleteBill,
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

describe('finalize and cancel', () => {
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

  const finalize = (code: string, session = biller) =>
    as(t.app, session)('POST', `/api/returns/${code}/finalize`);
  const cancel = (code: string, session = biller) =>
    as(t.app, session)('POST', `/api/returns/${code}/cancel`);
  const detail = async (code: string) =>
    (await as(t.app, biller)('GET', `/api/returns/${code}`)).json<ReturnTicketDetail>();

  async function returned(code: string, ...parents: string[]) {
    for (const parent of parents) {
      const res = await scanReturn(t, biller, code, parent);
      expect(res.statusCode, res.body).toBe(200);
    }
  }

  describe('POST /api/returns/:code/finalize', () => {
    it('TICKET_EMPTY (409) without bags; the ticket stays open', async () => {
      const ticket = await openTicket(t, biller);
      const res = await finalize(ticket.code);
      expect(res.statusCode).toBe(409);
      expect(errorCode(res)).toBe('TICKET_EMPTY');
      expect(res.json().error.details).toEqual({ ticket: ticket.code });
      expect((await detail(ticket.code)).status).toBe('open');
    });

    it('commits: the bags stay off their bills and are free again for any bill', async () => {
      const { billNo, parents } = await billWith(t, biller, 3, [2, 3, 4]);
      const [p1, p2] = parents as [string, string, string];
      const ticket = await openTicket(t, biller);
      await returned(ticket.code, p1, p2);
      const figures = await storedFigures(t, billNo);
      t.clock.advanceMinutes(2);

      const res = await finalize(ticket.code, admin);

      expect(res.statusCode).toBe(200);
      const at = t.clock.now().toISOString();
      expect(res.json<ReturnTicket>()).toMatchObject({
        code: ticket.code,
        status: 'committed',
        bagCount: 2,
        childCount: 5,
        weightKg: 5,
        closedAt: at,
        updatedAt: at,
      });
      for (const qr of [p1, p2]) {
        expect(await bagRow(t, qr)).toMatchObject({ billId: null, openTicketId: null });
      }
      expect(await storedFigures(t, billNo)).toEqual(figures);
      const lines = (await detail(ticket.code)).lines;
      expect(lines.map((l) => [l.qr, l.originalBill, l.restored])).toEqual([
        [p1, billNo, null],
        [p2, billNo, null],
      ]);
      await expectAudited(t.app, admin, res, {
        action: 'return.finalize',
        entity: `return:${ticket.code}`,
        actor: a.adminName,
      });

      // Free again: back on its own bill, or onto another one.
      const other = await newBill(t, biller, 2);
      expect((await attach(t, biller, billNo, p1)).parentCount).toBe(2);
      expect((await attach(t, biller, other, p2)).parentCount).toBe(1);
      await expectConsistent(t, billNo);
      await expectConsistent(t, other);
      // And returnable again, into a new ticket.
      const next = await openTicket(t, biller);
      expect((await scanReturn(t, biller, next.code, p1)).statusCode).toBe(200);
    });

    it('TICKET_CLOSED (409) for a closed ticket; 404 TICKET_NOT_FOUND for an unknown one', async () => {
      const { parents } = await billWith(t, biller, 2, [1]);
      const ticket = await openTicket(t, biller);
      await returned(ticket.code, parents[0] as string);
      expect((await finalize(ticket.code)).statusCode).toBe(200);

      for (const res of [await finalize(ticket.code), await cancel(ticket.code)]) {
        expect(res.statusCode).toBe(409);
        expect(errorCode(res)).toBe('TICKET_CLOSED');
        expect(res.json().error.details).toEqual({ ticket: ticket.code, status: 'committed' });
      }
      expect((await bagRow(t, parents[0] as string))?.billId).toBeNull();
      for (const res of [await finalize('RTN-20300101-ZZZ9'), await cancel('RTN-20300101-ZZZ9')]) {
        expect(res.statusCode).toBe(404);
        expect(errorCode(res)).toBe('TICKET_NOT_FOUND');
      }
    });
  });

  describe('POST /api/returns/:code/cancel', () => {
    it('puts every bag back on its bill: figures as before, history recorded, a full bill completes again', async () => {
      const { billNo, parents } = await billWith(t, biller, 3, [2, 3, 4]);
      const [p1, , p3] = parents as [string, string, string];
      const before = await storedFigures(t, billNo);
      const ticket = await openTicket(t, biller);
      await returned(ticket.code, p3, p1);
      expect(await billRow(t, billNo)).toMatchObject({ status: 'processing', parentCount: 1 });
      const eventsBefore = (await eventsOf(t, billNo)).length;
      t.clock.advanceMinutes(1);

      const res = await cancel(ticket.code, admin);

      expect(res.statusCode).toBe(200);
      expect(res.json<CancelReturnResult>()).toEqual({
        ticket: expect.objectContaining({
          code: ticket.code,
          status: 'cancelled',
          bagCount: 2,
          closedAt: t.clock.now().toISOString(),
        }),
        restored: [p3, p1],
        notRestored: [],
      });
      expect(await storedFigures(t, billNo)).toEqual(before);
      await expectConsistent(t, billNo);
      const shown = await billDetail(t, biller, billNo);
      expect(shown.bill).toMatchObject({ ...before, status: 'completed', fillPercent: 100 });
      expect(shown.parents.map((p) => p.qr).sort()).toEqual([...parents].sort());
      const bill = await billRow(t, billNo);
      expect(bill).toMatchObject({ status: 'completed', completionReason: 'reached capacity' });
      for (const qr of [p1, p3]) {
        expect(await bagRow(t, qr)).toMatchObject({ billId: bill.id, openTicketId: null });
      }
      const events = (await eventsOf(t, billNo)).slice(eventsBefore);
      expect(events.map((e) => [e.action, e.parentQr])).toEqual([
        ['restore', p3],
        ['restore', p1],
        ['complete', null],
      ]);
      expect(events[0]).toMatchObject({
        note: ticket.code,
        before: { parentCount: 1, childCount: 3, status: 'processing' },
        after: { parentCount: 2, childCount: 7, status: 'processing' },
      });
      expect(events[1]).toMatchObject({
        before: { parentCount: 2, childCount: 7 },
        after: { parentCount: 3, childCount: 9, actualWeightKg: 9, expectedWeightKg: 90 },
      });
      const lines = (await detail(ticket.code)).lines;
      expect(lines.map((l) => [l.qr, l.restored, l.restoreNote])).toEqual([
        [p3, true, null],
        [p1, true, null],
      ]);
      const audit = await expectAudited(t.app, admin, res, {
        action: 'return.cancel',
        entity: `return:${ticket.code}`,
        actor: a.adminName,
      });
      expect(audit.after).toEqual({ restored: [p3, p1], notRestored: [] });
      // Back on the bill for good: it can be returned again.
      const next = await openTicket(t, biller);
      expect((await scanReturn(t, biller, next.code, p1)).statusCode).toBe(200);
    });

    it('lists what it could not put back: bill deleted, bill full, bill completed — each with its reason', async () => {
      const deleted = await billWith(t, biller, 2, [1]);
      const filled = await billWith(t, biller, 2, [2, 3]);
      const closed = await billWith(t, biller, 5, [1, 2]);
      const fine = await billWith(t, biller, 4, [5]);
      const ticket = await openTicket(t, biller);
      const [pDeleted, pFilled, pClosed, pFine] = [
        deleted.parents[0],
        filled.parents[1],
        closed.parents[0],
        fine.parents[0],
      ] as [string, string, string, string];
      await returned(ticket.code, pDeleted, pFilled, pClosed, pFine);

      await deleteBill(t, admin, deleted.billNo);
      await attach(t, biller, filled.billNo, await packedParent(t, biller, 1)); // 2 of 2 again
      await completeEarly(t, biller, closed.billNo);
      const figures = {
        filled: await storedFigures(t, filled.billNo),
        closed: await storedFigures(t, closed.billNo),
      };

      const res = await cancel(ticket.code);

      expect(res.statusCode).toBe(200);
      expect(res.json<CancelReturnResult>()).toMatchObject({
        restored: [pFine],
        notRestored: [
          { qr: pDeleted, reason: 'bill deleted', bill: deleted.billNo },
          { qr: pFilled, reason: 'bill full', bill: filled.billNo },
          { qr: pClosed, reason: 'bill completed', bill: closed.billNo },
        ],
      });
      // Bills that could not take their bag back are untouched; the bags are free.
      expect(await storedFigures(t, filled.billNo)).toEqual(figures.filled);
      expect(await storedFigures(t, closed.billNo)).toEqual(figures.closed);
      expect((await billRow(t, closed.billNo)).status).toBe('completed');
      for (const qr of [pDeleted, pFilled, pClosed]) {
        expect(await bagRow(t, qr)).toMatchObject({ billId: null, openTicketId: null });
      }
      expect((await bagRow(t, pFine))?.billId).toBe((await billRow(t, fine.billNo)).id);
      expect(await storedFigures(t, fine.billNo)).toMatchObject({ parentCount: 1, childCount: 5 });
      for (const billNo of [filled.billNo, closed.billNo, fine.billNo]) {
        await expectConsistent(t, billNo);
      }
      expect((await detail(ticket.code)).lines).toEqual([
        expect.objectContaining({
          qr: pDeleted,
          originalBill: deleted.billNo,
          restored: false,
          restoreNote: 'bill deleted',
        }),
        expect.objectContaining({ qr: pFilled, restored: false, restoreNote: 'bill full' }),
        expect.objectContaining({ qr: pClosed, restored: false, restoreNote: 'bill completed' }),
        expect.objectContaining({ qr: pFine, restored: true, restoreNote: null }),
      ]);
    });

    it('a capacity-1 bill refilled is "bill full"; a bag deleted meanwhile is "bag deleted"', async () => {
      const filled = await billWith(t, biller, 1, [0]);
      const gone = await billWith(t, biller, 3, [0, 1]);
      const ticket = await openTicket(t, biller);
      const pFilled = filled.parents[0] as string;
      const pGone = gone.parents[0] as string;
      await returned(ticket.code, pFilled, pGone);
      await attach(t, biller, filled.billNo, await packedParent(t, biller, 0));
      await t.database.db.delete(bags).where(eq(bags.qr, pGone));

      const res = await cancel(ticket.code);

      expect(res.json<CancelReturnResult>()).toMatchObject({
        restored: [],
        notRestored: [
          { qr: pFilled, reason: 'bill full', bill: filled.billNo },
          { qr: pGone, reason: 'bag deleted', bill: gone.billNo },
        ],
      });
      await expectConsistent(t, gone.billNo);
    });

    it('an empty ticket cancels with nothing to restore', async () => {
      const ticket = await openTicket(t, biller);
      const res = await cancel(ticket.code);
      expect(res.statusCode).toBe(200);
      expect(res.json<CancelReturnResult>()).toMatchObject({
        ticket: { status: 'cancelled', bagCount: 0 },
        restored: [],
        notRestored: [],
      });
      const again = await cancel(ticket.code);
      expect(errorCode(again)).toBe('TICKET_CLOSED');
    });
  });
});
