import type { BagDetail, BagKind } from '../../../common/contracts/bags.js';
import type { Database } from '../../db/client.js';
import type { BagFacts } from '../scans/scans.presenter.js';
import { presentBagFacts } from '../scans/scans.presenter.js';

/** What tt_bag_detail answers (migration 0006). */
export interface BagDetailFacts {
  bag: BagFacts;
  linkedAt: string | null;
  kind: BagKind | null;
  parent: BagFacts | null;
  bill: BagDetail['bill'];
  children: BagFacts[];
}

/** The whole lookup in one prepared round trip; undefined for an unknown code. */
export async function findBagDetail(
  database: Database,
  qr: string,
): Promise<BagDetailFacts | undefined> {
  const [row] = await database.query<{ r: BagDetailFacts | string | null }>(
    'select tt_bag_detail($1) as r',
    [qr],
  );
  const value = row?.r;
  if (value === null || value === undefined) {
    return undefined;
  }
  return typeof value === 'string' ? (JSON.parse(value) as BagDetailFacts) : value;
}

export function presentDetailFacts(facts: BagDetailFacts): BagDetail {
  const parent = facts.parent;
  return {
    bag: presentBagFacts(facts.bag),
    kind: facts.kind,
    parent: parent
      ? {
          qr: parent.qr,
          kind: parent.kind,
          status: parent.status,
          childCount: parent.childCount,
          maxChildren: parent.maxChildren ?? 0,
          weightKg: parent.weightKg,
          dispatchArea: parent.dispatchArea,
          linkedAt: facts.linkedAt ? new Date(facts.linkedAt).toISOString() : null,
        }
      : null,
    children: facts.children.map(presentBagFacts),
    bill: facts.bill,
  };
}
