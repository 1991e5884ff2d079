import { HttpResponse, http } from 'msw';
import type {
  CreateReturnBody,
  ReturnLine,
  ReturnScanBody,
  ReturnTicket,
  ReturnTicketDetail,
} from '@common/contracts/returns';
import { classifyCode, DEFAULT_BAG_KINDS } from '@common/qr';
import { buildReturnTicket } from '@/testing/data-generators';
import { errorResponse } from '@/testing/msw/handlers';
import { parentExpected, reply, type Answer } from '@/testing/msw/scan-answers';

interface ReturnsWorld {
  tickets: Map<string, ReturnTicketDetail>;
  /** Parent → the bill it is on. */
  onBill: Map<string, string>;
  /** Bills deleted since: cancel cannot put their parents back. */
  deletedBills: Set<string>;
  answers: Map<string, Answer>;
  created: CreateReturnBody[];
  /** Parents returned, in order: a replay must never return one twice. */
  returned: string[];
  state: { isOffline: boolean };
}

/** The ticket without its lines, as lists and scan answers carry it. */
function summaryOf(ticket: ReturnTicketDetail): ReturnTicket {
  const { lines: _lines, ...rest } = ticket;
  return rest;
}

function withLine(ticket: ReturnTicketDetail, line: ReturnLine): ReturnTicketDetail {
  const lines = [...ticket.lines, line];
  return {
    ...ticket,
    lines,
    bagCount: lines.length,
    childCount: lines.reduce((sum, l) => sum + l.childCount, 0),
    weightKg: lines.reduce((sum, l) => sum + l.weightKg, 0),
  };
}

/** SPEC §6 scan rules, in their order. */
function scanBag(world: ReturnsWorld, code: string, body: ReturnScanBody): Answer {
  const ticket = world.tickets.get(code);
  if (!ticket) {
    return { status: 404, error: 'TICKET_NOT_FOUND', details: { ticket: code } };
  }
  const scanned = classifyCode(body.qr, DEFAULT_BAG_KINDS);
  if (scanned.type !== 'parent') {
    return parentExpected(body.qr);
  }
  const qr = scanned.code;
  const existing = ticket.lines.find((line) => line.qr === qr);
  if (existing) {
    return { status: 200, body: { ticket, line: existing, bill: null, duplicate: true } };
  }
  if (ticket.status !== 'open') {
    return { status: 409, error: 'TICKET_CLOSED', details: { status: ticket.status } };
  }
  const bill = world.onBill.get(qr);
  if (!bill) {
    return { status: 409, error: 'PARENT_NOT_ON_BILL', details: { qr } };
  }
  world.onBill.delete(qr);
  world.returned.push(qr);
  const line: ReturnLine = {
    qr,
    originalBill: bill,
    childCount: 30,
    weightKg: 30,
    scannedBy: 'meena',
    scannedAt: '2025-03-03T10:00:00.000Z',
    restored: null,
    restoreNote: null,
  };
  const next = withLine(ticket, line);
  world.tickets.set(code, next);
  return { status: 200, body: { ticket: summaryOf(next), line, bill: null, duplicate: false } };
}

function close(world: ReturnsWorld, code: string, action: 'finalize' | 'cancel') {
  const ticket = world.tickets.get(code);
  if (!ticket) {
    return errorResponse(404, 'TICKET_NOT_FOUND', { ticket: code });
  }
  if (ticket.status !== 'open') {
    return errorResponse(409, 'TICKET_CLOSED', { status: ticket.status });
  }
  if (action === 'finalize') {
    if (ticket.lines.length === 0) {
      return errorResponse(409, 'TICKET_EMPTY', { ticket: code });
    }
    const committed = { ...ticket, status: 'committed' as const };
    world.tickets.set(code, committed);
    return HttpResponse.json(summaryOf(committed));
  }
  const isBack = (line: ReturnLine) => !world.deletedBills.has(line.originalBill ?? '');
  const lines = ticket.lines.map((line) =>
    isBack(line)
      ? { ...line, restored: true }
      : { ...line, restored: false, restoreNote: 'bill deleted' },
  );
  const cancelled = { ...ticket, lines, status: 'cancelled' as const };
  world.tickets.set(code, cancelled);
  return HttpResponse.json({
    ticket: summaryOf(cancelled),
    restored: lines.filter((line) => line.restored).map((line) => line.qr),
    notRestored: lines
      .filter((line) => !line.restored)
      .map((line) => ({ qr: line.qr, reason: 'bill deleted', bill: line.originalBill })),
  });
}

/**
 * The returns API for web tests: list, create, detail, scans (scanIds replay their first answer;
 * SPEC §6 rules), finalize (TICKET_EMPTY) and cancel (a parent whose bill was deleted is not put
 * back). `state.isOffline` makes scan requests fail as network errors.
 */
export function createReturnsServer() {
  const world: ReturnsWorld = {
    tickets: new Map(),
    onBill: new Map(),
    deletedBills: new Set(),
    answers: new Map(),
    created: [],
    returned: [],
    state: { isOffline: false },
  };
  const handlers = [
    http.get('/api/returns', () =>
      HttpResponse.json({ items: [...world.tickets.values()].map(summaryOf), nextCursor: null }),
    ),
    http.post('/api/returns', async ({ request }) => {
      const body = (await request.json()) as CreateReturnBody;
      world.created.push(body);
      const ticket = buildReturnTicket({
        code: `RTN-20250303-N00${world.created.length}`,
        location: body.location,
        notes: body.notes ?? null,
      });
      world.tickets.set(ticket.code, ticket);
      return HttpResponse.json(summaryOf(ticket), { status: 201 });
    }),
    http.get('/api/returns/:code', ({ params }) => {
      const ticket = world.tickets.get(String(params.code));
      return ticket
        ? HttpResponse.json(ticket)
        : errorResponse(404, 'TICKET_NOT_FOUND', { ticket: params.code });
    }),
    http.post('/api/returns/:code/bags', async ({ params, request }) => {
      if (world.state.isOffline) {
        return HttpResponse.error();
      }
      const body = (await request.json()) as ReturnScanBody;
      const answer = world.answers.get(body.scanId) ?? scanBag(world, String(params.code), body);
      world.answers.set(body.scanId, answer);
      return reply(answer);
    }),
    http.post('/api/returns/:code/finalize', ({ params }) =>
      close(world, String(params.code), 'finalize'),
    ),
    http.post('/api/returns/:code/cancel', ({ params }) =>
      close(world, String(params.code), 'cancel'),
    ),
  ];
  return {
    handlers,
    state: world.state,
    onBill: world.onBill,
    deletedBills: world.deletedBills,
    created: world.created,
    returned: world.returned,
    /** Adds a ticket (open, no lines unless told otherwise). */
    seedTicket(overrides: Partial<ReturnTicketDetail> = {}) {
      const ticket = buildReturnTicket(overrides);
      world.tickets.set(ticket.code, ticket);
      return ticket;
    },
    ticket: (code: string) => world.tickets.get(code),
  };
}
