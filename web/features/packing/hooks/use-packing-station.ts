import { useCallback, useEffect, useReducer, type Dispatch } from 'react';
import type { ScanChildResult, ScanParentResult, UndoResult } from '@common/contracts/bags';
import { classifyCode, type BagKindRule } from '@common/qr';
import { SCAN_CHILD_PATH, scanChildJob } from '@/features/packing/api/scan-child';
import { SCAN_PARENT_PATH, scanParentJob } from '@/features/packing/api/scan-parent';
import { UNDO_SCAN_PATH, undoScanJob } from '@/features/packing/api/undo-scan';
import { decideScan } from '@/features/packing/utils/decide-scan';
import { describeScanRefusal } from '@/features/packing/utils/scan-messages';
import { stationReducer, type StationAction } from '@/features/packing/utils/station-machine';
import {
  INITIAL_STATION_STATE,
  displayCount,
  type StationState,
} from '@/features/packing/utils/station-state';
import { newScanId } from '@/lib/scan-id';
import type { ScanOutcome, ScanQueue } from '@/lib/scan-queue/scan-queue';
import type { ScanJob } from '@/lib/scan-queue/scan-queue-storage';
import { useScanQueue, useScanQueueState } from '@/lib/scan-queue/scan-queue-provider';

const PACKING_PATHS = new Set([SCAN_PARENT_PATH, SCAN_CHILD_PATH, UNDO_SCAN_PATH]);

/** The station's own scans: the queue also carries bill and return scans (shown on their pages). */
export function isPackingJob(job: ScanJob): boolean {
  return PACKING_PATHS.has(job.path);
}

/** SPEC §4: ten minutes without a scan sends the station back to PARENT state. */
export const IDLE_RESET_MS = 10 * 60_000;

/** The station action for an answer or refusal from the scan queue (null: not a packing scan). */
function actionForOutcome(outcome: ScanOutcome): StationAction | null {
  const { job } = outcome;
  if (outcome.type === 'rejected') {
    const view = describeScanRefusal(outcome.error, outcome.cause);
    return {
      type: 'scan-refused',
      id: job.id,
      text: view.text,
      switchTo: view.switchTo,
      isReplay: job.attempts > 1,
    };
  }
  switch (job.path) {
    case SCAN_PARENT_PATH:
      return { type: 'parent-answered', id: job.id, result: outcome.result as ScanParentResult };
    case SCAN_CHILD_PATH:
      return { type: 'child-answered', id: job.id, result: outcome.result as ScanChildResult };
    case UNDO_SCAN_PATH:
      return { type: 'undo-answered', id: job.id, result: outcome.result as UndoResult };
    default:
      return null;
  }
}

/** Folds every answer of the scan queue into the station. */
function useQueueOutcomes(queue: ScanQueue, dispatch: Dispatch<StationAction>) {
  useEffect(
    () =>
      queue.onOutcome((outcome) => {
        const action = actionForOutcome(outcome);
        if (action) {
          dispatch(action);
        }
      }),
    [queue, dispatch],
  );
}

/** Back to PARENT state after `idleMs` without a scan or a button. */
function useIdleReset(state: StationState, idleMs: number, dispatch: Dispatch<StationAction>) {
  const { mode, lastActivityAt } = state;
  useEffect(() => {
    if (mode !== 'child') {
      return undefined;
    }
    const wait = Math.max(0, lastActivityAt + idleMs - Date.now());
    const timer = window.setTimeout(
      () => dispatch({ type: 'finish', reason: 'idle', at: Date.now() }),
      wait,
    );
    return () => window.clearTimeout(timer);
  }, [mode, lastActivityAt, idleMs, dispatch]);
}

/** Offline nobody answers "complete": finish at capacity by the station's own count. */
function useOfflineAutoFinish(
  state: StationState,
  isStalled: boolean,
  dispatch: Dispatch<StationAction>,
) {
  const count = state.parent ? displayCount(state.parent) : 0;
  const capacity = state.parent?.maxChildren ?? Number.POSITIVE_INFINITY;
  useEffect(() => {
    if (isStalled && count >= capacity) {
      dispatch({ type: 'finish', reason: 'full-offline', at: Date.now() });
    }
  }, [isStalled, count, capacity, dispatch]);
}

export interface UsePackingStationOptions {
  /** Parent formats for local classification (instant wrong-type feedback). */
  kinds: readonly BagKindRule[];
  /** The station name sent with every scan. */
  station: string;
  idleMs?: number;
}

/**
 * The packing station (SPEC §4): decides locally what each code means, puts accepted ones on the
 * offline scan queue (each is on screen as "sending" at once and survives a lost connection) and
 * folds the server's answers into the state.
 */
export function usePackingStation({
  kinds,
  station,
  idleMs = IDLE_RESET_MS,
}: UsePackingStationOptions) {
  const [state, dispatch] = useReducer(stationReducer, INITIAL_STATION_STATE);
  const queue = useScanQueue();
  const queueState = useScanQueueState();
  useQueueOutcomes(queue, dispatch);
  useIdleReset(state, idleMs, dispatch);
  useOfflineAutoFinish(state, queueState.isStalled, dispatch);

  const openParent = useCallback(
    (code: string, kind: BagKindRule) => {
      const id = newScanId();
      dispatch({
        type: 'parent-sent',
        id,
        code,
        kindLabel: kind.label,
        maxChildren: kind.maxChildren,
        at: Date.now(),
      });
      void queue.add(scanParentJob({ qr: code, scanId: id, station }));
    },
    [queue, station],
  );

  function handleCode(raw: string) {
    const decision = decideScan(state, classifyCode(raw, kinds), raw);
    const at = Date.now();
    switch (decision.type) {
      case 'refuse':
        dispatch({
          type: 'refused-locally',
          id: `local-${newScanId()}`,
          code: decision.code,
          text: decision.text,
          switchTo: decision.switchTo,
          at,
        });
        return;
      case 'open-parent':
        openParent(decision.code, decision.kind);
        return;
      case 'pack-child': {
        const id = newScanId();
        dispatch({ type: 'child-sent', id, code: decision.code, at });
        void queue.add(
          scanChildJob({ parentQr: decision.parentQr, qr: decision.code, scanId: id, station }),
        );
      }
    }
  }

  const undoTarget = state.parent?.qr ?? state.lastParent?.qr ?? null;

  function handleUndo() {
    if (undoTarget) {
      const id = newScanId();
      dispatch({ type: 'undo-sent', id, parentQr: undoTarget, at: Date.now() });
      void queue.add(undoScanJob({ parentQr: undoTarget, scanId: id, station }));
    }
  }

  function handleFinishAndStart() {
    const next = state.switchTo ? classifyCode(state.switchTo, kinds) : null;
    dispatch({ type: 'finish', reason: 'button', at: Date.now() });
    if (next?.type === 'parent') {
      openParent(next.code, next.kind);
    }
  }

  return {
    state,
    queueState,
    undoTarget,
    handleCode,
    handleUndo,
    handleFinish: () => dispatch({ type: 'finish', reason: 'button', at: Date.now() }),
    handleFinishAndStart,
    dismissRefused: (id: string) => void queue.dismiss(id),
    retryNow: () => void queue.flush(),
  };
}

export type PackingStation = ReturnType<typeof usePackingStation>;
