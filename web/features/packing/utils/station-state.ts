/**
 * The packing station's state (SPEC §4): PARENT state waits for a parent code, CHILD state packs
 * child codes into the open parent. Pure data and helpers; the reducer is station-machine.ts.
 */

export type StationMode = 'parent' | 'child';

/** Last scans kept on screen. */
export const MAX_ROWS = 50;

export interface OpenParent {
  qr: string;
  kindLabel: string;
  maxChildren: number;
  /** Children the server last reported; null until the parent scan is answered. */
  confirmedCount: number | null;
  /** Child codes sent for this parent and not answered yet (offline ones included). */
  pendingCodes: readonly string[];
  /** Child codes the server confirmed in this session: scanning one again adds nothing. */
  linkedCodes: readonly string[];
}

export type RowKind = 'parent' | 'child' | 'undo' | 'refused';
export type RowStatus = 'sending' | 'ok' | 'duplicate' | 'error' | 'undone';

/** One line of "last scans". `id` is the scan's scanId (or a local id for a local refusal). */
export interface ScanRow {
  id: string;
  kind: RowKind;
  code: string;
  parentQr: string | null;
  status: RowStatus;
  text: string;
  at: number;
}

/** What the station tells the worker after an event: sound, flash, message, announcement. */
export type FeedbackTone =
  'parent' | 'child' | 'duplicate' | 'complete' | 'undo' | 'error' | 'info';

export interface Feedback {
  /** Increases with every new feedback, so the same message twice still flashes and speaks. */
  id: number;
  tone: FeedbackTone;
  text: string;
}

export interface StationState {
  mode: StationMode;
  /** The open parent (CHILD state). */
  parent: OpenParent | null;
  /** The parent finished last: where "Undo last" applies in PARENT state. */
  lastParent: OpenParent | null;
  rows: readonly ScanRow[];
  feedback: Feedback | null;
  /** A parent scanned in CHILD state: offered as "Finish and start …". */
  switchTo: string | null;
  /** Epoch ms of the last scan or button: the idle reset counts from here. */
  lastActivityAt: number;
}

export const INITIAL_STATION_STATE: StationState = {
  mode: 'parent',
  parent: null,
  lastParent: null,
  rows: [],
  feedback: null,
  switchTo: null,
  lastActivityAt: 0,
};

/** Children shown on the counter: confirmed by the server plus new ones still on their way. */
export function displayCount(parent: OpenParent): number {
  const linked = new Set(parent.linkedCodes);
  const waiting = new Set(parent.pendingCodes.filter((code) => !linked.has(code)));
  return (parent.confirmedCount ?? 0) + waiting.size;
}

export function openParent(qr: string, kindLabel: string, maxChildren: number): OpenParent {
  return { qr, kindLabel, maxChildren, confirmedCount: null, pendingCodes: [], linkedCodes: [] };
}

/** Removes the first occurrence only: the same code may be on its way twice. */
export function withoutFirst(codes: readonly string[], code: string): string[] {
  const index = codes.indexOf(code);
  return index === -1 ? [...codes] : [...codes.slice(0, index), ...codes.slice(index + 1)];
}

export function addRow(rows: readonly ScanRow[], row: ScanRow): ScanRow[] {
  return [row, ...rows].slice(0, MAX_ROWS);
}

export function updateRow(
  rows: readonly ScanRow[],
  id: string,
  change: Partial<Pick<ScanRow, 'status' | 'text'>>,
): ScanRow[] {
  return rows.map((row) => (row.id === id ? { ...row, ...change } : row));
}

export function nextFeedback(state: StationState, tone: FeedbackTone, text: string): Feedback {
  return { id: (state.feedback?.id ?? 0) + 1, tone, text };
}

export function progressText(count: number, max: number): string {
  return `${count} / ${max}`;
}
