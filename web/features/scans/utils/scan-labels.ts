import type { Scan } from '@common/contracts/bags';

const KIND_LABELS: Record<string, string> = {
  parent: 'Parent',
  child: 'Child',
  bill: 'Bill',
  return: 'Return',
};

export function scanKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** Where the scan went: "into SB12260", "onto bill B-1001", "returned on RTN-…". */
export function scanTargetText(scan: Pick<Scan, 'kind' | 'target'>): string {
  if (!scan.target) {
    return '';
  }
  switch (scan.kind) {
    case 'child':
      return `into ${scan.target}`;
    case 'bill':
      return `onto bill ${scan.target}`;
    case 'return':
      return `returned on ${scan.target}`;
    default:
      return scan.target;
  }
}
