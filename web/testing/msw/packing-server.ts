import { HttpResponse, http } from 'msw';
import type { Bag, ScanChildBody, ScanParentBody, UndoBody } from '@common/contracts/bags';
import { classifyCode, DEFAULT_BAG_KINDS } from '@common/qr';
import { parentExpected, reply, type Answer } from '@/testing/msw/scan-answers';

interface ParentRecord {
  qr: string;
  kind: string;
  maxChildren: number;
  children: string[];
}

/** The fake server's data. */
interface World {
  parents: Map<string, ParentRecord>;
  childParent: Map<string, string>;
  answers: Map<string, Answer>;
  requests: Array<{ path: string; body: Record<string, unknown> }>;
  state: { isOffline: boolean; links: number };
}

function bag(qr: string, type: 'parent' | 'child', extra: Partial<Bag> = {}): Bag {
  return {
    qr,
    type,
    kind: null,
    status: null,
    childCount: 0,
    weightKg: type === 'child' ? 1 : 0,
    dispatchArea: null,
    createdAt: '2025-03-01T08:00:00.000Z',
    createdBy: 'tester',
    ...extra,
  };
}

function progress(parent: ParentRecord) {
  return {
    qr: parent.qr,
    childCount: parent.children.length,
    maxChildren: parent.maxChildren,
    complete: parent.children.length >= parent.maxChildren,
  };
}

function scanParent(world: World, body: ScanParentBody): Answer {
  const scanned = classifyCode(body.qr, DEFAULT_BAG_KINDS);
  if (scanned.type !== 'parent') {
    return parentExpected(scanned.code, scanned.type);
  }
  const existing = world.parents.get(scanned.code);
  const parent = existing ?? {
    qr: scanned.code,
    kind: scanned.kind.code,
    maxChildren: scanned.kind.maxChildren,
    children: [],
  };
  world.parents.set(parent.qr, parent);
  const p = progress(parent);
  return {
    status: 200,
    body: {
      bag: bag(parent.qr, 'parent', { kind: parent.kind, childCount: p.childCount }),
      created: !existing,
      childCount: p.childCount,
      maxChildren: p.maxChildren,
      complete: p.complete,
    },
  };
}

function scanChild(world: World, body: ScanChildBody): Answer {
  const parent = world.parents.get(body.parentQr);
  if (!parent) {
    return { status: 404, error: 'BAG_NOT_FOUND', details: { qr: body.parentQr } };
  }
  const owner = world.childParent.get(body.qr);
  const duplicate = owner === parent.qr;
  if (owner && !duplicate) {
    return { status: 409, error: 'CHILD_IN_OTHER_PARENT', details: { qr: body.qr, parent: owner } };
  }
  if (!duplicate && parent.children.length >= parent.maxChildren) {
    const details = { parent: parent.qr, maxChildren: parent.maxChildren };
    return { status: 409, error: 'PARENT_FULL', details };
  }
  if (!duplicate) {
    parent.children.push(body.qr);
    world.childParent.set(body.qr, parent.qr);
    world.state.links += 1;
  }
  return {
    status: 200,
    body: { child: bag(body.qr, 'child'), parent: progress(parent), created: !owner, duplicate },
  };
}

function undo(world: World, body: UndoBody): Answer {
  const parent = world.parents.get(body.parentQr);
  const removed = parent?.children.pop();
  if (!parent || !removed) {
    return { status: 404, error: 'NOTHING_TO_UNDO', details: { parent: body.parentQr } };
  }
  world.childParent.delete(removed);
  return { status: 200, body: { removed, childDeleted: true, parent: progress(parent) } };
}

/** A POST route that replays a seen scanId's first answer, like the real server. */
function route<B extends { scanId?: string }>(
  world: World,
  path: string,
  handle: (world: World, body: B) => Answer,
) {
  return http.post(path, async ({ request }) => {
    if (world.state.isOffline) {
      return HttpResponse.error();
    }
    const body = (await request.json()) as B & Record<string, unknown>;
    world.requests.push({ path, body });
    const seen = body.scanId ? world.answers.get(body.scanId) : undefined;
    const answer = seen ?? handle(world, body);
    if (body.scanId && !seen) {
      world.answers.set(body.scanId, answer);
    }
    return reply(answer);
  });
}

/**
 * An in-memory packing API for web tests, with the real one's rules that the station relies on:
 * scanIds replay their first answer, duplicates, CHILD_IN_OTHER_PARENT, PARENT_FULL, undo.
 * `state.isOffline` makes every scan request fail as a network error.
 */
export function createPackingServer() {
  const world: World = {
    parents: new Map(),
    childParent: new Map(),
    answers: new Map(),
    requests: [],
    state: { isOffline: false, links: 0 },
  };
  return {
    state: world.state,
    parents: world.parents,
    requests: world.requests,
    /** Adds a parent with `count` children already in it. */
    seedParent(qr: string, count: number) {
      const scanned = classifyCode(qr, DEFAULT_BAG_KINDS);
      if (scanned.type !== 'parent') {
        throw new Error(`${qr} is not a parent code`);
      }
      const children = Array.from({ length: count }, (_, i) => `SEED-${qr}-${i}`);
      world.parents.set(qr, {
        qr,
        kind: scanned.kind.code,
        maxChildren: scanned.kind.maxChildren,
        children,
      });
      children.forEach((child) => world.childParent.set(child, qr));
    },
    handlers: [
      http.get('/api/bag-kinds', () => HttpResponse.json({ items: DEFAULT_BAG_KINDS })),
      route<ScanParentBody>(world, '/api/scans/parent', scanParent),
      route<ScanChildBody>(world, '/api/scans/child', scanChild),
      route<UndoBody>(world, '/api/scans/undo', undo),
    ],
  };
}
