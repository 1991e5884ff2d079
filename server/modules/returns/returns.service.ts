import { randomInt } from 'node:crypto';
import type {
  CancelReturnResult,
  CreateReturnBody,
  ListReturnsQuery,
  PatchReturnBody,
  ReturnScanBody,
  ReturnScanResult,
  ReturnTicket,
} from '../../../common/contracts/returns.js';
import { TICKET_CODE_PATTERN } from '../../../common/contracts/returns.js';
import { classifyCode, normaliseCode } from '../../../common/qr.js';
import { PAGE_LIMIT_DEFAULT } from '../../../common/validation.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { RequestCtx } from '../../platform/context.js';
import { actorOf } from '../../platform/context.js';
import { decodeCursor, encodeCursor, pageOf } from '../../platform/cursor.js';
import { bodyHash, functionCtx, unwrapAnswer, unwrapResult } from '../../platform/db-function.js';
import { auditRefusal } from '../../platform/scan-refusals.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { classificationError } from '../../platform/rule-errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import type { BagKindsService } from '../bag-kinds/bag-kinds.service.js';
import { type BillFacts, presentBillFacts } from '../bills/bills.presenter.js';
import * as fn from './returns-functions.repository.js';
import {
  type LineFacts,
  presentDetail,
  presentLineFacts,
  presentTicketFacts,
  presentTicketRow,
  type TicketFacts,
} from './returns.presenter.js';
import * as repo from './returns.repository.js';

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Attempts at a free code: 36⁴ codes a day make a second collision in a row vanishingly rare. */
const CODE_ATTEMPTS = 8;
const TICKET_CODE = new RegExp(TICKET_CODE_PATTERN);

