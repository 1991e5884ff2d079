import type { BagKind } from '../../../common/contracts/bags.js';
import { checkKindPattern } from '../../../common/kind-pattern.js';
import type { BagKindRule } from '../../../common/qr.js';
import type { BagKindRow } from '../../db/schema/bags.js';
import type { RequestCtx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, invalid } from '../../platform/errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import {
  assertCapacityFits,
  assertPatternFits,
  assertPrefixFree,
  syncParentStatuses,
} from '../bags/bag-kind-guards.js';
import * as repo from './bag-kinds.repository.js';

/** How long another instance may keep a stale list after an admin edits kinds. */
const CACHE_MS = 5_000;

export function presentKind(row: BagKindRow): BagKind {
  return {
    code: row.code,
    label: row.label,
    prefix: row.prefix,
    pattern: row.pattern,
    maxChildren: row.maxChildren,
    expectedKg: row.expectedKg,
  };
}

export interface KindInput {
  code?: string;
  label?: string;
  prefix?: string;
  pattern?: string;
  maxChildren?: number;
  expectedKg?: number;
}

/**
 * Every scan runs the pattern, so it must compile, be anchored (^…$), start with the prefix, and
 * run in linear time (common/kind-pattern.ts).
 * @throws VALIDATION naming the field and the reason
 */
function assertPattern(pattern: string, prefix: string) {
  const reason = checkKindPattern(pattern, prefix);
  if (reason !== null) {
    throw invalid(reason, { field: 'pattern', reason });
  }
}

const kindNotFound = (code: string) =>
  new AppError('BAG_KIND_NOT_FOUND', `Bag kind ${code} not found.`, { kind: code.toUpperCase() });

export function createBagKindsService(deps: AppDeps) {
  const { db } = deps.database;
  let cache: { at: number; kinds: BagKindRule[] } | null = null;

  /**
   * Parent formats, cached for a few seconds (read on every scan). A pattern stored before the
   * safety check existed and failing it is left out: one slow pattern would stall every scan.
   */
  async function rules(): Promise<BagKindRule[]> {
    const now = Date.now();
    if (!cache || now - cache.at > CACHE_MS) {
      const kinds = (await repo.listKinds(db)).map(presentKind);
      cache = {
        at: now,
        kinds: kinds.filter((k) => checkKindPattern(k.pattern, k.prefix) === null),
      };
    }
    return cache.kinds;
  }

  function invalidate() {
    cache = null;
  }

  /**
   * Adds a parent format (admin).
   * @throws BAG_KIND_EXISTS, BAG_KIND_PREFIX_IN_USE, VALIDATION for a bad pattern
   */
  async function create(ctx: RequestCtx, input: Required<KindInput>) {
    const code = input.code.toUpperCase();
    const prefix = input.prefix.toUpperCase();
    assertPattern(input.pattern, prefix);
    const row = await db.transaction(async (tx) => {
      const at = deps.clock.now();
      await assertPrefixFree(tx, prefix);
      const created = await repo.insertKind(tx, {
        ...input,
        code,
        prefix,
        createdAt: at,
        updatedAt: at,
      });
      if (!created) {
        throw new AppError('BAG_KIND_EXISTS', `Bag kind ${code} already exists.`, { kind: code });
      }
      await writeAudit(tx, ctx, {
        action: 'bag_kind.create',
        entityType: 'bag_kind',
        entityId: code,
        after: presentKind(created),
      });
      return created;
    });
    invalidate();
    return presentKind(row);
  }

  /**
   * Edits a parent format (admin). A new capacity re-derives the status of the kind's parents.
   * @throws BAG_KIND_NOT_FOUND, BAG_KIND_MAX_BELOW_CHILDREN, BAG_KIND_PREFIX_IN_USE,
   *   BAG_KIND_PATTERN_IN_USE, VALIDATION
   */
  async function update(ctx: RequestCtx, code: string, input: KindInput) {
    const row = await db.transaction(async (tx) => {
      const before = await repo.findKindForUpdate(tx, code.toUpperCase());
      if (!before) {
        throw kindNotFound(code);
      }
      const prefix = (input.prefix ?? before.prefix).toUpperCase();
      const pattern = input.pattern ?? before.pattern;
      assertPattern(pattern, prefix);
      if (prefix !== before.prefix) {
        await assertPrefixFree(tx, prefix);
      }
      if (pattern !== before.pattern) {
        await assertPatternFits(tx, before.code, { pattern, prefix });
      }
      const capacityChanged =
        input.maxChildren !== undefined && input.maxChildren !== before.maxChildren;
      if (
        capacityChanged &&
        input.maxChildren !== undefined &&
        input.maxChildren < before.maxChildren
      ) {
        await assertCapacityFits(tx, before.code, input.maxChildren);
      }
      const now = deps.clock.now();
      const after = await repo.updateKind(tx, before.code, { ...input, prefix, updatedAt: now });
      if (!after) {
        throw kindNotFound(code);
      }
      const statusesChanged = capacityChanged
        ? await syncParentStatuses(tx, after.code, after.maxChildren, now)
        : 0;
      await writeAudit(tx, ctx, {
        action: 'bag_kind.update',
        entityType: 'bag_kind',
        entityId: before.code,
        before: presentKind(before),
        after: { ...presentKind(after), parentStatusesChanged: statusesChanged },
      });
      return after;
    });
    invalidate();
    return presentKind(row);
  }

  /** Every kind, by code (read from the database, so an edit shows at once). */
  async function list() {
    return { items: (await repo.listKinds(db)).map(presentKind) };
  }

  return { rules, invalidate, create, update, list };
}

export type BagKindsService = ReturnType<typeof createBagKindsService>;
