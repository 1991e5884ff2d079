import { isApiError } from '@/lib/api-client';
import type { ScanJob, ScanJobError, ScanQueueStorage } from '@/lib/scan-queue/scan-queue-storage';

/**
 * The offline scan queue (issue 5, "Offline and retries"). Every scan request is written here
 * first (with its scanId) and then sent, strictly one at a time and in order:
 * - answered → removed, listeners get the result;
 * - refused (4xx) → kept as `rejected` for the "needs attention" panel until dismissed;
 * - no answer (network error, timeout, 5xx, 429, signed out) → kept, and the queue stalls: later
 *   scans wait behind it, and it is retried on the `online` event, every few seconds and whenever
 *   a new scan arrives. A replay never double-links: the server answers a seen scanId with its
 *   first answer.
 * Jobs survive a reload when the storage is IndexedDB.
 */

export type FailureKind = 'retry' | 'reject';

/** A 5xx that keeps coming back is a bug, not an outage: after this many tries it is refused. */
export const MAX_SERVER_ERROR_ATTEMPTS = 5;
export const DEFAULT_RETRY_INTERVAL_MS = 5_000;

const RETRY_CODES = new Set(['NETWORK', 'AUTH_REQUIRED', 'SESSION_EXPIRED', 'CSRF_INVALID']);
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);

/** Can this failure heal by itself (retry later) or is it the server's final word (reject)? */
export function classifyScanFailure(error: unknown, attempts: number): FailureKind {
  if (!isApiError(error)) {
    // A timeout or an abort: the request may or may not have arrived; the replay settles it.
    return 'retry';
  }
  if (RETRY_CODES.has(error.code) || RETRY_STATUSES.has(error.status)) {
    return 'retry';
  }
  if (error.status >= 500) {
    return attempts < MAX_SERVER_ERROR_ATTEMPTS ? 'retry' : 'reject';
  }
  return 'reject';
}

function toJobError(error: unknown): ScanJobError {
  if (isApiError(error)) {
    return { code: error.code, message: error.message, details: error.details };
  }
  return { code: 'INTERNAL', message: 'The scan could not be sent.', details: null };
}

export interface ScanQueueState {
  /** Not yet answered, in sending order. */
  pending: readonly ScanJob[];
  /** Refused by the server: "needs attention" until dismissed. */
  rejected: readonly ScanJob[];
  /** The last attempt got no answer: pending jobs wait for the connection. */
  isStalled: boolean;
  /** False when jobs would not survive a reload (no IndexedDB, or a failed write). */
  isPersistent: boolean;
}

export type ScanOutcome =
  | { type: 'accepted'; job: ScanJob; result: unknown }
  | { type: 'rejected'; job: ScanJob; error: ScanJobError; cause: unknown };

export interface NewScanJob {
  id: string;
  path: string;
  body: Record<string, unknown>;
  label: string;
}

export interface ScanQueueOptions {
  storage: ScanQueueStorage;
  owner: string;
  send: (job: ScanJob) => Promise<unknown>;
  classifyFailure?: (error: unknown, attempts: number) => FailureKind;
  retryIntervalMs?: number;
  now?: () => number;
}

export interface ScanQueue {
  getState: () => ScanQueueState;
  subscribe: (listener: () => void) => () => void;
  /** Every answer or refusal, as it happens (the station updates its rows from these). */
  onOutcome: (listener: (outcome: ScanOutcome) => void) => () => void;
  /** Stores the job, then sends it after everything queued before it. */
  add: (job: NewScanJob) => Promise<void>;
  /** Sends what is pending, in order, until the queue is empty or stalls. */
  flush: () => Promise<void>;
  /** Forgets a rejected job (the person has read why). */
  dismiss: (id: string) => Promise<void>;
  /** Loads stored jobs and starts retrying (online event, timer). */
  start: () => void;
  stop: () => void;
}

/** The queue's mutable insides, shared by the functions below. */
interface Core {
  storage: ScanQueueStorage;
  owner: string;
  send: (job: ScanJob) => Promise<unknown>;
  classify: (error: unknown, attempts: number) => FailureKind;
  now: () => number;
  jobs: ScanJob[];
  lastSeq: number;
  isStalled: boolean;
  isPersistent: boolean;
  loading: Promise<void> | null;
  draining: Promise<void> | null;
  isFlushRequested: boolean;
  writes: Map<string, Promise<void>>;
  listeners: Set<() => void>;
  outcomeListeners: Set<(outcome: ScanOutcome) => void>;
  state: ScanQueueState;
}

function bySeq(a: ScanJob, b: ScanJob) {
  return a.seq - b.seq;
}

function publish(core: Core) {
  core.state = {
    pending: core.jobs.filter((job) => job.state === 'pending'),
    rejected: core.jobs.filter((job) => job.state === 'rejected'),
    isStalled: core.isStalled,
    isPersistent: core.isPersistent,
  };
  for (const listener of core.listeners) {
    listener();
  }
}

function emit(core: Core, outcome: ScanOutcome) {
  for (const listener of core.outcomeListeners) {
    listener(outcome);
  }
}

