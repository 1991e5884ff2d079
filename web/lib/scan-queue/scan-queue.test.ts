import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-client';
import {
  MAX_SERVER_ERROR_ATTEMPTS,
  classifyScanFailure,
  createScanQueue,
  type ScanOutcome,
  type ScanQueueOptions,
} from '@/lib/scan-queue/scan-queue';
import {
  createMemoryStorage,
  type ScanJob,
  type ScanQueueStorage,
} from '@/lib/scan-queue/scan-queue-storage';

const networkError = () => new ApiError({ code: 'NETWORK', message: 'offline', status: 0 });
const refusal = (code: 'PARENT_FULL' | 'CHILD_IN_OTHER_PARENT', details = {}) =>
  new ApiError({ code, message: `Server says ${code}`, status: 409, details });

/**
 * A fake packing server that behaves like the real one about scanIds: the first request with an
 * id is processed (one link per new child), a repeat gets the first answer and changes nothing.
 * `isReachable` false: the request never arrives. `isAnswerLost`: processed, answer lost.
 */
function fakeServer() {
  const answers = new Map<string, { ok: boolean; value: unknown }>();
  const links: string[] = [];
  const received: string[] = [];
  const server = {
    isReachable: true,
    isAnswerLost: false,
    refuse: new Map<string, ApiError>(),
    links,
    received,
    send: async (job: ScanJob): Promise<unknown> => {
      if (!server.isReachable) {
        throw networkError();
      }
      received.push(job.id);
      let answer = answers.get(job.id);
      if (!answer) {
        const refusalError = server.refuse.get(String(job.body.qr));
        answer = refusalError
          ? { ok: false, value: refusalError }
          : { ok: true, value: { linked: job.body.qr } };
        if (answer.ok) {
          links.push(String(job.body.qr));
        }
        answers.set(job.id, answer);
      }
      if (server.isAnswerLost) {
        throw networkError();
      }
      if (!answer.ok) {
        throw answer.value;
      }
      return answer.value;
    },
  };
  return server;
}

function child(qr: string) {
  return {
    id: `scan-${qr}`,
    path: '/api/scans/child',
    body: { parentQr: 'SB12260', qr, scanId: `scan-${qr}` },
    label: `Child ${qr} into SB12260`,
  };
}

