import type { ScanJob, ScanQueueStorage } from '@/lib/scan-queue/scan-queue-storage';
import { createMemoryStorage } from '@/lib/scan-queue/scan-queue-storage';

const DB_NAME = 'tracetrack';
const DB_VERSION = 1;
const STORE = 'scan-queue';

function requestToPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) {
        request.result.createObjectStore(STORE, { keyPath: 'id' });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    request.onblocked = () => reject(new Error('IndexedDB upgrade blocked by another tab'));
  });
}

/** Runs one write in its own transaction; resolves when the transaction has committed. */
function write(db: IDBDatabase, action: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // "strict": the browser flushes to disk before reporting success (a scan is precious).
    const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    action(tx.objectStore(STORE));
  });
}

/** The queue in IndexedDB (database `tracetrack`, store `scan-queue`, key = scanId). */
export function createIndexedDbStorage(factory: IDBFactory): ScanQueueStorage {
  let opening: Promise<IDBDatabase> | null = null;
  const db = () => {
    opening ??= openDatabase(factory).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
  return {
    isPersistent: true,
    list: async () => {
      const database = await db();
      const store = database.transaction(STORE, 'readonly').objectStore(STORE);
      return requestToPromise(store.getAll() as IDBRequest<ScanJob[]>);
    },
    put: async (job) => write(await db(), (store) => store.put(job)),
    delete: async (id) => write(await db(), (store) => store.delete(id)),
  };
}

/** IndexedDB where the browser has it; otherwise memory (jobs then do not survive a reload). */
export function createBrowserStorage(): ScanQueueStorage {
  if (typeof indexedDB === 'undefined') {
    return createMemoryStorage();
  }
  return createIndexedDbStorage(indexedDB);
}