/** Storage writes are ordered per job; a failed write only costs durability. */
function persist(core: Core, id: string, write: () => Promise<void>): Promise<void> {
  const previous = core.writes.get(id) ?? Promise.resolve();
  const next = previous.then(write).catch(() => {
    if (core.isPersistent) {
      core.isPersistent = false;
      publish(core);
    }
  });
  core.writes.set(id, next);
  return next;
}

function replace(core: Core, job: ScanJob) {
  core.jobs = core.jobs.map((existing) => (existing.id === job.id ? job : existing));
}

function ensureLoaded(core: Core): Promise<void> {
  core.loading ??= core.storage
    .list()
    .then((stored) => {
      const known = new Set(core.jobs.map((job) => job.id));
      const mine = stored.filter((job) => job.owner === core.owner && !known.has(job.id));
      core.jobs = [...mine, ...core.jobs].sort(bySeq);
      core.lastSeq = Math.max(core.lastSeq, ...core.jobs.map((job) => job.seq));
      publish(core);
    })
    .catch(() => {
      core.isPersistent = false;
      publish(core);
    });
  return core.loading;
}

/** Sends one job; true when the queue may go on (answered or refused), false when stalled. */
async function attempt(core: Core, job: ScanJob): Promise<boolean> {
  await core.writes.get(job.id);
  const tried = { ...job, attempts: job.attempts + 1 };
  replace(core, tried);
  try {
    const result = await core.send(tried);
    core.jobs = core.jobs.filter((existing) => existing.id !== job.id);
    core.isStalled = false;
    publish(core);
    void persist(core, job.id, () => core.storage.delete(job.id));
    emit(core, { type: 'accepted', job: tried, result });
    return true;
  } catch (cause) {
    if (core.classify(cause, tried.attempts) === 'retry') {
      core.isStalled = true;
      publish(core);
      void persist(core, job.id, () => core.storage.put(tried));
      return false;
    }
    const error = toJobError(cause);
    const refused: ScanJob = { ...tried, state: 'rejected', error };
    replace(core, refused);
    core.isStalled = false;
    publish(core);
    void persist(core, job.id, () => core.storage.put(refused));
    emit(core, { type: 'rejected', job: refused, error, cause });
    return true;
  }
}

async function drain(core: Core): Promise<void> {
  await ensureLoaded(core);
  for (;;) {
    core.isFlushRequested = false;
    const next = core.jobs.find((job) => job.state === 'pending');
    if (!next) {
      if (core.isStalled) {
        core.isStalled = false;
        publish(core);
      }
      return;
    }
    const isSent = await attempt(core, next);
    // Stalled: stop, unless someone asked for another try meanwhile (a new scan, `online`).
    if (!isSent && !core.isFlushRequested) {
      return;
    }
  }
}

function flush(core: Core): Promise<void> {
  if (core.draining) {
    core.isFlushRequested = true;
    return core.draining;
  }
  core.draining = drain(core).finally(() => {
    core.draining = null;
  });
  return core.draining;
}

async function add(core: Core, { id, path, body, label }: NewScanJob): Promise<void> {
  core.lastSeq = Math.max(core.lastSeq + 1, core.now());
  const job: ScanJob = {
    id,
    seq: core.lastSeq,
    owner: core.owner,
    path,
    body,
    label,
    createdAt: new Date(core.now()).toISOString(),
    attempts: 0,
    state: 'pending',
    error: null,
  };
  core.jobs = [...core.jobs, job];
  publish(core);
  const written = persist(core, id, () => core.storage.put(job));
  void flush(core);
  await written;
}

async function dismiss(core: Core, id: string): Promise<void> {
  core.jobs = core.jobs.filter((job) => job.id !== id || job.state !== 'rejected');
  publish(core);
  await persist(core, id, () => core.storage.delete(id));
}

export function createScanQueue(options: ScanQueueOptions): ScanQueue {
  const core: Core = {
    storage: options.storage,
    owner: options.owner,
    send: options.send,
    classify: options.classifyFailure ?? classifyScanFailure,
    now: options.now ?? Date.now,
    jobs: [],
    lastSeq: 0,
    isStalled: false,
    isPersistent: options.storage.isPersistent,
    loading: null,
    draining: null,
    isFlushRequested: false,
    writes: new Map(),
    listeners: new Set(),
    outcomeListeners: new Set(),
    state: {
      pending: [],
      rejected: [],
      isStalled: false,
      isPersistent: options.storage.isPersistent,
    },
  };
  const retryIntervalMs = options.retryIntervalMs ?? DEFAULT_RETRY_INTERVAL_MS;
  let timer: ReturnType<typeof setInterval> | undefined;
  const handleOnline = () => void flush(core);
  return {
    getState: () => core.state,
    subscribe: (listener) => {
      core.listeners.add(listener);
      return () => core.listeners.delete(listener);
    },
    onOutcome: (listener) => {
      core.outcomeListeners.add(listener);
      return () => core.outcomeListeners.delete(listener);
    },
    add: (job) => add(core, job),
    flush: () => flush(core),
    dismiss: (id) => dismiss(core, id),
    start: () => {
      window.addEventListener('online', handleOnline);
      clearInterval(timer);
      timer = setInterval(() => {
        if (core.isStalled) {
          void flush(core);
        }
      }, retryIntervalMs);
      void flush(core);
    },
    stop: () => {
      window.removeEventListener('online', handleOnline);
      clearInterval(timer);
      timer = undefined;
    },
  };
}