function setup(overrides: Partial<ScanQueueOptions> = {}) {
  const server = fakeServer();
  const storage = overrides.storage ?? createMemoryStorage();
  const queue = createScanQueue({ owner: 'ravi', storage, send: server.send, ...overrides });
  const outcomes: ScanOutcome[] = [];
  queue.onOutcome((outcome) => outcomes.push(outcome));
  return { queue, server, storage, outcomes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('scan queue: sending', () => {
  it('sends scans one at a time in order and forgets each once answered', async () => {
    const { queue, server, storage, outcomes } = setup();

    await Promise.all(['C1', 'C2', 'C3'].map((qr) => queue.add(child(qr))));
    await queue.flush();

    expect(server.received).toEqual(['scan-C1', 'scan-C2', 'scan-C3']);
    expect(outcomes.map((o) => [o.type, o.job.id])).toEqual([
      ['accepted', 'scan-C1'],
      ['accepted', 'scan-C2'],
      ['accepted', 'scan-C3'],
    ]);
    expect(outcomes[0]?.type === 'accepted' && outcomes[0].result).toEqual({ linked: 'C1' });
    expect(queue.getState().pending).toEqual([]);
    expect(await storage.list()).toEqual([]);
  });

  it('writes a scan to storage before sending it', async () => {
    const storage = createMemoryStorage();
    const seenInStorage: string[][] = [];
    const { queue } = setup({
      storage,
      send: async () => {
        seenInStorage.push((await storage.list()).map((job) => job.id));
        return {};
      },
    });

    await queue.add(child('C1'));
    await queue.flush();

    expect(seenInStorage).toEqual([['scan-C1']]);
  });
});

describe('scan queue: offline', () => {
  it('keeps scans that cannot reach the server, in order, and marks the queue stalled', async () => {
    const { queue, server, outcomes } = setup();
    server.isReachable = false;

    for (const qr of ['C1', 'C2', 'C3']) {
      await queue.add(child(qr));
    }
    await queue.flush();

    const state = queue.getState();
    expect(state.isStalled).toBe(true);
    expect(state.pending.map((job) => job.id)).toEqual(['scan-C1', 'scan-C2', 'scan-C3']);
    expect(outcomes).toEqual([]);
  });

  it('replays in order when the browser comes back online', async () => {
    const { queue, server } = setup();
    server.isReachable = false;
    queue.start();
    for (const qr of ['C1', 'C2', 'C3']) {
      await queue.add(child(qr));
    }
    await queue.flush();

    server.isReachable = true;
    window.dispatchEvent(new Event('online'));
    await queue.flush();

    expect(server.received).toEqual(['scan-C1', 'scan-C2', 'scan-C3']);
    expect(server.links).toEqual(['C1', 'C2', 'C3']);
    expect(queue.getState()).toMatchObject({ pending: [], isStalled: false });
    queue.stop();
  });

  it('retries on a timer while stalled', async () => {
    vi.useFakeTimers();
    const { queue, server } = setup({ retryIntervalMs: 5_000 });
    server.isReachable = false;
    queue.start();
    await queue.add(child('C1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.getState().isStalled).toBe(true);

    server.isReachable = true;
    await vi.advanceTimersByTimeAsync(5_000);

    expect(server.links).toEqual(['C1']);
    expect(queue.getState().pending).toEqual([]);
    queue.stop();
  });

  it('never double-links when the answer of a processed scan was lost', async () => {
    const { queue, server, outcomes } = setup();
    server.isAnswerLost = true;
    await queue.add(child('C1'));
    await queue.flush();
    expect(queue.getState().isStalled).toBe(true);

    server.isAnswerLost = false;
    await queue.flush();

    expect(server.received.length).toBeGreaterThanOrEqual(2);
    expect(new Set(server.received)).toEqual(new Set(['scan-C1']));
    expect(server.links).toEqual(['C1']);
    expect(outcomes.map((o) => o.type)).toEqual(['accepted']);
  });

  it('survives a reload: a new queue on the same storage replays the stored scans in order', async () => {
    const storage = createMemoryStorage();
    const before = setup({ storage });
    before.server.isReachable = false;
    for (const qr of ['C1', 'C2', 'C3']) {
      await before.queue.add(child(qr));
    }
    await before.queue.flush();

    const after = setup({ storage });
    after.queue.start();
    await after.queue.flush();

    expect(after.server.received).toEqual(['scan-C1', 'scan-C2', 'scan-C3']);
    expect(await storage.list()).toEqual([]);
    after.queue.stop();
  });

  it('replays only the signed-in user’s scans (a scanId belongs to its user)', async () => {
    const storage = createMemoryStorage();
    const ravi = setup({ storage, owner: 'ravi' });
    ravi.server.isReachable = false;
    await ravi.queue.add(child('C1'));
    await ravi.queue.flush();

    const meena = setup({ storage, owner: 'meena' });
    await meena.queue.flush();

    expect(meena.server.received).toEqual([]);
    expect(meena.queue.getState().pending).toEqual([]);
    expect((await storage.list()).map((job) => job.owner)).toEqual(['ravi']);
  });
});

describe('scan queue: refusals', () => {
  it('moves a refused replay to "needs attention" with its reason and goes on', async () => {
    const { queue, server, outcomes, storage } = setup();
    server.isReachable = false;
    for (const qr of ['C1', 'C2', 'C3']) {
      await queue.add(child(qr));
    }
    await queue.flush();
    server.refuse.set('C2', refusal('CHILD_IN_OTHER_PARENT', { parent: 'SB99999' }));

    server.isReachable = true;
    await queue.flush();

    const { pending, rejected } = queue.getState();
    expect(pending).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      id: 'scan-C2',
      label: 'Child C2 into SB12260',
      state: 'rejected',
      error: { code: 'CHILD_IN_OTHER_PARENT', details: { parent: 'SB99999' } },
    });
    expect(server.links).toEqual(['C1', 'C3']);
    expect(outcomes.map((o) => `${o.type}:${o.job.id}`)).toEqual([
      'accepted:scan-C1',
      'rejected:scan-C2',
      'accepted:scan-C3',
    ]);
    // Kept across a reload until someone dismisses it.
    expect((await storage.list()).map((job) => job.state)).toEqual(['rejected']);

    await queue.dismiss('scan-C2');

    expect(queue.getState().rejected).toEqual([]);
    expect(await storage.list()).toEqual([]);
  });

  it('keeps a refused scan visible after a reload', async () => {
    const storage = createMemoryStorage();
    const first = setup({ storage });
    first.server.refuse.set('C1', refusal('PARENT_FULL'));
    await first.queue.add(child('C1'));
    await first.queue.flush();

    const second = setup({ storage });
    await second.queue.flush();

    expect(second.queue.getState().rejected.map((job) => job.error?.code)).toEqual(['PARENT_FULL']);
    expect(second.server.received).toEqual([]);
  });
});

describe('scan queue: storage trouble', () => {
  it('still sends when storage fails, and says the queue is not persistent', async () => {
    const broken: ScanQueueStorage = {
      isPersistent: true,
      list: async () => [],
      put: async () => {
        throw new Error('QuotaExceededError');
      },
      delete: async () => undefined,
    };
    const { queue, server } = setup({ storage: broken });

    await queue.add(child('C1'));
    await queue.flush();

    expect(server.links).toEqual(['C1']);
    expect(queue.getState().isPersistent).toBe(false);
  });
});

describe('classifyScanFailure', () => {
  const error = (status: number, code: ConstructorParameters<typeof ApiError>[0]['code']) =>
    new ApiError({ status, code, message: code });

  it.each([
    ['no connection', networkError(), 1, 'retry'],
    ['a timeout (not an ApiError)', new DOMException('timeout', 'TimeoutError'), 1, 'retry'],
    ['a gateway error', error(502, 'SERVICE_UNAVAILABLE'), 50, 'retry'],
    ['rate limiting', error(429, 'RATE_LIMITED'), 50, 'retry'],
    ['an ended session', error(401, 'SESSION_EXPIRED'), 50, 'retry'],
    ['a stale CSRF token', error(403, 'CSRF_INVALID'), 50, 'retry'],
    ['a first server error', error(500, 'INTERNAL'), 1, 'retry'],
    [
      'a server error that keeps coming',
      error(500, 'INTERNAL'),
      MAX_SERVER_ERROR_ATTEMPTS,
      'reject',
    ],
    ['a rule refusal', error(409, 'PARENT_FULL'), 1, 'reject'],
    ['a wrong type', error(400, 'QR_WRONG_TYPE'), 1, 'reject'],
    ['another area', error(403, 'AREA_FORBIDDEN'), 1, 'reject'],
  ])('%s → %s', (_name, failure, attempts, expected) => {
    expect(classifyScanFailure(failure, attempts)).toBe(expected);
  });
});
