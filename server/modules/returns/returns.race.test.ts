import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ReturnScanResult,
  ReturnTicket,
  ReturnTicketDetail,
} from '../../../common/contracts/returns.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { freshChildCode, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import {
  attachCall,
  bagRow,
  billRow,
  billWith,
  eventsOf,
  expectConsistent,
  newBill,
  openTicket,
  packedParent,
  scanReturn,
  storedFigures,
} from './returns.test-kit.js';

/**
 * Real concurrent requests: meaningful on PostgreSQL with a connection pool (npm run test:pg);
 * PGlite serialises them and must give one of the same outcomes.
 */
describe('return races', () => {
  let t: TestApp;
  let sessions: TestSession[];
  beforeAll(async () => {
    t = await buildTestApp();
    const users = await Promise.all(
      Array.from({ length: 4 }, () => createUser(t.database, { role: 'biller' })),
    );
    sessions = await Promise.all(users.map((u) => loginAs(t.app, u.username)));
  });
  afterAll(async () => t.app.close());

  const session = (i: number) => sessions[i % sessions.length] as TestSession;
  const detail = async (code: string) =>
    (await as(t.app, session(0))('GET', `/api/returns/${code}`)).json<ReturnTicketDetail>();

  /** The ticket's totals are the sum of its lines. */
  async function expectTicketTotals(code: string) {
    const d = await detail(code);
    expect(d.bagCount).toBe(d.lines.length);
    expect(d.childCount).toBe(d.lines.reduce((sum, l) => sum + l.childCount, 0));
    expect(d.weightKg).toBe(d.lines.reduce((sum, l) => sum + l.weightKg, 0));
    return d;
  }

  it('a return racing an attach of the same parent: exactly one of the two outcomes, figures equal a recount', async () => {
    const pairs = [];
    for (let i = 0; i < 12; i += 1) {
      const { billNo } = await billWith(t, session(0), 5, [3]);
      pairs.push({
        billNo,
        parent: await packedParent(t, session(0), 4),
        ticket: await openTicket(t, session(0)),
      });
    }

    const answers = await Promise.all(
      pairs.map(async (p, i) => {
        const [returned, attached] = await Promise.all([
          scanReturn(t, session(i), p.ticket.code, p.parent),
          attachCall(t, session(i + 1), p.billNo, p.parent),
        ]);
        return { ...p, returned, attached };
      }),
    );

    const outcomes = { attachThenReturn: 0, returnRefusedThenAttach: 0 };
    for (const p of answers) {
      // The attach always succeeds: a parent on no bill is not in a ticket either.
      expect(p.attached.statusCode, p.attached.body).toBe(200);
      const bill = await billRow(t, p.billNo);
      const bag = await bagRow(t, p.parent);
      const lines = (await expectTicketTotals(p.ticket.code)).lines;
      if (p.returned.statusCode === 200) {
        // Attach first, then the return took it off again.
        outcomes.attachThenReturn += 1;
        const body = p.returned.json<ReturnScanResult>();
        expect(body.line).toMatchObject({ originalBill: p.billNo, childCount: 4 });
        expect(body.bill).toMatchObject({ parentCount: 1, childCount: 3 });
        expect(bag).toMatchObject({ billId: null });
        expect(bag?.openTicketId).not.toBeNull();
        expect(bill).toMatchObject({ parentCount: 1, childCount: 3 });
        expect(lines).toHaveLength(1);
        expect((await eventsOf(t, p.billNo)).map((e) => e.action).slice(-2)).toEqual([
          'attach',
          'return',
        ]);
      } else {
        // The return came first and found the parent on no bill.
        outcomes.returnRefusedThenAttach += 1;
        expect(errorCode(p.returned)).toBe('PARENT_NOT_ON_BILL');
        expect(bag).toMatchObject({ billId: bill.id, openTicketId: null });
        expect(bill).toMatchObject({ parentCount: 2, childCount: 7 });
        expect(lines).toEqual([]);
      }
      await expectConsistent(t, p.billNo);
    }
    expect(outcomes.attachThenReturn + outcomes.returnRefusedThenAttach).toBe(pairs.length);
  });

  it('a return racing an attach to another bill: the return wins, the attach is refused either way', async () => {
    const runs = [];
    for (let i = 0; i < 8; i += 1) {
      const { billNo, parents } = await billWith(t, session(0), 3, [2, 5]);
      runs.push({
        from: billNo,
        parent: parents[1] as string,
        to: await newBill(t, session(0), 3),
        ticket: await openTicket(t, session(0)),
      });
    }

    const answers = await Promise.all(
      runs.map(async (r, i) => {
        const [returned, attached] = await Promise.all([
          scanReturn(t, session(i), r.ticket.code, r.parent),
          attachCall(t, session(i + 1), r.to, r.parent),
        ]);
        return { ...r, returned, attached };
      }),
    );

    for (const r of answers) {
      expect(r.returned.statusCode, r.returned.body).toBe(200);
      expect(r.attached.statusCode).toBe(409);
      const code = errorCode(r.attached);
      expect(['PARENT_ON_OTHER_BILL', 'PARENT_IN_OPEN_TICKET']).toContain(code);
      expect(r.attached.json().error.details).toEqual(
        code === 'PARENT_ON_OTHER_BILL'
          ? { qr: r.parent, bill: r.from }
          : { qr: r.parent, ticket: r.ticket.code },
      );
      expect(await storedFigures(t, r.from)).toMatchObject({ parentCount: 1, childCount: 2 });
      expect(await storedFigures(t, r.to)).toMatchObject({ parentCount: 0, childCount: 0 });
      await expectConsistent(t, r.from);
      await expectConsistent(t, r.to);
    }
  });

  it('a return racing packing into the same parent: the bill, the line and the ticket agree', async () => {
    const { billNo, parents } = await billWith(t, session(0), 4, [3, 6]);
    const parent = parents[0] as string;
    const ticket = await openTicket(t, session(0));
    const pack = packer(t.app, session(1));

    const [returned, ...packed] = await Promise.all([
      scanReturn(t, session(0), ticket.code, parent),
      ...Array.from({ length: 5 }, () => pack.child(parent, freshChildCode())),
    ]);

    expect(returned.statusCode, returned.body).toBe(200);
    expect(packed.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const line = returned.json<ReturnScanResult>().line;
    expect(line.childCount).toBeGreaterThanOrEqual(3);
    expect(line.childCount).toBeLessThanOrEqual(8);
    expect((await bagRow(t, parent))?.childCount).toBe(8);
    const event = (await eventsOf(t, billNo)).find(
      (e) => e.action === 'return' && e.parentQr === parent,
    );
    const before = event?.before as { childCount: number };
    const after = event?.after as { childCount: number };
    expect(before.childCount - after.childCount).toBe(line.childCount);
    expect(await storedFigures(t, billNo)).toMatchObject({ parentCount: 1, childCount: 6 });
    await expectConsistent(t, billNo);
    await expectTicketTotals(ticket.code);
  });

  it('tickets racing for the same parents: each parent in exactly one ticket', async () => {
    const { billNo, parents } = await billWith(t, session(0), 6, [1, 2, 3, 4, 5, 6]);
    const tickets: ReturnTicket[] = [];
    for (let i = 0; i < 3; i += 1) {
      tickets.push(await openTicket(t, session(i)));
    }

    const answers = await Promise.all(
      tickets.flatMap((ticket, i) =>
        parents.map((parent) => scanReturn(t, session(i), ticket.code, parent)),
      ),
    );

    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(parents.length);
    expect(answers.filter((r) => errorCode(r) === 'PARENT_IN_OTHER_TICKET')).toHaveLength(
      parents.length * 2,
    );
    const lines = [];
    for (const ticket of tickets) {
      lines.push(...(await expectTicketTotals(ticket.code)).lines);
    }
    expect(lines.map((l) => l.qr).sort()).toEqual([...parents].sort());
    expect(await storedFigures(t, billNo)).toEqual({
      parentCount: 0,
      childCount: 0,
      actualWeightKg: 0,
      expectedWeightKg: 0,
    });
    expect((await billRow(t, billNo)).status).toBe('new');
    await expectConsistent(t, billNo);
  });

  it('cancels racing over the same bills (in opposite orders) neither deadlock nor drift', async () => {
    for (let round = 0; round < 4; round += 1) {
      const x = await billWith(t, session(0), 4, [1, 2, 3, 4]);
      const y = await billWith(t, session(0), 4, [5, 6, 7, 8]);
      const first = await openTicket(t, session(0));
      const second = await openTicket(t, session(1));
      for (const [code, qr] of [
        [first.code, x.parents[0]],
        [first.code, y.parents[0]],
        [second.code, y.parents[1]],
        [second.code, x.parents[1]],
      ] as const) {
        expect((await scanReturn(t, session(0), code, qr as string)).statusCode).toBe(200);
      }

      const answers = await Promise.all(
        [first, second].map((ticket, i) =>
          as(t.app, session(i))('POST', `/api/returns/${ticket.code}/cancel`),
        ),
      );

      expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
      expect(answers.flatMap((r) => r.json().notRestored as unknown[])).toEqual([]);
      for (const bill of [x, y]) {
        expect(await billRow(t, bill.billNo)).toMatchObject({
          parentCount: 4,
          status: 'completed',
        });
        await expectConsistent(t, bill.billNo);
      }
    }
  });
});
