import { useCallback, useEffect, useRef } from 'react';
import { isErrorCode } from '@common/error-codes';
import { useLatest } from '@/hooks/use-latest';
import { ApiError } from '@/lib/api-client';
import type { NewScanJob } from '@/lib/scan-queue/scan-queue';
import type { ScanJob, ScanJobError } from '@/lib/scan-queue/scan-queue-storage';
import { useScanQueue, useScanQueueState } from '@/lib/scan-queue/scan-queue-provider';

/** What a scanning screen hears about the scans it follows (those sent to `path`). */
export interface QueuedScanEvents {
  /** The POST path of this screen's scans, e.g. `/api/bills/B-1/parents`. */
  path: string;
  /**
   * Answered. `isLate`: the scan had to wait for the connection (or was sent from an earlier
   * visit), so the person may have moved on.
   */
  onAccepted: (job: ScanJob, result: unknown, isLate: boolean) => void;
  /**
   * Refused. A scan refused at once is shown at once and forgotten; a late one stays in the queue
   * as "needs attention" until someone dismisses it.
   */
  onRejected: (job: ScanJob, error: ScanJobError, cause: unknown, isLate: boolean) => void;
  /** These scans could not be sent now: they wait on this device for the connection. */
  onWaiting: (jobs: readonly ScanJob[]) => void;
}

/** A stored refusal as an ApiError, so the screens' error messages can switch on its code. */
export function jobErrorToApiError(error: ScanJobError | null): ApiError {
  return new ApiError({
    code: error && isErrorCode(error.code) ? error.code : 'INTERNAL',
    message: error?.message ?? 'Refused.',
    status: 0,
    details: error?.details ?? null,
  });
}

/** The code a queued scan carried (`body.qr`). */
export function scannedCodeOf(job: ScanJob): string {
  return typeof job.body.qr === 'string' ? job.body.qr : '';
}

/**
 * Said when scans could not be sent: they wait on this device, in the offline scan queue, and will
 * be `outcome` ("attached", "returned") when the connection is back.
 */
export function keptOnDeviceText(codes: readonly string[], outcome: string): string {
  const what = codes.length === 1 ? `${codes[0]} is` : `${codes.length} parent bags are`;
  return `No connection: ${what} kept on this device and will be ${outcome} when the connection is back.`;
}

/** An answer or refusal of a scan that had to wait for the connection, in words. */
export function lateScanText(text: string, isRefused: boolean): string {
  return isRefused
    ? `Sent after the connection came back and refused: ${text}`
    : `Sent after the connection came back: ${text}`;
}

/**
 * Sends a screen's scans through the offline scan queue (the same queue, order and IndexedDB
 * store as the packing station) and reports their fate. A scan is "live" from the moment it is
 * sent until the queue stalls (no connection): then it is waiting, and its answer, whenever it
 * comes, is late.
 */
export function useQueuedScans(events: QueuedScanEvents) {
  const queue = useScanQueue();
  const { pending, rejected, isStalled } = useScanQueueState();
  const latest = useLatest(events);
  const live = useRef(new Set<string>());

  useEffect(
    () =>
      queue.subscribe(() => {
        const state = queue.getState();
        if (!state.isStalled || live.current.size === 0) {
          return;
        }
        const waiting = state.pending.filter((job) => live.current.has(job.id));
        waiting.forEach((job) => live.current.delete(job.id));
        if (waiting.length > 0) {
          latest.current.onWaiting(waiting);
        }
      }),
    [queue, latest],
  );

  useEffect(
    () =>
      queue.onOutcome((outcome) => {
        const { job } = outcome;
        if (job.path !== latest.current.path) {
          return;
        }
        const isLate = !live.current.delete(job.id);
        if (outcome.type === 'accepted') {
          latest.current.onAccepted(job, outcome.result, isLate);
          return;
        }
        if (!isLate) {
          void queue.dismiss(job.id);
        }
        latest.current.onRejected(job, outcome.error, outcome.cause, isLate);
      }),
    [queue, latest],
  );

  const send = useCallback(
    (job: NewScanJob) => {
      live.current.add(job.id);
      void queue.add(job);
    },
    [queue],
  );

  const { path } = events;
  return {
    send,
    /** This screen's scans waiting to be sent, in order. */
    pending: pending.filter((job) => job.path === path),
    /** This screen's late scans the server refused: "needs attention". */
    rejected: rejected.filter((job) => job.path === path),
    /** No connection: the pending scans wait (show them as waiting only then). */
    isStalled,
    dismiss: (id: string) => void queue.dismiss(id),
  };
}
