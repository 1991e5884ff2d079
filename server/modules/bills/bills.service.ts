import { isValidBillNo, normaliseBillNo } from '../../../common/bills.js';
import type { AttachBody, AttachResult, CreateBillBody } from '../../../common/contracts/bills.js';
import { classifyCode } from '../../../common/qr.js';
import { sql } from 'drizzle-orm';
import { isUniqueViolation } from '../../db/errors.js';
import { actorOf, type RequestCtx } from '../../platform/context.js';
import { bodyHash, functionCtx, unwrapResult } from '../../platform/db-function.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, invalid } from '../../platform/errors.js';
import { classificationError } from '../../platform/rule-errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import type { BagKindsService } from '../bag-kinds/bag-kinds.service.js';
import type { BagFacts } from '../scans/scans.presenter.js';
import { presentBagFacts } from '../scans/scans.presenter.js';
import * as fn from './bills-functions.repository.js';
import { type BillFacts, presentBillFacts } from './bills.presenter.js';
import * as repo from './bills.repository.js';

/** A second read of the same parent on the same bill within this window is one scan (SPEC §5). */
export const DOUBLE_READ_MS = 3_000;

/** @throws VALIDATION when the bill number is empty or too long after normalisation */
export function billNoOf(raw: string): string {
  const billNo = normaliseBillNo(raw);
  if (!isValidBillNo(billNo)) {
    throw invalid('A bill number has 1–50 characters.', { field: 'billNo' });
  }
  return billNo;
}

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
          description: body.description ?? null,
          destination: body.destination ?? null,
          vehicleNumber: body.vehicleNumber ?? null,
          status: 'new',
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        });
        await tx.execute(sql`select tt_bump('', 'bills_new', 0, 1)`);
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
    const manual = body.manual === true;
    const answer = await fn.attach(db, {
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
    const result = unwrapResult<{
      bill: BillFacts;
      parent: BagFacts;
      duplicate: boolean;
      created: boolean;
    }>(answer.result);
    return {
      bill: presentBillFacts(result.bill),
      parent: presentBagFacts(result.parent),
      duplicate: result.duplicate,
      created: result.created,
    };
  }

  return { create, attach };
}

export type BillsService = ReturnType<typeof createBillsService>;
