import type {
  AttachBody,
  AttachResult,
  CreateBillBody,
  RemoveParentResult,
} from '../../../common/contracts/bills.js';
import { classifyCode } from '../../../common/qr.js';
import { isUniqueViolation } from '../../db/errors.js';
import { actorOf, type RequestCtx } from '../../platform/context.js';
import { bodyHash, functionCtx, unwrapAnswer, unwrapResult } from '../../platform/db-function.js';
import { auditRefusal } from '../../platform/scan-refusals.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { classificationError } from '../../platform/rule-errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import type { BagKindsService } from '../bag-kinds/bag-kinds.service.js';
import type { BagFacts } from '../scans/scans.presenter.js';
import { presentBagFacts } from '../scans/scans.presenter.js';
import * as fn from './bills-functions.repository.js';
import { type BillFacts, presentBillFacts } from './bills.presenter.js';
import { billNoOf, cleanText } from './bill-input.js';
import { createBillDelete } from './bills-delete.service.js';
import { createBillQueries } from './bills-query.service.js';
import { createBillState } from './bills-state.service.js';
import { createBillWeights } from './bills-weights.service.js';
import * as repo from './bills.repository.js';

export { billNoOf, cleanText } from './bill-input.js';

/** A second read of the same parent on the same bill within this window is one scan (SPEC §5). */
export const DOUBLE_READ_MS = 3_000;

export function createBillsService(deps: AppDeps, kinds: BagKindsService) {
  const { db } = deps.database;
  const env = { clock: deps.clock, config: deps.config };

  /**
   * Creates a bill (admin, biller).
   * @throws BILL_EXISTS, VALIDATION
   */
  async function create(ctx: RequestCtx, body: CreateBillBody) {
    const billNo = billNoOf(body.billNo);
    const actor = actorOf(ctx);
    const now = deps.clock.now();
    try {
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertBill(tx, {
          billNo,
          capacity: body.capacity,
          description: cleanText(body.description),
          destination: cleanText(body.destination),
          vehicleNumber: cleanText(body.vehicleNumber),
          status: 'new',
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        });
        await repo.bumpBillCounter(tx, 'new', 1);
        await fn.addEvent(tx, {
          ctx: functionCtx(ctx, env),
          billId: row.id,
          action: 'create',
          after: { capacity: row.capacity },
        });
        await writeAudit(tx, ctx, {
          action: 'bill.create',
          entityType: 'bill',
          entityId: billNo,
          after: { ...body, billNo },
        });
        return row.id;
      });
      deps.events.publish([repo.liveBill(billNo, { action: 'create', status: 'new' })]);
      return presentBillFacts(await fn.billJson<BillFacts>(db, id));
    } catch (error) {
      if (isUniqueViolation(error, 'bills_bill_no_key')) {
        throw new AppError('BILL_EXISTS', `Bill ${billNo} already exists.`, { bill: billNo });
      }
      throw error;
    }
  }

  /**
   * Attaches a scanned or typed parent to a bill, in one round trip (SPEC §5).
   * @throws BILL_NOT_FOUND, BAG_NOT_FOUND, QR_*, BILL_CLOSED, PARENT_ON_OTHER_BILL,
   *   PARENT_IN_OPEN_TICKET, BILL_FULL, SCAN_ID_REUSED
   */
  async function attach(
    ctx: RequestCtx,
    rawBillNo: string,
    body: AttachBody,
  ): Promise<AttachResult> {
    const billNo = billNoOf(rawBillNo);
    const code = classifyCode(body.qr, await kinds.rules());
    if (code.type === 'error') {
      throw classificationError(code, 'parent') ?? new Error('unreachable');
    }
    // A child code goes on to the function: BILL_NOT_FOUND and BAG_NOT_FOUND come before
    // QR_WRONG_TYPE in SPEC §5's order.
    const manual = body.manual === true;
    const answer = await fn.attach(deps.database, {
      ctx: functionCtx(ctx, env, body.station),
      billNo,
      qr: code.code,
      kind: code.type === 'parent' ? code.kind.code : null,
      manual,
      autoComplete: deps.config.BILL_AUTO_COMPLETE,
      debounceMs: DOUBLE_READ_MS,
      scanId: body.scanId,
      hash: bodyHash(['bill', billNo, code.code, manual, body.station]),
    });
    deps.events.publish(answer.events);
    const result = unwrapAnswer<{
      bill: BillFacts;
      parent: BagFacts;
      duplicate: boolean;
      created: boolean;
    }>(answer);
    return {
      bill: presentBillFacts(result.bill),
      parent: presentBagFacts(result.parent),
      duplicate: result.duplicate,
      created: result.created,
    };
  }

  /**
   * Takes a parent off a bill (figures recomputed; a completed bill reopens).
   * @throws BILL_NOT_FOUND, BAG_NOT_FOUND, QR_*, PARENT_NOT_ON_BILL
   */
  async function removeParent(
    ctx: RequestCtx,
    rawBillNo: string,
    rawQr: string,
  ): Promise<RemoveParentResult> {
    const billNo = billNoOf(rawBillNo);
    const code = classifyCode(rawQr, await kinds.rules());
    if (code.type === 'error') {
      throw classificationError(code, 'parent') ?? new Error('unreachable');
    }
    const answer = await fn.removeParent(db, { ctx: functionCtx(ctx, env), billNo, qr: code.code });
    const result = unwrapResult<{ bill: BillFacts; events?: unknown[] }>(answer);
    deps.events.publish(result.events);
    return { bill: presentBillFacts(result.bill) };
  }

  return {
    create,
    /** Refused attach scans are kept in the audit log (SPEC §4). */
    attach: (ctx: RequestCtx, rawBillNo: string, body: AttachBody) =>
      auditRefusal(
        deps,
        ctx,
        {
          endpoint: 'bill',
          qr: body.qr,
          target: rawBillNo,
          scanId: body.scanId,
          station: body.station,
        },
        () => attach(ctx, rawBillNo, body),
      ),
    removeParent,
    ...createBillQueries(deps),
    ...createBillState(deps),
    ...createBillDelete(deps),
    weights: createBillWeights(deps),
  };
}

export type BillsService = ReturnType<typeof createBillsService>;
