import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { api } from '@/lib/api-client';
import { createBrowserStorage } from '@/lib/scan-queue/indexeddb-storage';
import { createScanQueue, type ScanQueue, type ScanQueueState } from '@/lib/scan-queue/scan-queue';
import type { ScanJob, ScanQueueStorage } from '@/lib/scan-queue/scan-queue-storage';

/** A scan request with no answer after this long counts as "no answer" and is retried later. */
export const SCAN_TIMEOUT_MS = 10_000;

/** Sends one queued scan: a POST with the session's CSRF token, given up after SCAN_TIMEOUT_MS. */
export function sendScanJob(job: ScanJob): Promise<unknown> {
  return api.post<unknown>(job.path, job.body, { signal: AbortSignal.timeout(SCAN_TIMEOUT_MS) });
}

const ScanQueueContext = createContext<ScanQueue | null>(null);

export interface ScanQueueProviderProps {
  /** The signed-in username: only their own queued scans are replayed. */
  owner: string;
  /** Tests pass memory storage; the browser uses IndexedDB. */
  storage?: ScanQueueStorage;
  send?: (job: ScanJob) => Promise<unknown>;
  children: ReactNode;
}

/**
 * One offline scan queue for the signed-in user, alive on every screen so that waiting scans are
 * sent as soon as the connection returns, wherever the user is. Key it by user.
 */
export function ScanQueueProvider({ owner, storage, send, children }: ScanQueueProviderProps) {
  const [queue] = useState(() =>
    createScanQueue({
      owner,
      storage: storage ?? createBrowserStorage(),
      send: send ?? sendScanJob,
    }),
  );
  useEffect(() => {
    queue.start();
    return () => queue.stop();
  }, [queue]);
  return <ScanQueueContext.Provider value={queue}>{children}</ScanQueueContext.Provider>;
}

export function useScanQueue(): ScanQueue {
  const queue = useContext(ScanQueueContext);
  if (!queue) {
    throw new Error('useScanQueue needs a <ScanQueueProvider> above it');
  }
  return queue;
}

/** The queue's pending and rejected jobs; re-renders when they change. */
export function useScanQueueState(): ScanQueueState {
  const queue = useScanQueue();
  return useSyncExternalStore(queue.subscribe, queue.getState, queue.getState);
}
