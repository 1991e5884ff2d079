import type { FastifyBaseLogger } from 'fastify';
import type { ScanChildBody, ScanParentBody, UndoBody } from '../../../common/contracts/bags.js';
import { classifyCode } from '../../../common/qr.js';
import { actorOf, type RequestCtx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, invalid } from '../../platform/errors.js';
import {
  bodyHash,
  functionCtx as toFunctionCtx,
  unwrapAnswer,
} from '../../platform/db-function.js';
import { auditRefusal } from '../../platform/scan-refusals.js';
import type { BagKindsService } from '../bag-kinds/bag-kinds.service.js';
import { classificationError } from '../../platform/rule-errors.js';
import type { BagFacts } from './scans.presenter.js';
import { presentChildScan, presentParentScan, presentUndo } from './scans.presenter.js';
import { createChildScanner } from './child-batcher.js';
import * as repo from './scans.repository.js';

export function createScansService(deps: AppDeps, kinds: BagKindsService, log?: FastifyBaseLogger) {
  const cfg = deps.config;
  // Child scans that fall due together share a transaction (ADR 0006); 1 turns that off.
  const linkChild =
    cfg.SCAN_BATCH_MAX > 1
      ? createChildScanner(deps.database, {
          maxBatch: cfg.SCAN_BATCH_MAX,
          onFallback: (error, scans) =>
            log?.warn({ err: error, scans }, 'child scan batch refused; its scans ran alone'),
        })
      : (scan: repo.ChildScanArgs) => repo.scanChild(deps.database, scan);

  const functionCtx = (ctx: RequestCtx, station: string | undefined) =>
    toFunctionCtx(ctx, { clock: deps.clock, config: cfg }, station);

  async function classify(raw: string, expected: 'parent' | 'child') {
    const result = classifyCode(raw, await kinds.rules());
    const error = classificationError(result, expected);
    if (error) {
      throw error;
    }
    return result;
  }

  /** Publishes the change's live events (none on a replay), then answers or throws. */
  const unwrap = <T>(answer: repo.FunctionAnswer): T => {
    deps.events.publish(answer.events);
    return unwrapAnswer<T>(answer);
  };

  /** The area a new parent gets. @throws AREA_FORBIDDEN, VALIDATION (unknown area) */
  function areaForNewParent(ctx: RequestCtx, requested: string | undefined): string | null {
    const actor = actorOf(ctx);
    if (actor.role === 'dispatcher') {
      if (requested !== undefined && requested !== actor.dispatchArea) {
        throw new AppError(
          'AREA_FORBIDDEN',
          `You pack for ${actor.dispatchArea ?? 'no area'} only.`,
          { area: requested },
        );
      }
      return actor.dispatchArea;
    }
    if (requested !== undefined && !cfg.DISPATCH_AREAS.includes(requested)) {
      throw invalid(`Unknown dispatch area ${requested}.`, {
        field: 'dispatchArea',
        allowed: cfg.DISPATCH_AREAS,
      });
    }
    return requested ?? null;
  }

  /**
   * PARENT state: opens a known parent or creates it (SPEC §4.1).
   * @throws QR_EMPTY, QR_INVALID, QR_INVALID_PARENT, QR_WRONG_TYPE, AREA_FORBIDDEN, SCAN_ID_REUSED, VALIDATION
   */
  async function scanParent(ctx: RequestCtx, body: ScanParentBody) {
    const parent = await classify(body.qr, 'parent');
    if (parent.type !== 'parent') {
      throw new Error('unreachable');
    }
    const area = areaForNewParent(ctx, body.dispatchArea);
    const answer = await repo.scanParent(deps.database, {
      ctx: functionCtx(ctx, body.station),
      qr: parent.code,
      kind: parent.kind.code,
      area,
      scanId: body.scanId,
      hash: bodyHash(['parent', parent.code, body.dispatchArea, body.station]),
    });
    return presentParentScan(unwrap<{ bag: BagFacts; created: boolean }>(answer));
  }

  /**
   * CHILD state: links one child into the parent (SPEC §4.2), all or nothing (in a transaction
   * shared with the child scans that fall due together, child-batcher.ts).
   * @throws QR_*, BAG_NOT_FOUND, AREA_FORBIDDEN, CHILD_IN_OTHER_PARENT, PARENT_FULL, BILL_CLOSED, SCAN_ID_REUSED
   */
  async function scanChild(ctx: RequestCtx, body: ScanChildBody) {
    const parent = await classify(body.parentQr, 'parent');
    const child = await classify(body.qr, 'child');
    const answer = await linkChild({
      ctx: functionCtx(ctx, body.station),
      parentQr: parent.code,
      qr: child.code,
      scanId: body.scanId,
      hash: bodyHash(['child', parent.code, child.code, body.station]),
    });
    return presentChildScan(
      unwrap<{ child: BagFacts; parent: BagFacts; created: boolean; duplicate: boolean }>(answer),
    );
  }

  /**
   * Undoes the user's last link on a parent within UNDO_WINDOW_MINUTES (SPEC §4.4).
   * @throws NOTHING_TO_UNDO, UNDO_WINDOW_PASSED, BAG_NOT_FOUND, QR_*, AREA_FORBIDDEN, SCAN_ID_REUSED
   */
  async function undo(ctx: RequestCtx, body: UndoBody) {
    const parent = await classify(body.parentQr, 'parent');
    const answer = await repo.undo(deps.database, {
      ctx: functionCtx(ctx, body.station),
      parentQr: parent.code,
      windowMinutes: cfg.UNDO_WINDOW_MINUTES,
      scanId: body.scanId ?? null,
      hash: bodyHash(['undo', parent.code]),
    });
    return presentUndo(
      unwrap<{ removed: string; childDeleted: boolean; parent: BagFacts }>(answer),
    );
  }

  // Refused scans are kept in the audit log (SPEC §4).
  return {
    scanParent: (ctx: RequestCtx, body: ScanParentBody) =>
      auditRefusal(
        deps,
        ctx,
        { endpoint: 'parent', qr: body.qr, scanId: body.scanId, station: body.station },
        () => scanParent(ctx, body),
      ),
    scanChild: (ctx: RequestCtx, body: ScanChildBody) =>
      auditRefusal(
        deps,
        ctx,
        {
          endpoint: 'child',
          qr: body.qr,
          target: body.parentQr,
          scanId: body.scanId,
          station: body.station,
        },
        () => scanChild(ctx, body),
      ),
    undo: (ctx: RequestCtx, body: UndoBody) =>
      auditRefusal(
        deps,
        ctx,
        { endpoint: 'undo', qr: body.parentQr, scanId: body.scanId, station: body.station },
        () => undo(ctx, body),
      ),
  };
}

export type ScansService = ReturnType<typeof createScansService>;
