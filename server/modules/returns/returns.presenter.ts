import type {
  ReturnLine,
  ReturnTicket,
  ReturnTicketDetail,
} from '../../../common/contracts/returns.js';
import type { LineWithScanner, TicketWithCreator } from './returns.repository.js';

const iso = (value: string | Date) => new Date(value).toISOString();

/** A ticket as tt_ticket_json describes it (timestamps as JSON strings). */
export interface TicketFacts {
  code: string;
  location: string;
  notes: string | null;
  status: ReturnTicket['status'];
  bagCount: number;
  childCount: number;
  weightKg: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** A line as tt_return_line_json describes it. */
export interface LineFacts {
  qr: string;
  originalBill: string | null;
  childCount: number;
  weightKg: number;
  scannedBy: string | null;
  scannedAt: string;
  restored: boolean | null;
  restoreNote: string | null;
}

export function presentTicketFacts(facts: TicketFacts): ReturnTicket {
  return {
    code: facts.code,
    location: facts.location,
    notes: facts.notes,
    status: facts.status,
    bagCount: facts.bagCount,
    childCount: facts.childCount,
    weightKg: facts.weightKg,
    createdBy: facts.createdBy,
    createdAt: iso(facts.createdAt),
    updatedAt: iso(facts.updatedAt),
    closedAt: facts.closedAt ? iso(facts.closedAt) : null,
  };
}

export function presentLineFacts(facts: LineFacts): ReturnLine {
  return { ...facts, scannedAt: iso(facts.scannedAt) };
}

export function presentTicketRow({ ticket, createdBy }: TicketWithCreator): ReturnTicket {
  return {
    code: ticket.code,
    location: ticket.location,
    notes: ticket.notes,
    status: ticket.status,
    bagCount: ticket.bagCount,
    childCount: ticket.childCount,
    weightKg: ticket.weightKg,
    createdBy,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    closedAt: ticket.closedAt ? ticket.closedAt.toISOString() : null,
  };
}

export function presentLineRow({ line, scannedBy }: LineWithScanner): ReturnLine {
  return {
    qr: line.qr,
    originalBill: line.originalBillNo,
    childCount: line.childCount,
    weightKg: line.weightKg,
    scannedBy,
    scannedAt: line.scannedAt.toISOString(),
    restored: line.restored,
    restoreNote: line.restoreNote,
  };
}

export function presentDetail(
  ticket: TicketWithCreator,
  lines: LineWithScanner[],
): ReturnTicketDetail {
  return { ...presentTicketRow(ticket), lines: lines.map(presentLineRow) };
}
