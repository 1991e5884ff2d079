import type { Scan } from '@common/contracts/bags';
import type { LinkEventData, ScanEventData } from '@common/contracts/stats';

/** One line of "recent activity": a recorded scan, or an undo (unlink). */
export interface ActivityItem {
  key: string;
  type: 'scan' | 'link' | 'unlink';
  at: string;
  /** parent, child, bill, return (scans). */
  kind: string;
  qr: string;
  target: string | null;
  user: string | null;
  station: string | null;
  duplicate: boolean;
  /** "12 / 30" once the link event for this child scan arrived. */
  progress: string | null;
}

export const ACTIVITY_SIZE = 10;
const LIVE_KEEP = 30;

let liveCounter = 0;

export function activityFromScan(scan: Scan): ActivityItem {
  return {
    key: `scan-${scan.id}`,
    type: 'scan',
    at: scan.at,
    kind: scan.kind,
    qr: scan.qr,
    target: scan.target,
    user: scan.user,
    station: scan.station,
    duplicate: scan.duplicate,
    progress: null,
  };
}

export function activityFromScanEvent(event: ScanEventData): ActivityItem {
  liveCounter += 1;
  return {
    key: `live-${liveCounter}`,
    type: 'scan',
    at: event.at,
    kind: event.kind,
    qr: event.qr,
    target: event.target,
    user: event.user,
    station: event.station,
    duplicate: event.duplicate,
    progress: null,
  };
}

function progressOf(event: LinkEventData): string {
  return event.maxChildren
    ? `${event.childCount} / ${event.maxChildren}`
    : String(event.childCount);
}

function matchesLink(item: ActivityItem, event: LinkEventData): boolean {
  return (
    item.kind === 'child' &&
    item.qr === event.child &&
    item.target === event.parent &&
    item.progress === null
  );
}

/** A scan event joins a link event that arrived before it (same child and parent). */
export function addScanEvent(items: readonly ActivityItem[], event: ScanEventData): ActivityItem[] {
  const scan = activityFromScanEvent(event);
  const early = items.findIndex(
    (item) => item.type === 'link' && item.qr === event.qr && item.target === event.target,
  );
  if (early === -1) {
    return [scan, ...items].slice(0, LIVE_KEEP);
  }
  const merged = { ...scan, progress: items[early]?.progress ?? null };
  return [merged, ...items.filter((_, index) => index !== early)].slice(0, LIVE_KEEP);
}

/** A link event adds the parent's progress to its child scan (or stands alone until it comes). */
export function addLinkEvent(items: readonly ActivityItem[], event: LinkEventData): ActivityItem[] {
  const index = event.type === 'link' ? items.findIndex((item) => matchesLink(item, event)) : -1;
  if (index !== -1) {
    return items.map((item, i) => (i === index ? { ...item, progress: progressOf(event) } : item));
  }
  liveCounter += 1;
  const item: ActivityItem = {
    key: `live-${liveCounter}`,
    type: event.type,
    at: new Date().toISOString(),
    kind: 'child',
    qr: event.child,
    target: event.parent,
    user: null,
    station: null,
    duplicate: false,
    progress: progressOf(event),
  };
  return [item, ...items].slice(0, LIVE_KEEP);
}

function identity(item: ActivityItem): string {
  return `${item.type}|${item.kind}|${item.qr}|${item.target ?? ''}|${Date.parse(item.at)}`;
}

/** Live items first, then the fetched recent scans, without the same scan twice. */
export function mergeActivity(
  live: readonly ActivityItem[],
  fetched: readonly Scan[],
): ActivityItem[] {
  const seen = new Set(live.map(identity));
  const older = fetched.map(activityFromScan).filter((item) => !seen.has(identity(item)));
  return [...live, ...older]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, ACTIVITY_SIZE);
}

/** "ravi packed 0016586 into SB12260 at Desk 3". */
export function describeActivity(item: ActivityItem): string {
  const who = item.user ?? 'Someone';
  const where = item.station ? ` at ${item.station}` : '';
  if (item.type === 'unlink') {
    return `${item.qr} taken out of ${item.target ?? ''} (undo)`;
  }
  if (item.type === 'link') {
    return `${item.qr} packed into ${item.target ?? ''}`;
  }
  switch (item.kind) {
    case 'parent':
      return `${who} opened parent ${item.qr}${where}`;
    case 'child':
      return `${who} ${item.duplicate ? 're-scanned' : 'packed'} ${item.qr} into ${item.target ?? ''}${where}`;
    case 'bill':
      return `${who} put ${item.qr} on bill ${item.target ?? ''}${where}`;
    case 'return':
      return `${who} returned ${item.qr}${item.target ? ` on ${item.target}` : ''}${where}`;
    default:
      return `${who} scanned ${item.qr}${where}`;
  }
}