/** Four random A-Z 0-9 characters. */
export function randomTicketSuffix(): string {
  return Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** `YYYYMMDD` of `at` in `timeZone`. */
export function ticketDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

/** A ticket code from a path: normalised like a scanned code (`rtn-…` finds `RTN-…`). */
function ticketCodeOf(raw: string): string {
  const code = normaliseCode(raw);
  if (!TICKET_CODE.test(code)) {
    throw notFound('ticket', code.length > 60 ? `${code.slice(0, 60)}…` : code);
  }
  return code;
}

const notesOf = (raw: string | null | undefined): string | null => raw?.trim() || null;

export interface ReturnsServiceOptions {
  /** The random part of new ticket codes (tests force collisions with it). */
  suffix?: () => string;
}

export function createReturnsService(
  deps: AppDeps,
  kinds: BagKindsService,
  options: ReturnsServiceOptions = {},
) {
  const { db } = deps.database;
  const env = { clock: deps.clock, config: deps.config };
  const suffix = options.suffix ?? randomTicketSuffix;

  /** @throws VALIDATION unless `location` is a configured dispatch area */
  function locationOf(raw: string): string {
    const location = raw.trim();
    if (!deps.config.DISPATCH_AREAS.includes(location)) {
      throw invalid(`Unknown dispatch area ${location}.`, {
        field: 'location',
        allowed: deps.config.DISPATCH_AREAS,
      });
    }
    return location;
  }

  /**
   * Opens a ticket at a C&F location (admin, biller); its code carries today's date in
   * TIME_ZONE. A code already taken is retried with new random characters.
   * @throws VALIDATION (unknown location)
   */
  async function create(ctx: RequestCtx, body: CreateReturnBody): Promise<ReturnTicket> {
    const location = locationOf(body.location);
    const notes = notesOf(body.notes);
    const actor = actorOf(ctx);
    for (let attempt = 1; ; attempt += 1) {
      const now = deps.clock.now();
      const code = `RTN-${ticketDate(now, deps.config.TIME_ZONE)}-${suffix()}`;
      try {
        const row = await db.transaction(async (tx) => {
          const ticket = await repo.insertTicket(tx, {
            code,
            location,
            notes,
            status: 'open',
            createdBy: actor.id,
            createdAt: now,
            updatedAt: now,
          });
          await writeAudit(tx, ctx, {
            action: 'return.create',
            entityType: 'return',
            entityId: code,
            after: { code, location, notes },
          });
          await fn.notify(tx, { ticket: code, status: 'open', location });
          return ticket;
        });
        return presentTicketRow({ ticket: row, createdBy: actor.username });
      } catch (error) {
        if (attempt < CODE_ATTEMPTS && isUniqueViolation(error, 'return_tickets_code_key')) {
          ctx.log.info({ code }, 'return ticket code taken; retrying');
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * Tickets newest first (keyset on createdAt, id); filters status, location, created from/to.
   * @throws VALIDATION (cursor, a range that ends before it starts)
   */
  async function list(_ctx: RequestCtx, query: ListReturnsQuery) {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from > to) {
      throw invalid('`from` must not be after `to`.', { field: 'from' });
    }
    let before: { at: Date; id: number } | undefined;
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor, { at: 'string', id: 'number' });
      const at = new Date(String(cursor.at));
      if (Number.isNaN(at.getTime()) || Number(cursor.id) < 1) {
        throw invalid('Malformed cursor.', { field: 'cursor' });
      }
      before = { at, id: Number(cursor.id) };
    }
    const rows = await repo.listTickets(
      db,
      {
        status: query.status,
        location: query.location?.trim() || undefined,
        from,
        to,
        before,
      },
      limit,
    );
    return pageOf(rows, limit, presentTicketRow, (row) =>
      encodeCursor({ at: row.ticket.createdAt.toISOString(), id: row.ticket.id }),
    );
  }

  /** The ticket with its lines in scan order. @throws TICKET_NOT_FOUND */
  async function get(_ctx: RequestCtx, rawCode: string) {
    const code = ticketCodeOf(rawCode);
    const ticket = await repo.findTicket(db, code);
    if (!ticket) {
      throw notFound('ticket', code);
    }
    return presentDetail(ticket, await repo.linesOf(db, ticket.ticket.id));
  }

  /**
   * Edits an open ticket's notes (audited). A closed ticket is a record and stays as it was.
   * @throws TICKET_NOT_FOUND, TICKET_CLOSED
   */
  async function editNotes(ctx: RequestCtx, rawCode: string, body: PatchReturnBody) {
    const code = ticketCodeOf(rawCode);
    const notes = notesOf(body.notes);
    return db.transaction(async (tx) => {
      const found = await repo.findTicket(tx, code, true);
      if (!found) {
        throw notFound('ticket', code);
      }
      const { ticket } = found;
      if (ticket.status !== 'open') {
        throw new AppError('TICKET_CLOSED', `Return ticket ${code} is ${ticket.status}.`, {
          ticket: code,
          status: ticket.status,
        });
      }
      if (ticket.notes === notes) {
        return presentTicketRow(found);
      }
      const now = deps.clock.now();
      await repo.updateNotes(tx, ticket.id, notes, now);
      await writeAudit(tx, ctx, {
        action: 'return.notes',
        entityType: 'return',
        entityId: code,
        before: { notes: ticket.notes },
        after: { notes },
      });
      await fn.notify(tx, { ticket: code, status: 'open', notes: true });
      return presentTicketRow({
        ticket: { ...ticket, notes, updatedAt: now },
        createdBy: found.createdBy,
      });
    });
  }

  /**
   * Scans a returned parent into an open ticket, in one round trip (SPEC §6): it leaves its bill
   * (figures recomputed, a completed bill reopens), and the line keeps the original bill.
   * @throws TICKET_NOT_FOUND, TICKET_CLOSED, QR_*, BAG_NOT_FOUND, PARENT_IN_OTHER_TICKET,
   *   PARENT_NOT_ON_BILL, SCAN_ID_REUSED
   */
  async function scan(
    ctx: RequestCtx,
    rawCode: string,
    body: ReturnScanBody,
  ): Promise<ReturnScanResult> {
    const code = ticketCodeOf(rawCode);
    const bag = classifyCode(body.qr, await kinds.rules());
    if (bag.type === 'error') {
      throw classificationError(bag, 'parent') ?? new Error('unreachable');
    }
    // A child code goes to the function too: its rules come after the ticket's (SPEC §6).
    const answer = await fn.scan(deps.database, {
      ctx: functionCtx(ctx, env, body.station),
      code,
      qr: bag.code,
      isParent: bag.type === 'parent',
      scanId: body.scanId,
      hash: bodyHash(['return', code, bag.code, body.station]),
    });
    deps.events.publish(answer.events);
    const result = unwrapAnswer<{
      ticket: TicketFacts;
      line: LineFacts;
      bill: BillFacts | null;
      duplicate: boolean;
    }>(answer);
    return {
      ticket: presentTicketFacts(result.ticket),
      line: presentLineFacts(result.line),
      bill: result.bill ? presentBillFacts(result.bill) : null,
      duplicate: result.duplicate,
    };
  }

  async function close(ctx: RequestCtx, rawCode: string, action: 'finalize' | 'cancel') {
    const code = ticketCodeOf(rawCode);
    const result = await fn.close(db, {
      ctx: functionCtx(ctx, env),
      code,
      action,
      autoComplete: deps.config.BILL_AUTO_COMPLETE,
    });
    return unwrapResult<{
      ticket: TicketFacts;
      restored: string[];
      notRestored: CancelReturnResult['notRestored'];
    }>(result);
  }

  /**
   * Commits an open ticket: its bags stay off their bills and are free again.
   * @throws TICKET_NOT_FOUND, TICKET_CLOSED, TICKET_EMPTY
   */
  async function finalize(ctx: RequestCtx, rawCode: string): Promise<ReturnTicket> {
    return presentTicketFacts((await close(ctx, rawCode, 'finalize')).ticket);
  }

  /**
   * Cancels an open ticket: each bag goes back on its original bill unless that bill was
   * deleted, has filled up or was completed; those are listed with the reason.
   * @throws TICKET_NOT_FOUND, TICKET_CLOSED
   */
  async function cancel(ctx: RequestCtx, rawCode: string): Promise<CancelReturnResult> {
    const result = await close(ctx, rawCode, 'cancel');
    return {
      ticket: presentTicketFacts(result.ticket),
      restored: result.restored,
      notRestored: result.notRestored,
    };
  }

  /** Refused return scans are kept in the audit log (SPEC §4). */
  const auditedScan = (ctx: RequestCtx, rawCode: string, body: ReturnScanBody) =>
    auditRefusal(
      deps,
      ctx,
      {
        endpoint: 'return',
        qr: body.qr,
        target: rawCode,
        scanId: body.scanId,
        station: body.station,
      },
      () => scan(ctx, rawCode, body),
    );

  return { create, list, get, editNotes, scan: auditedScan, finalize, cancel };
}

export type ReturnsService = ReturnType<typeof createReturnsService>;
