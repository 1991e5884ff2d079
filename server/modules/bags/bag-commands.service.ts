import type { Bag, CreateBagBody } from '../../../common/contracts/bags.js';
import type { Tx } from '../../db/client.js';
import type { BagRow } from '../../db/schema/bags.js';
import { actorOf, type RequestCtx } from '../../platform/context.js';
import { functionCtx } from '../../platform/db-function.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, invalid } from '../../platform/errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import { lockBillById, recomputeBillFigures } from '../bills/bill-contents.js';
import type { BagAccess } from './bag-access.js';
import { deletedSnapshot, presentBag } from './bags.presenter.js';
import * as repo from './bags.repository.js';

/** Counter shards spread writers (migration 0002 uses 8, keyed by station or user). */
const SHARDS = 8;

const notFound = (qr: string) => new AppError('BAG_NOT_FOUND', `Bag ${qr} not found.`, { qr });

/** Creating and deleting bags by hand (admins and billers; packing creates bags on its own). */
export function createBagCommands(deps: AppDeps, access: BagAccess) {
  const { db } = deps.database;
  const cfg = deps.config;

  /**
   * Creates a bag; its type (and a parent's kind) come from the code's classification.
   * @throws QR_EMPTY, QR_INVALID, QR_INVALID_PARENT, QR_WRONG_TYPE, BAG_EXISTS, VALIDATION (area)
   */
  async function create(ctx: RequestCtx, body: CreateBagBody): Promise<Bag> {
    const actor = actorOf(ctx);
    const { code, type, kind } = await access.classify(body.qr);
    if (body.type !== undefined && body.type !== type) {
      throw new AppError('QR_WRONG_TYPE', `${code} is a ${type} code, not a ${body.type} code.`, {
        qr: code,
        expected: body.type,
        actual: type,
      });
    }
    const area = body.dispatchArea ?? null;
    if (area !== null && !cfg.DISPATCH_AREAS.includes(area)) {
      throw invalid(`Unknown dispatch area ${area}.`, {
        field: 'dispatchArea',
        allowed: cfg.DISPATCH_AREAS,
      });
    }
    const now = deps.clock.now();
    const row = await db.transaction(async (tx) => {
      const created = await repo.insertBag(tx, {
        qr: code,
        type,
        kind,
        status: type === 'parent' ? 'empty' : null,
        weightKg: type === 'child' ? 1 : 0,
        dispatchArea: area,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      if (!created) {
        throw new AppError('BAG_EXISTS', `Bag ${code} already exists.`, { qr: code });
      }
      const shard = actor.id % SHARDS;
      await repo.bumpCounter(tx, {
        area,
        metric: type === 'parent' ? 'parents' : 'children',
        shard,
        delta: 1,
      });
      if (type === 'child') {
        await repo.bumpCounter(tx, { area, metric: 'unlinked_children', shard, delta: 1 });
      }
      await writeAudit(tx, ctx, {
        action: 'bag.create',
        entityType: 'bag',
        entityId: code,
        after: { type, kind, dispatchArea: area },
      });
      return created;
    });
    return presentBag(row, actor.username);
  }

  /**
   * Locks the bag and, for a linked child, its parent first: the packing functions lock the
   * parent before the child, so taking them in the same order cannot deadlock with a packer.
   * @throws BAG_NOT_FOUND
   */
  async function lockForDelete(
    tx: Tx,
    code: string,
  ): Promise<{ bag: BagRow; parent: BagRow | undefined }> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const seen = await repo.findBagByQr(tx, code);
      if (!seen) {
        throw notFound(code);
      }
      const parent = seen.parentId === null ? undefined : await repo.lockBagById(tx, seen.parentId);
      const bag = await repo.lockBagById(tx, seen.id);
      if (!bag) {
        throw notFound(code);
      }
      if (bag.parentId === (parent?.id ?? null)) {
        return { bag, parent };
      }
    }
    throw new AppError('SERVICE_UNAVAILABLE', `Bag ${code} keeps changing; try again.`, {
      qr: code,
    });
  }

  /**
   * Takes a child out of its parent, as undo does, recording why (SPEC §4 weights). The contents
   * of a completed bill do not change (as for packing and undo).
   * @throws BILL_CLOSED
   */
  async function unlinkForDelete(tx: Tx, ctx: RequestCtx, child: BagRow, parent: BagRow) {
    const bill = parent.billId === null ? undefined : await lockBillById(tx, parent.billId);
    if (bill?.status === 'completed') {
      throw new AppError(
        'BILL_CLOSED',
        `${child.qr} is in ${parent.qr}, on completed bill ${bill.billNo}; reopen the bill first.`,
        { qr: child.qr, parent: parent.qr, bill: bill.billNo },
      );
    }
    const now = deps.clock.now();
    const count = Math.max(parent.childCount - 1, 0);
    await repo.updateParentCount(tx, parent.id, {
      childCount: count,
      status: count === 0 ? 'empty' : 'in_progress',
      updatedAt: now,
    });
    await repo.insertLinkEvent(tx, {
      at: now,
      action: 'unlink',
      childId: child.id,
      childQr: child.qr,
      parentId: parent.id,
      parentQr: parent.qr,
      userId: actorOf(ctx).id,
      reason: 'delete',
    });
    await repo.notifyEvent(tx, {
      type: 'unlink',
      area: parent.dispatchArea,
      parent: parent.qr,
      child: child.qr,
      childCount: count,
    });
  }

  /**
   * A parent on a bill, or in an open return ticket (whose cancel would put it back on its
   * bill), is not deleted. The bag's row lock keeps both from changing meanwhile.
   * @throws BAG_ON_BILL, PARENT_IN_OPEN_TICKET
   */
  async function refuseWhileBilled(tx: Tx, bag: BagRow) {
    if (bag.billId !== null) {
      const bill = (await repo.findBillNo(tx, bag.billId)) ?? String(bag.billId);
      throw new AppError(
        'BAG_ON_BILL',
        `${bag.qr} is on bill ${bill}; take it off the bill first.`,
        {
          qr: bag.qr,
          bill,
        },
      );
    }
    if (bag.openTicketId !== null) {
      const ticket = (await repo.findTicketCode(tx, bag.openTicketId)) ?? String(bag.openTicketId);
      throw new AppError(
        'PARENT_IN_OPEN_TICKET',
        `${bag.qr} is in open return ticket ${ticket}; finalize or cancel the ticket first.`,
        { qr: bag.qr, ticket },
      );
    }
  }

  /**
   * Deletes a bag (kept forever in the audit log). A linked child leaves its parent first, and
   * the parent's bill, if any, is recomputed.
   * @throws QR_*, BAG_NOT_FOUND, BAG_HAS_CHILDREN, BAG_ON_BILL, PARENT_IN_OPEN_TICKET, BILL_CLOSED
   */
  async function remove(ctx: RequestCtx, raw: string): Promise<void> {
    const { code } = await access.classify(raw);
    await db.transaction(async (tx) => {
      const { bag, parent } = await lockForDelete(tx, code);
      if (bag.type === 'parent' && bag.childCount > 0) {
        throw new AppError(
          'BAG_HAS_CHILDREN',
          `${code} still holds ${bag.childCount} child bags.`,
          {
            qr: code,
            childCount: bag.childCount,
          },
        );
      }
      await refuseWhileBilled(tx, bag);
      if (parent) {
        await unlinkForDelete(tx, ctx, bag, parent);
      }
      if (parent && parent.billId !== null) {
        // The parent's bill counts this child: its figures move in the same transaction.
        await recomputeBillFigures(tx, functionCtx(ctx, deps), parent.billId);
      }
      await repo.deleteBagById(tx, bag.id);
      const shard = actorOf(ctx).id % SHARDS;
      const area = bag.dispatchArea;
      await repo.bumpCounter(tx, {
        area,
        metric: bag.type === 'parent' ? 'parents' : 'children',
        shard,
        delta: -1,
      });
      if (bag.type === 'child' && !parent) {
        await repo.bumpCounter(tx, { area, metric: 'unlinked_children', shard, delta: -1 });
      }
      await writeAudit(tx, ctx, {
        action: 'bag.delete',
        entityType: 'bag',
        entityId: code,
        before: deletedSnapshot(bag, parent?.qr ?? null),
        security: true,
      });
    });
  }

  return { create, remove };
}
