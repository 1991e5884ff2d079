import type { Executor, Tx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { prefixRange } from './bags.policy.js';
import * as repo from './bags.repository.js';

/**
 * What a kind change means for the bags already stored; the bag-kinds service calls these in
 * its transaction so that only this module touches the bags table.
 */

/**
 * A reserved prefix turns every code starting with it that fails the kind's pattern into
 * QR_INVALID_PARENT, so it must not capture a child bag already stored.
 * @throws BAG_KIND_PREFIX_IN_USE
 */
export async function assertPrefixFree(ex: Executor, prefix: string): Promise<void> {
  const range = prefixRange(prefix.toUpperCase());
  const child = range ? await repo.findChildInRange(ex, range) : undefined;
  if (child !== undefined) {
    throw new AppError(
      'BAG_KIND_PREFIX_IN_USE',
      `Child bag ${child} starts with ${prefix}; a reserved prefix would make it unreadable.`,
      { prefix, child },
    );
  }
}

/**
 * A new pattern must keep reading every stored bag as it was stored (SPEC §2: one role per code,
 * forever): each parent of the kind still matches it, and no child under the prefix does (a new
 * prefix is checked whole by assertPrefixFree).
 * @throws BAG_KIND_PATTERN_IN_USE, BAG_KIND_PREFIX_IN_USE
 */
export async function assertPatternFits(
  ex: Executor,
  kind: string,
  next: { pattern: string; prefix: string },
): Promise<void> {
  const { pattern, prefix } = next;
  const parent = await repo.findParentNotMatching(ex, kind, pattern);
  if (parent !== undefined) {
    throw new AppError(
      'BAG_KIND_PATTERN_IN_USE',
      `Parent bag ${parent} of kind ${kind} does not match ${pattern}; it would become unreadable.`,
      { kind, pattern, example: parent },
    );
  }
  const range = prefixRange(prefix);
  const child = range ? await repo.findChildInRange(ex, range, pattern) : undefined;
  if (child !== undefined) {
    throw new AppError(
      'BAG_KIND_PREFIX_IN_USE',
      `Child bag ${child} matches ${pattern}; it would be read as a parent.`,
      { prefix, child },
    );
  }
}

/**
 * A kind's capacity cannot drop below what a parent of it already holds.
 * @throws BAG_KIND_MAX_BELOW_CHILDREN
 */
export async function assertCapacityFits(
  ex: Executor,
  kind: string,
  maxChildren: number,
): Promise<void> {
  const fullest = await repo.findParentAbove(ex, kind, maxChildren);
  if (fullest) {
    throw new AppError(
      'BAG_KIND_MAX_BELOW_CHILDREN',
      `${fullest.qr} already holds ${fullest.childCount} child bags, more than ${maxChildren}.`,
      { kind, maxChildren, parent: fullest.qr, childCount: fullest.childCount },
    );
  }
}

/**
 * After a capacity change, a parent is complete exactly when it holds the new maximum (the rule
 * the packing functions apply). Answers how many parents changed status.
 */
export async function syncParentStatuses(
  tx: Tx,
  kind: string,
  maxChildren: number,
  at: Date,
): Promise<number> {
  return repo.syncKindStatuses(tx, kind, maxChildren, at);
}
