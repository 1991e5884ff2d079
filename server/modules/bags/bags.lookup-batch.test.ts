import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { Value } from 'typebox/value';
import { BagDetail } from '../../../common/contracts/bags.js';
import { findBagDetails } from './bag-detail.js';
import { childCodes, parentCodes } from './bags.test-kit.js';

/**
 * Lookups that fall due together share one statement (bag-detail.ts): each request must still get
 * its own answer, its own error and its own area check.
 */
describe('GET /api/bags/:qr, many at once', () => {
  let t: TestApp;
  let admin: TestSession;
  let dispatcher: TestSession;
  let freshParent: () => Promise<string>;
  let freshChild: () => Promise<string>;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
    dispatcher = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'raipur' })).username,
    );
    freshParent = parentCodes(t.database);
    freshChild = childCodes(t.database);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => t.app.close());

  const lookup = (session: TestSession, qr: string) =>
    as(t.app, session)('GET', `/api/bags/${encodeURIComponent(qr)}`);

  /** A lookup's answer without the request id an error body carries. */
  function answer(res: { json: () => unknown }) {
    const body = res.json() as { requestId?: string };
    delete body.requestId;
    return body;
  }

  /** Two raipur parents with two children each, a loose child and an unknown code. */
  async function someBags() {
    const pack = packer(t.app, dispatcher);
    const parents = [await freshParent(), await freshParent()];
    const children = [
      await freshChild(),
      await freshChild(),
      await freshChild(),
      await freshChild(),
    ];
    for (const [i, parent] of parents.entries()) {
      expect((await pack.parent(parent)).statusCode).toBe(200);
      for (const child of children.slice(i * 2, i * 2 + 2)) {
        expect((await pack.child(parent, child)).statusCode).toBe(200);
      }
    }
    const loose = await freshChild();
    expect((await as(t.app, admin)('POST', '/api/bags', { qr: loose })).statusCode).toBe(201);
    return { parents, children, loose, unknown: await freshParent() };
  }

  it('answers every lookup with its own bag, sharing round trips', async () => {
    const { parents, children, loose, unknown } = await someBags();
    const codes = [...parents, ...children, loose, unknown, children[0] ?? '', parents[1] ?? ''];
    const alone = [];
    for (const code of codes) {
      alone.push(await lookup(admin, code));
    }
    const query = vi.spyOn(t.database, 'query');

    const together = await Promise.all(codes.map((code) => lookup(admin, code)));

    expect(together.map((res) => res.statusCode)).toEqual([...Array(7).fill(200), 404, 200, 200]);
    expect(together.map(answer)).toEqual(alone.map(answer));
    expect(together[2]?.json()).toMatchObject({
      bag: { qr: children[0] },
      parent: { qr: parents[0] },
    });
    expect(errorCode(together[7]!)).toBe('BAG_NOT_FOUND');
    const lookupStatements = query.mock.calls.filter(([text]) => text.includes('tt_bag_details'));
    expect(lookupStatements.length).toBeGreaterThan(0);
    expect(lookupStatements.length).toBeLessThan(codes.length);
  });

  it('answers the BagDetail contract exactly, as the database writes it', async () => {
    const { parents, children, loose } = await someBags();

    for (const code of [parents[0] ?? '', children[0] ?? '', loose]) {
      const res = await lookup(admin, code);
      const body = res.json<BagDetail>();

      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Value.Errors(BagDetail, body)).toEqual([]);
      expect(Value.Clean(BagDetail, Value.Clone(body))).toEqual(body);
      expect(new Date(body.bag.createdAt).toISOString()).toBe(body.bag.createdAt);
    }
  });

  it('writes each object’s keys in the contract’s order', async () => {
    const { parents, children } = await someBags();

    for (const code of [parents[0] ?? '', children[0] ?? '']) {
      const body = (await lookup(admin, code)).json<BagDetail>();

      expect(body.bag.qr).toBe(code);
      expect(JSON.stringify(body)).toBe(JSON.stringify(inSchemaOrder(BagDetail, body)));
    }
  });

  it('checks each request’s own area inside a shared batch', async () => {
    const { parents } = await someBags();
    const ranchi = await freshParent();
    await as(t.app, admin)('POST', '/api/bags', { qr: ranchi, dispatchArea: 'ranchi' });

    const [own, other, adminOther] = await Promise.all([
      lookup(dispatcher, parents[0] ?? ''),
      lookup(dispatcher, ranchi),
      lookup(admin, ranchi),
    ]);

    expect(own.statusCode).toBe(200);
    expect(other.statusCode).toBe(403);
    expect(errorCode(other)).toBe('AREA_FORBIDDEN');
    expect(adminOther.statusCode).toBe(200);
    expect(adminOther.json()).toMatchObject({ bag: { qr: ranchi, dispatchArea: 'ranchi' } });
  });

  it('fails every lookup of a batch the database refuses, and answers the next ones', async () => {
    const { parents, loose } = await someBags();
    // Only the lookup statement fails: other statements (the event outbox's NOTIFY flush after
    // the packing above) share database.query and must not take the failure.
    const realQuery = t.database.query.bind(t.database);
    let failures = 0;
    vi.spyOn(t.database, 'query').mockImplementation((text, params) => {
      if (text.includes('tt_bag_details') && failures++ === 0) {
        return Promise.reject(new Error('connection lost'));
      }
      return realQuery(text, params);
    });

    const failed = await Promise.all([lookup(admin, parents[0] ?? ''), lookup(admin, loose)]);
    const next = await lookup(admin, loose);

    expect(failed.map((res) => res.statusCode)).toEqual([500, 500]);
    expect(failed.map(errorCode)).toEqual(['INTERNAL', 'INTERNAL']);
    expect(next.statusCode).toBe(200);
    expect(failures).toBe(2);
  });

  it('findBagDetails answers codes in order: unknown as undefined, repeats each time', async () => {
    const { parents, loose, unknown } = await someBags();

    const answers = await findBagDetails(t.database, [loose, unknown, parents[0] ?? '', loose]);

    const bodies = answers.map((a) => (a ? (JSON.parse(a.body) as BagDetail) : undefined));
    expect(bodies.map((body) => body?.bag.qr)).toEqual([loose, undefined, parents[0], loose]);
    expect(bodies[2]?.children).toHaveLength(2);
    expect(answers.map((a) => a?.area)).toEqual([null, undefined, 'raipur', null]);
    expect(await findBagDetails(t.database, [])).toEqual([]);
  });
});

/** `value` rebuilt with every object's keys in the order its schema lists them. */
function inSchemaOrder(schema: unknown, value: unknown): unknown {
  const s = schema as { properties?: Record<string, unknown>; anyOf?: unknown[]; items?: unknown };
  if (Array.isArray(value)) {
    return value.map((item) => inSchemaOrder(s.items, item));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const branch = s.anyOf?.find((b) => (b as { type?: string }).type === 'object') ?? s;
  const properties = (branch as { properties?: Record<string, unknown> }).properties ?? {};
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(properties)
      .filter((key) => key in record)
      .map((key) => [key, inSchemaOrder(properties[key], record[key])]),
  );
}
