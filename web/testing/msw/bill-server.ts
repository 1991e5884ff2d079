import { HttpResponse, http } from 'msw';
import type { AttachBody, Bill, BillDetail, PatchBillBody } from '@common/contracts/bills';
import { classifyCode, DEFAULT_BAG_KINDS } from '@common/qr';
import { buildBag, buildBill } from '@/testing/data-generators';
import { errorResponse } from '@/testing/msw/handlers';
import { parentExpected, reply, type Answer } from '@/testing/msw/scan-answers';

const CHILDREN_PER_PARENT = 30;

interface BillWorld {
  bill: Bill;
  parents: string[];
  /** Parents on other bills: attaching them answers PARENT_ON_OTHER_BILL. */
  elsewhere: Map<string, string>;
  answers: Map<string, Answer>;
  /** The scanIds of every attach request that arrived, in order (replays included). */
  received: string[];
  /** Parents attached, in order: a replay must never add one twice. */
  attached: string[];
  patches: PatchBillBody[];
  state: { isOffline: boolean; isAnswerLost: boolean; isDeleted: boolean };
}

function figures(world: BillWorld): Bill {
  const count = world.parents.length;
  const kg = count * CHILDREN_PER_PARENT;
  const isFull = count >= world.bill.capacity;
  const status = isFull ? 'completed' : count > 0 ? 'processing' : 'new';
  return {
    ...world.bill,
    parentCount: count,
    childCount: kg,
    actualWeightKg: kg,
    expectedWeightKg: kg,
    fillPercent: Math.round((count / world.bill.capacity) * 1000) / 10,
    status,
  };
}

function detail(world: BillWorld): BillDetail {
  return {
    bill: world.bill,
    parents: world.parents.map((qr) => ({
      qr,
      kind: 'SB',
      childCount: CHILDREN_PER_PARENT,
      weightKg: CHILDREN_PER_PARENT,
      expectedKg: CHILDREN_PER_PARENT,
      attachedAt: world.bill.updatedAt,
    })),
    events: [],
    eventsTruncated: false,
  };
}

/** SPEC §5 attach rules the bill page meets (the bag must be a known parent: any SB code is). */
function attach(world: BillWorld, body: AttachBody): Answer {
  const scanned = classifyCode(body.qr, DEFAULT_BAG_KINDS);
  if (scanned.type !== 'parent') {
    return parentExpected(body.qr);
  }
  const qr = scanned.code;
  const parent = buildBag({ qr, childCount: CHILDREN_PER_PARENT, weightKg: CHILDREN_PER_PARENT });
  if (world.parents.includes(qr)) {
    return { status: 200, body: { bill: world.bill, parent, duplicate: true, created: false } };
  }
  const other = world.elsewhere.get(qr);
  if (other) {
    return { status: 409, error: 'PARENT_ON_OTHER_BILL', details: { qr, bill: other } };
  }
  if (world.parents.length >= world.bill.capacity) {
    return { status: 409, error: 'BILL_FULL', details: { capacity: world.bill.capacity } };
  }
  world.parents.push(qr);
  world.attached.push(qr);
  world.bill = figures(world);
  return { status: 200, body: { bill: world.bill, parent, duplicate: false, created: false } };
}

function patchBill(world: BillWorld, patch: PatchBillBody) {
  world.patches.push(patch);
  if (patch.capacity !== undefined && patch.capacity < world.parents.length) {
    return errorResponse(409, 'BILL_CAPACITY_BELOW_ATTACHED', {
      bill: world.bill.billNo,
      capacity: patch.capacity,
      parentCount: world.parents.length,
    });
  }
  world.bill = figures({ ...world, bill: { ...world.bill, ...patch } });
  return HttpResponse.json(world.bill);
}

/**
 * One bill's API for web tests, with the real one's rules the bill page relies on: scanIds
 * replay their first answer (a replay never attaches twice), duplicates, PARENT_ON_OTHER_BILL,
 * BILL_FULL, capacity edits (BILL_CAPACITY_BELOW_ATTACHED) and delete. `state.isOffline` makes
 * attach requests fail as network errors; `state.isAnswerLost` processes them, then fails.
 */
export function createBillServer(overrides: Partial<Bill> = {}, parents: string[] = []) {
  const world: BillWorld = {
    bill: buildBill(overrides),
    parents: [...parents],
    elsewhere: new Map(),
    answers: new Map(),
    received: [],
    attached: [],
    patches: [],
    state: { isOffline: false, isAnswerLost: false, isDeleted: false },
  };
  world.bill = figures(world);
  const missing = () => errorResponse(404, 'BILL_NOT_FOUND', { bill: world.bill.billNo });
  const handlers = [
    http.get('/api/bills/:billNo', () =>
      world.state.isDeleted ? missing() : HttpResponse.json(detail(world)),
    ),
    http.post('/api/bills/:billNo/parents', async ({ request }) => {
      if (world.state.isOffline) {
        return HttpResponse.error();
      }
      const body = (await request.json()) as AttachBody;
      world.received.push(body.scanId);
      const answer = world.answers.get(body.scanId) ?? attach(world, body);
      world.answers.set(body.scanId, answer);
      return world.state.isAnswerLost ? HttpResponse.error() : reply(answer);
    }),
    http.patch('/api/bills/:billNo', async ({ request }) =>
      patchBill(world, (await request.json()) as PatchBillBody),
    ),
    http.delete('/api/bills/:billNo', () => {
      if (world.state.isDeleted) {
        return missing();
      }
      world.state.isDeleted = true;
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return {
    handlers,
    state: world.state,
    elsewhere: world.elsewhere,
    received: world.received,
    attached: world.attached,
    patches: world.patches,
    bill: () => world.bill,
  };
}
