import { classifyCode } from '../../../common/qr.js';
import { actorOf, type RequestCtx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import type { BagKindsService } from '../bag-kinds/bag-kinds.service.js';
import { canSeeArea, listAreaFor } from './bags.policy.js';

/** A code as the bag endpoints use it: normalised, classified, its kind's code for parents. */
export interface LookupCode {
  code: string;
  type: 'parent' | 'child';
}

/** Classification and area scoping shared by the bag use cases. */
export function createBagAccess(deps: AppDeps, kinds: BagKindsService) {
  const { db } = deps.database;

  /**
   * Normalises and classifies a code as a scan would (SPEC §2).
   * @throws QR_EMPTY, QR_INVALID, QR_INVALID_PARENT
   */
  async function classify(raw: string): Promise<LookupCode & { kind: string | null }> {
    const result = classifyCode(raw, await kinds.rules());
    if (result.type === 'error') {
      throw new AppError(result.error, result.message, {
        qr: result.code,
        ...(result.accepted ? { accepted: result.accepted } : {}),
      });
    }
    return {
      code: result.code,
      type: result.type,
      kind: result.type === 'parent' ? result.kind.code : null,
    };
  }

  /** Every denied attempt is audited (SPEC §3). @throws AREA_FORBIDDEN */
  async function denyArea(ctx: RequestCtx, qr: string | null, area: string | null): Promise<never> {
    const actor = actorOf(ctx);
    await writeAudit(db, ctx, {
      action: 'security.denied',
      entityType: 'bag',
      ...(qr === null ? {} : { entityId: qr }),
      after: { reason: 'area', code: 'AREA_FORBIDDEN', area, ownArea: actor.dispatchArea },
      security: true,
    });
    ctx.log.warn({ code: 'AREA_FORBIDDEN', area }, 'request denied');
    const what =
      qr === null ? `Bags of ${area ?? 'no area'}` : `${qr} (${area ?? 'no dispatch area'})`;
    throw new AppError(
      'AREA_FORBIDDEN',
      `${what}: you may see only ${actor.dispatchArea ?? 'your own area'}.`,
      {
        ...(qr === null ? {} : { qr }),
        area,
      },
    );
  }

  /** @throws AREA_FORBIDDEN when a dispatcher looks at a bag of another area */
  async function assertVisible(ctx: RequestCtx, qr: string, area: string | null): Promise<void> {
    if (!canSeeArea(actorOf(ctx), area)) {
      await denyArea(ctx, qr, area);
    }
  }

  /** The area a list is scoped to. @throws AREA_FORBIDDEN for a dispatcher asking for another area */
  async function listArea(
    ctx: RequestCtx,
    requested: string | undefined,
  ): Promise<string | undefined> {
    const scope = listAreaFor(actorOf(ctx), requested);
    if ('forbidden' in scope) {
      return denyArea(ctx, null, scope.forbidden);
    }
    return scope.area;
  }

  return { classify, assertVisible, listArea };
}

export type BagAccess = ReturnType<typeof createBagAccess>;
