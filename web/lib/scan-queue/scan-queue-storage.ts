/**
 * Where the offline scan queue keeps its jobs. The browser uses IndexedDB
 * (indexeddb-storage.ts); tests and browsers without IndexedDB use the in-memory one.
 */

export type ScanJobState = 'pending' | 'rejected';

export interface ScanJobError {
  code: string;
  message: string;
  details: Record<string, unknown> | null;
}

/** One scan request waiting to be sent (or refused and waiting for a person to read why). */
export interface ScanJob {
  /** The scan's client `scanId`: the key; the server answers a repeat with the first answer. */
  id: string;
  /** Order of sending (increasing). */
  seq: number;
  /** Username that scanned: a scanId belongs to its user, so only they replay it. */
  owner: string;
  /** POST path, e.g. /api/scans/child. */
  path: string;
  body: Record<string, unknown>;
  /** For people: "Child 0016586 into SB12260". */
  label: string;
  createdAt: string;
  attempts: number;
  state: ScanJobState;
  /** Why it was refused (state `rejected`). */
  error: ScanJobError | null;
}

export interface ScanQueueStorage {
  /** Every stored job, any owner, any order. */
  list(): Promise<ScanJob[]>;
  /** Insert or replace by id. Resolves once the write is durable. */
  put(job: ScanJob): Promise<void>;
  delete(id: string): Promise<void>;
  /** False when jobs do not survive a reload (no IndexedDB). */
  readonly isPersistent: boolean;
}

/** Jobs in a Map: for tests, and for browsers without IndexedDB (lost on reload). */
export function createMemoryStorage(initial: readonly ScanJob[] = []): ScanQueueStorage {
  const jobs = new Map(initial.map((job) => [job.id, structuredClone(job)]));
  return {
    isPersistent: false,
    list: async () => [...jobs.values()].map((job) => structuredClone(job)),
    put: async (job) => {
      jobs.set(job.id, structuredClone(job));
    },
    delete: async (id) => {
      jobs.delete(id);
    },
  };
}
