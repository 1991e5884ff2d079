import type { ScanChildResult, ScanParentResult, UndoResult } from '@common/contracts/bags';
import {
  addRow,
  displayCount,
  nextFeedback,
  openParent,
  progressText,
  updateRow,
  withoutFirst,
  type FeedbackTone,
  type OpenParent,
  type StationState,
} from '@/features/packing/utils/station-state';

/**
 * The packing station as a reducer (SPEC §4). The hook decides what to send and sends it; this
 * keeps what the screen shows: the state, the open parent's counter, the last scans, feedback.
 */
export type FinishReason = 'button' | 'idle' | 'full-offline';

export type StationAction =
  | {
      type: 'parent-sent';
      id: string;
      code: string;
      kindLabel: string;
      maxChildren: number;
      at: number;
    }
  | { type: 'child-sent'; id: string; code: string; at: number }
  | { type: 'undo-sent'; id: string; parentQr: string; at: number }
  | {
      type: 'refused-locally';
      id: string;
      code: string;
      text: string;
      switchTo: string | null;
      at: number;
    }
  | { type: 'parent-answered'; id: string; result: ScanParentResult }
  | { type: 'child-answered'; id: string; result: ScanChildResult }
  | { type: 'undo-answered'; id: string; result: UndoResult }
  | { type: 'scan-refused'; id: string; text: string; switchTo: string | null; isReplay: boolean }
  | { type: 'finish'; reason: FinishReason; at: number };

function finish(state: StationState, reason: FinishReason, at: number): StationState {
  const { parent } = state;
  if (!parent) {
    return {
      ...state,
      switchTo: null,
      lastActivityAt: reason === 'idle' ? state.lastActivityAt : at,
    };
  }
  const progress = progressText(displayCount(parent), parent.maxChildren);
  const feedback: Record<FinishReason, [FeedbackTone, string]> = {
    button: ['info', `Finished ${parent.qr} at ${progress}. Scan the next parent.`],
    idle: ['info', `No scan for 10 minutes: back to PARENT. ${parent.qr} stays at ${progress}.`],
    'full-offline': [
      'complete',
      `${parent.qr} is full (${progress}); scans will be sent when the connection is back. Scan the next parent.`,
    ],
  };
  const [tone, text] = feedback[reason];
  return {
    ...state,
    mode: 'parent',
    parent: null,
    lastParent: parent,
    switchTo: null,
    feedback: nextFeedback(state, tone, text),
    lastActivityAt: reason === 'idle' ? state.lastActivityAt : at,
  };
}

function parentAnswered(state: StationState, id: string, result: ScanParentResult): StationState {
  const { qr } = result.bag;
  const progress = progressText(result.childCount, result.maxChildren);
  const rows = updateRow(state.rows, id, {
    status: 'ok',
    text: result.created ? 'New parent' : `Opened at ${progress}`,
  });
  if (state.parent?.qr !== qr) {
    return { ...state, rows };
  }
  const parent: OpenParent = {
    ...state.parent,
    confirmedCount: result.childCount,
    maxChildren: result.maxChildren,
  };
  let text = `${qr} open: ${progress}. Scan its child bags.`;
  if (result.created) {
    text = `New parent ${qr}: ${progress}. Scan its child bags.`;
  } else if (result.complete) {
    text = `${qr} is already full (${progress}). Undo last, or Finish.`;
  }
  return { ...state, rows, parent, feedback: nextFeedback(state, 'parent', text) };
}

function childAnswered(state: StationState, id: string, result: ScanChildResult): StationState {
  const row = state.rows.find((r) => r.id === id);
  const code = row?.code ?? result.child.qr;
  const { duplicate } = result;
  const { qr: parentQr, childCount, maxChildren, complete } = result.parent;
  const progress = progressText(childCount, maxChildren);
  const rows = updateRow(state.rows, id, {
    status: duplicate ? 'duplicate' : 'ok',
    text: duplicate ? `Already in ${parentQr}` : `In ${parentQr}: ${progress}`,
  });
  if (state.parent?.qr !== parentQr) {
    return { ...state, rows };
  }
  const parent: OpenParent = {
    ...state.parent,
    confirmedCount: childCount,
    maxChildren,
    pendingCodes: withoutFirst(state.parent.pendingCodes, code),
    linkedCodes: [...new Set([...state.parent.linkedCodes, code, result.child.qr])],
  };
  if (complete) {
    return {
      ...state,
      rows,
      mode: 'parent',
      parent: null,
      lastParent: parent,
      switchTo: null,
      feedback: nextFeedback(
        state,
        'complete',
        `${parentQr} is full: ${progress}. Scan the next parent.`,
      ),
    };
  }
  const text = duplicate
    ? `${result.child.qr} is already in ${parentQr}: ${progress}.`
    : `${result.child.qr} packed: ${progress}.`;
  return {
    ...state,
    rows,
    parent,
    feedback: nextFeedback(state, duplicate ? 'duplicate' : 'child', text),
  };
}

