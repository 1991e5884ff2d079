import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DISPATCH_AREAS } from '../../../common/areas.js';
import type { Database } from '../../db/client.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { freshChildCode, freshParentCode, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { openTestDatabase } from '../../test/test-database.js';

interface SseFrame {
  event: string;
  data: Record<string, unknown> | null;
  retry: number | null;
}

interface SseConnection {
  response: Response;
  /** The next frame matching `match` (frames before it are consumed); null when the stream ended. */
  next(match?: (frame: SseFrame) => boolean): Promise<SseFrame | null>;
  /** Every remaining frame until the server ends the stream. */
  rest(): Promise<SseFrame[]>;
  close(): Promise<void>;
}

function parseFrame(block: string): SseFrame | null {
  const frame: SseFrame = { event: 'message', data: null, retry: null };
  let meaningful = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') {
      continue;
    }
    const at = line.indexOf(':');
    const field = at < 0 ? line : line.slice(0, at);
    const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
    meaningful = true;
    if (field === 'event') {
      frame.event = value;
    } else if (field === 'data') {
      frame.data = JSON.parse(value) as Record<string, unknown>;
    } else if (field === 'retry') {
      frame.retry = Number(value);
    }
  }
  return meaningful ? frame : null;
}

/** Opens GET /api/events at `baseUrl` with `cookie` (omit for none). */
async function openEvents(baseUrl: string, cookie?: string): Promise<SseConnection> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, {
    headers: cookie ? { cookie } : {},
    signal: abort.signal,
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const frames: SseFrame[] = [];
  let buffer = '';
  let ended = !reader;

  async function pull(): Promise<boolean> {
    if (ended || !reader) {
      return false;
    }
    const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
    if (chunk.done) {
      ended = true;
      return false;
    }
    buffer += decoder.decode(chunk.value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const frame = parseFrame(buffer.slice(0, end));
      if (frame) {
        frames.push(frame);
      }
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
    return true;
  }

  return {
    response,
    async next(match = () => true) {
      for (;;) {
        const frame = frames.shift();
        if (frame) {
          if (match(frame)) {
            return frame;
          }
          continue;
        }
        if (!(await pull())) {
          return null;
        }
      }
    },
    async rest() {
      while (await pull()) {
        // read until the server ends the stream
      }
      return frames.splice(0);
    },
    async close() {
      abort.abort();
      await reader?.cancel().catch(() => undefined);
    },
  };
}

const freshArea = () => `ev${randomBytes(5).toString('hex')}`;
const [AREA_X, AREA_Y] = [freshArea(), freshArea()];
const ENV = { DISPATCH_AREAS: [...DEFAULT_DISPATCH_AREAS, AREA_X, AREA_Y].join(',') };

/** A change of a bag (area-scoped): bills have no area and reach everyone from other tests too. */
const isBagChange = (frame: SseFrame) => frame.event !== 'stats' && frame.event !== 'bill';

describe('GET /api/events', () => {
  let t: TestApp;
  let baseUrl: string;
  const connections: SseConnection[] = [];
  const listenOn = async (app: TestApp['app']) => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  };
  /** An open stream whose first frame (the retry hint) arrived: the server has subscribed it. */
  const connect = async (session: TestSession, url = baseUrl) => {
    const connection = await openEvents(url, session.cookie);
    connections.push(connection);
    expect(connection.response.status).toBe(200);
    expect((await connection.next())?.retry).toBe(3000);
    return connection;
  };
  const userIn = async (role: 'admin' | 'biller' | 'dispatcher', area?: string) =>
    loginAs(t.app, (await createUser(t.database, { role, dispatchArea: area ?? null })).username);

  beforeAll(async () => {
    t = await buildTestApp({ env: ENV });
    baseUrl = await listenOn(t.app);
  });
  afterAll(async () => {
    // Client-side closes are best effort (an aborted fetch body may never settle); the server
    // then drops every socket so close() does not wait on one the client left half-open.
    const settle = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
    await Promise.race([Promise.all(connections.map((c) => c.close())), settle]);
    t.app.server.closeAllConnections();
    // A client may open a fresh socket while close() runs its preClose hooks (the server still
    // accepts until then); one that never sent a request would hold close() up: drop it at once.
    t.app.server.on('connection', (socket: Socket) => socket.destroy());
    await t.app.close();
  });

  it('answers 401 AUTH_REQUIRED without a session', async () => {
    const res = await fetch(`${baseUrl}/api/events`);

    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('AUTH_REQUIRED');
    expect(errorCode(await t.app.inject({ method: 'GET', url: '/api/events' }))).toBe(
      'AUTH_REQUIRED',
    );
  });

  it('opens an event stream: SSE headers, no caching or proxy buffering, a retry hint first', async () => {
    const session = await userIn('biller');

    const connection = await connect(session);

    expect(connection.response.headers.get('content-type')).toBe('text/event-stream');
    expect(connection.response.headers.get('cache-control')).toBe('no-store');
    expect(connection.response.headers.get('x-accel-buffering')).toBe('no');
    expect(connection.response.headers.get('x-request-id')).toBeTruthy();
  });

  it('sends scan and link events of a child scan to its area and to admins, not to another area’s dispatcher', async () => {
    const [x, y, admin] = [
      await userIn('dispatcher', AREA_X),
      await userIn('dispatcher', AREA_Y),
      await userIn('admin'),
    ];
    const [xEvents, yEvents, adminEvents] = [
      await connect(x),
      await connect(y),
      await connect(admin),
    ];
    const [parent, child, marker] = [
      await freshParentCode(t.database),
      freshChildCode(),
      await freshParentCode(t.database),
    ];
    const pack = packer(t.app, x, 'desk-x');

    await pack.parent(parent);
    expect((await pack.child(parent, child)).statusCode).toBe(200);
    // Y's own scan comes after X's in commit order: Y's first change event must be it.
    await packer(t.app, y).parent(marker);

    const link = await xEvents.next((f) => f.event === 'link');
    expect(link?.data).toEqual({
      type: 'link',
      area: AREA_X,
      parent,
      child,
      childCount: 1,
      maxChildren: 30,
    });
    const scan = await adminEvents.next((f) => f.event === 'scan' && f.data?.qr === child);
    expect(scan?.data).toMatchObject({
      type: 'scan',
      area: AREA_X,
      kind: 'child',
      target: parent,
      duplicate: false,
      station: 'desk-x',
    });
    expect(
      (await adminEvents.next((f) => f.event === 'link' && f.data?.child === child))?.data,
    ).toEqual(link?.data);
    expect(await yEvents.next(isBagChange)).toMatchObject({
      event: 'scan',
      data: { area: AREA_Y, kind: 'parent', qr: marker },
    });
  });

  it('sends an unlink event on undo, and a stats hint narrowed to the dispatcher’s area', async () => {
    const [x, y] = [await userIn('dispatcher', AREA_X), await userIn('dispatcher', AREA_Y)];
    const [xEvents, yEvents] = [await connect(x), await connect(y)];
    const [parent, child] = [await freshParentCode(t.database), freshChildCode()];
    const pack = packer(t.app, x);
    await pack.parent(parent);
    await pack.child(parent, child);

    expect((await pack.undo(parent)).statusCode).toBe(200);
    await packer(t.app, y).parent(await freshParentCode(t.database));

    const unlink = await xEvents.next((f) => f.event === 'unlink');
    expect(unlink?.data).toEqual({ type: 'unlink', area: AREA_X, parent, child, childCount: 0 });
    // Other tests' bill changes may add the no-area bucket (null); other areas never show.
    const xStats = await xEvents.next((f) => f.event === 'stats');
    expect(xStats?.data?.areas).toContain(AREA_X);
    expect(xStats?.data?.areas).not.toContain(AREA_Y);
    const yStats = await yEvents.next((f) => f.event === 'stats');
    expect(yStats?.data?.areas).toContain(AREA_Y);
    expect(yStats?.data?.areas).not.toContain(AREA_X);
    expect(Date.parse(String(yStats?.data?.at))).not.toBeNaN();
  });

  it('sends bill events to a dispatcher too (bills have no area; every role may view them)', async () => {
    const x = await userIn('dispatcher', AREA_X);
    const xEvents = await connect(x);
    const billNo = `EV-${randomBytes(4).toString('hex').toUpperCase()}`;

    const created = await as(t.app, await userIn('biller'))('POST', '/api/bills', {
      billNo,
      capacity: 5,
    });

    expect(created.statusCode).toBe(201);
    const bill = await xEvents.next((f) => f.event === 'bill' && f.data?.billNo === billNo);
    expect(bill?.data).toMatchObject({ type: 'bill', area: null, billNo });
  });

  it('delivers changes committed through another app instance (its own connections)', async () => {
    // PostgreSQL: a second pool, as a second server would have. PGlite lives in one process.
    const otherDatabase: Database = process.env.TEST_DATABASE_URL
      ? await openTestDatabase()
      : t.database;
    const other = await buildTestApp({ env: ENV, database: otherDatabase });
    try {
      const x = await userIn('dispatcher', AREA_X);
      const events = await connect(x);
      const [parent, child] = [await freshParentCode(t.database), freshChildCode()];
      const pack = packer(
        other.app,
        await loginAs(
          other.app,
          (await createUser(t.database, { role: 'dispatcher', dispatchArea: AREA_X })).username,
        ),
      );

      await pack.parent(parent);
      expect((await pack.child(parent, child)).statusCode).toBe(200);

      expect((await events.next((f) => f.event === 'link'))?.data).toMatchObject({
        parent,
        child,
        area: AREA_X,
      });
    } finally {
      await other.app.close();
      if (otherDatabase !== t.database) {
        await otherDatabase.close();
      }
    }
  });

  it('ends open streams when the app closes, so close() does not wait for clients', async () => {
    const other = await buildTestApp({ env: ENV });
    const url = await listenOn(other.app);
    const session = await loginAs(
      other.app,
      (await createUser(t.database, { role: 'admin' })).username,
    );
    const events = await connect(session, url);

    await other.app.close();

    // Changes other test files make on the shared database may still arrive before the end (on
    // PostgreSQL they come over LISTEN); the stream must then end: `rest` resolves only when the
    // server ends it (a stream left open would hold this test until its timeout).
    await events.rest();
    expect(await events.next()).toBeNull();
  });
});
