import type { Bag, BagHistoryItem } from '@common/contracts/bags';
import type { BadgeTone } from '@/components/ui/badge';

export function bagStatusLabel(status: Bag['status']): string {
  switch (status) {
    case 'empty':
      return 'Empty';
    case 'in_progress':
      return 'Being packed';
    case 'complete':
      return 'Full';
    case null:
      return '';
  }
}

export function bagStatusTone(status: Bag['status']): BadgeTone {
  return status === 'complete' ? 'primary' : status === 'in_progress' ? 'accent' : 'muted';
}

export function bagTypeLabel(type: Bag['type']): string {
  return type === 'parent' ? 'Parent' : 'Child';
}

const REASONS: Record<string, string> = {
  scan: 'scanned at a station',
  undo: 'undone',
  import: 'imported',
  delete: 'bag deleted',
};

const BILL_ACTIONS: Record<string, string> = {
  attach: 'Put on bill',
  remove: 'Taken off bill',
  return: 'Returned from bill',
  restore: 'Back on bill',
};

export function billStatusLabel(status: 'new' | 'processing' | 'completed'): string {
  switch (status) {
    case 'new':
      return 'New';
    case 'processing':
      return 'Being loaded';
    case 'completed':
      return 'Completed';
  }
}

/** One trace event in words: "0016586 packed into SB12260 (scanned at a station)". */
export function describeHistoryItem(item: BagHistoryItem): string {
  const by = item.user ? ` by ${item.user}` : '';
  const why = item.reason ? ` (${REASONS[item.reason] ?? item.reason})` : '';
  switch (item.type) {
    case 'scan': {
      const target = item.target ? ` → ${item.target}` : '';
      const station = item.station ? ` at ${item.station}` : '';
      return `Scanned as ${item.scanKind ?? 'bag'}: ${item.qr ?? ''}${target}${by}${station}`;
    }
    case 'link':
      return `${item.child ?? ''} packed into ${item.parent ?? ''}${by}${why}`;
    case 'unlink':
      return `${item.child ?? ''} taken out of ${item.parent ?? ''}${by}${why}`;
    case 'audit':
      return `${item.action ?? 'Change'}${by}`;
    case 'bill': {
      const verb = BILL_ACTIONS[item.action ?? ''] ?? item.action ?? 'Bill change';
      const note = item.note ? ` (${item.note})` : '';
      return `${verb} ${item.bill ?? ''}${by}${note}`;
    }
  }
}