function undoAnswered(state: StationState, id: string, result: UndoResult): StationState {
  const { removed } = result;
  const { qr: parentQr, childCount, maxChildren } = result.parent;
  const progress = progressText(childCount, maxChildren);
  const undoneRow = state.rows.find(
    (r) => r.kind === 'child' && r.code === removed && r.parentQr === parentQr && r.status === 'ok',
  );
  let rows = updateRow(state.rows, id, { status: 'ok', text: `Removed ${removed}` });
  if (undoneRow) {
    rows = updateRow(rows, undoneRow.id, { status: 'undone', text: `Removed from ${parentQr}` });
  }
  const base = state.parent?.qr === parentQr ? state.parent : state.lastParent;
  if (base?.qr !== parentQr) {
    return { ...state, rows };
  }
  const parent: OpenParent = {
    ...base,
    confirmedCount: childCount,
    maxChildren,
    linkedCodes: base.linkedCodes.filter((code) => code !== removed),
  };
  const isReopened = state.parent?.qr !== parentQr;
  const text = `Removed ${removed} from ${parentQr}: ${progress}.${isReopened ? ` ${parentQr} is open again.` : ''}`;
  return {
    ...state,
    rows,
    mode: 'child',
    parent,
    lastParent: isReopened ? null : state.lastParent,
    switchTo: null,
    feedback: nextFeedback(state, 'undo', text),
  };
}

function scanRefused(
  state: StationState,
  action: Extract<StationAction, { type: 'scan-refused' }>,
): StationState {
  const row = state.rows.find((r) => r.id === action.id);
  if (!row) {
    return state;
  }
  const rows = updateRow(state.rows, action.id, { status: 'error', text: action.text });
  let next: StationState = { ...state, rows };
  const { parent } = state;
  if (row.kind === 'parent' && parent?.qr === row.code && parent.confirmedCount === null) {
    next = { ...next, mode: 'parent', parent: null };
  } else if (row.kind === 'child' && parent && parent.qr === row.parentQr) {
    next = {
      ...next,
      parent: { ...parent, pendingCodes: withoutFirst(parent.pendingCodes, row.code) },
    };
  }
  const text = action.isReplay
    ? `A scan sent after the connection came back was refused: ${action.text}`
    : action.text;
  return { ...next, switchTo: action.switchTo, feedback: nextFeedback(state, 'error', text) };
}

function parentSent(
  state: StationState,
  action: Extract<StationAction, { type: 'parent-sent' }>,
): StationState {
  return {
    ...state,
    mode: 'child',
    parent: openParent(action.code, action.kindLabel, action.maxChildren),
    lastParent: state.parent ?? state.lastParent,
    switchTo: null,
    feedback: null,
    lastActivityAt: action.at,
    rows: addRow(state.rows, {
      id: action.id,
      kind: 'parent',
      code: action.code,
      parentQr: null,
      status: 'sending',
      text: 'Opening…',
      at: action.at,
    }),
  };
}

function childSent(
  state: StationState,
  action: Extract<StationAction, { type: 'child-sent' }>,
): StationState {
  if (!state.parent) {
    return state;
  }
  const parent = { ...state.parent, pendingCodes: [...state.parent.pendingCodes, action.code] };
  return {
    ...state,
    parent,
    switchTo: null,
    lastActivityAt: action.at,
    rows: addRow(state.rows, {
      id: action.id,
      kind: 'child',
      code: action.code,
      parentQr: parent.qr,
      status: 'sending',
      text: 'Sending…',
      at: action.at,
    }),
  };
}

function undoSent(
  state: StationState,
  action: Extract<StationAction, { type: 'undo-sent' }>,
): StationState {
  return {
    ...state,
    lastActivityAt: action.at,
    switchTo: null,
    rows: addRow(state.rows, {
      id: action.id,
      kind: 'undo',
      code: action.parentQr,
      parentQr: action.parentQr,
      status: 'sending',
      text: 'Undo last…',
      at: action.at,
    }),
  };
}

function refusedLocally(
  state: StationState,
  action: Extract<StationAction, { type: 'refused-locally' }>,
): StationState {
  return {
    ...state,
    switchTo: action.switchTo,
    lastActivityAt: action.at,
    feedback: nextFeedback(state, 'error', action.text),
    rows: addRow(state.rows, {
      id: action.id,
      kind: 'refused',
      code: action.code,
      parentQr: state.parent?.qr ?? null,
      status: 'error',
      text: action.text,
      at: action.at,
    }),
  };
}

export function stationReducer(state: StationState, action: StationAction): StationState {
  switch (action.type) {
    case 'parent-sent':
      return parentSent(state, action);
    case 'child-sent':
      return childSent(state, action);
    case 'undo-sent':
      return undoSent(state, action);
    case 'refused-locally':
      return refusedLocally(state, action);
    case 'parent-answered':
      return parentAnswered(state, action.id, action.result);
    case 'child-answered':
      return childAnswered(state, action.id, action.result);
    case 'undo-answered':
      return undoAnswered(state, action.id, action.result);
    case 'scan-refused':
      return scanRefused(state, action);
    case 'finish':
      return finish(state, action.reason, action.at);
  }
}
