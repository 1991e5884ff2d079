import type {
  Bag,
  ScanChildResult,
  ScanParentResult,
  UndoResult,
} from '../../../common/contracts/bags.js';

/** A bag as the packing functions describe it (tt_bag_json). */
export interface BagFacts {
  qr: string;
  type: 'parent' | 'child';
  kind: string | null;
  status: Bag['status'];
  childCount: number;
  weightKg: number;
  dispatchArea: string | null;
  createdAt: string;
  createdBy: string | null;
  maxChildren: number | null;
}

export function presentBagFacts(facts: BagFacts): Bag {
  return {
    qr: facts.qr,
    type: facts.type,
    kind: facts.kind,
    status: facts.status,
    childCount: facts.childCount,
    weightKg: facts.weightKg,
    dispatchArea: facts.dispatchArea,
    createdAt: new Date(facts.createdAt).toISOString(),
    createdBy: facts.createdBy,
  };
}

function progress(parent: BagFacts) {
  return {
    qr: parent.qr,
    childCount: parent.childCount,
    maxChildren: parent.maxChildren ?? 0,
    complete: parent.status === 'complete',
  };
}

export function presentParentScan(result: { bag: BagFacts; created: boolean }): ScanParentResult {
  const { childCount, maxChildren, complete } = progress(result.bag);
  return {
    bag: presentBagFacts(result.bag),
    created: result.created,
    childCount,
    maxChildren,
    complete,
  };
}

export function presentChildScan(result: {
  child: BagFacts;
  parent: BagFacts;
  created: boolean;
  duplicate: boolean;
}): ScanChildResult {
  return {
    child: presentBagFacts(result.child),
    parent: progress(result.parent),
    created: result.created,
    duplicate: result.duplicate,
  };
}

export function presentUndo(result: {
  removed: string;
  childDeleted: boolean;
  parent: BagFacts;
}): UndoResult {
  return {
    removed: result.removed,
    childDeleted: result.childDeleted,
    parent: progress(result.parent),
  };
}
