import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { auditRows } from '../../test/audit.js';
import { freshChildCode, newScanId, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { billActors, biller, newBill, packedParent } from '../bills/bills.test-kit.js';
import { openTicket, scanReturn } from '../returns/returns.test-kit.js';

/** SPEC §4: refused scans are not scans; the audit log keeps them. */
describe('refused scans in the audit log', () => {
  let t: TestApp;
  let admin: TestSession;
  let billerSession: TestSession;
  let billerName: string;
  beforeAll(async () => {
    t = await buildTestApp();
    const actors = await billActors(t);
    admin = actors.admin;
    billerSession = actors.biller;
    billerName = actors.billerName;
  });
  afterAll(async () => t.app.close());

  const refusals = (entityId: string) =>
    auditRows(t.database, { action: 'scan.refused', entityId });

  it('a child already in another parent: one row naming the code, the other parent and the scanId; a replay adds none', async () => {
    const first = await packedParent(t, billerSession, 0);
    const second = await packedParent(t, billerSession, 0);
    const child = freshChildCode();
    expect((await packer(t.app, billerSession).child(first, child)).statusCode).toBe(200);
    const scanId = newScanId();

    const refused = await packer(t.app, billerSession).child(second, child, scanId);
    const replayed = await packer(t.app, billerSession).child(second, child, scanId);

    expect(errorCode(refused)).toBe('CHILD_IN_OTHER_PARENT');
    expect(replayed.json().error).toEqual(refused.json().error);
    const rows = await refusals(child);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityType: 'bag', actorUsername: billerName });
    expect(rows[0]?.after).toEqual({
      endpoint: 'child',
      code: 'CHILD_IN_OTHER_PARENT',
      details: { qr: child, parent: first },
      target: second,
      scanId,
      station: 'test-desk',
    });
  });

  it('a code refused before the database (a child code scanned as a parent) is kept as sent', async () => {
    const res = await packer(t.app, billerSession).parent('  NOT-A-BAG  ');

    expect(errorCode(res)).toBe('QR_WRONG_TYPE');
    const [row] = await refusals('NOT-A-BAG');
    expect(row?.after).toMatchObject({ endpoint: 'parent', code: 'QR_WRONG_TYPE', target: null });
  });

  it("a dispatcher packing into another area's parent: a security event", async () => {
    const parent = await packedParent(t, billerSession, 0);
    const dispatcher = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'ranchi' })).username,
    );

    const res = await packer(t.app, dispatcher).child(parent, freshChildCode());

    expect(errorCode(res)).toBe('AREA_FORBIDDEN');
    const [row] = await auditRows(t.database, { action: 'scan.refused', security: true });
    expect(row?.after).toMatchObject({ endpoint: 'child', code: 'AREA_FORBIDDEN', target: parent });
  });

  it('undo with nothing to undo', async () => {
    const parent = await packedParent(t, billerSession, 0);

    expect(errorCode(await packer(t.app, billerSession).undo(parent))).toBe('NOTHING_TO_UNDO');

    const [row] = await refusals(parent);
    expect(row?.after).toMatchObject({ endpoint: 'undo', code: 'NOTHING_TO_UNDO' });
  });

  it('a bill attach refused (unknown bill, then a parent on another bill)', async () => {
    const parent = await packedParent(t, billerSession, 2);
    const onBill = await newBill(t, billerSession, 5);
    const other = await newBill(t, billerSession, 5);
    expect((await biller(t, billerSession).attach(onBill, parent)).statusCode).toBe(200);

    const missing = await biller(t, billerSession).attach('NO-SUCH-BILL-9', parent);
    const taken = await biller(t, billerSession).attach(other, parent);

    expect(errorCode(missing)).toBe('BILL_NOT_FOUND');
    expect(errorCode(taken)).toBe('PARENT_ON_OTHER_BILL');
    const rows = await refusals(parent);
    expect(rows.map((r) => (r.after as { code: string }).code)).toEqual([
      'PARENT_ON_OTHER_BILL',
      'BILL_NOT_FOUND',
    ]);
    expect(rows[0]?.after).toMatchObject({ endpoint: 'bill', target: other });
  });

  it('a return scan refused (parent not on a bill)', async () => {
    const parent = await packedParent(t, billerSession, 1);
    const ticket = await openTicket(t, admin);

    const res = await scanReturn(t, admin, ticket.code, parent);

    expect(errorCode(res)).toBe('PARENT_NOT_ON_BILL');
    const [row] = await refusals(parent);
    expect(row?.after).toMatchObject({
      endpoint: 'return',
      code: 'PARENT_NOT_ON_BILL',
      target: ticket.code,
    });
  });

  it('an accepted scan writes no refusal', async () => {
    const parent = await packedParent(t, billerSession, 1);

    expect(await refusals(parent)).toEqual([]);
  });
});
