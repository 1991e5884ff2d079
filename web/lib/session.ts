import { useSyncExternalStore } from 'react';

/**
 * Client-side session facts shared by the api-client and the app shell:
 * - whether the server said the session is gone (401 AUTH_REQUIRED / SESSION_EXPIRED),
 * - when the last request succeeded (every authenticated request refreshes the server's idle timer).
 */
export type SessionEndCode = 'AUTH_REQUIRED' | 'SESSION_EXPIRED';

let endedWith: SessionEndCode | null = null;
let lastActivityAt = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) {
    listener();
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function markSessionEnded(code: SessionEndCode): void {
  if (endedWith === code) {
    return;
  }
  endedWith = code;
  emit();
}

export function clearSessionEnded(): void {
  if (endedWith === null) {
    return;
  }
  endedWith = null;
  emit();
}

export function getSessionEnded(): SessionEndCode | null {
  return endedWith;
}

/** Re-renders when the server reports the session gone (or a new sign-in clears it). */
export function useSessionEnded(): SessionEndCode | null {
  return useSyncExternalStore(subscribe, getSessionEnded, getSessionEnded);
}

export function markActivity(at: number = Date.now()): void {
  lastActivityAt = at;
}

export function getLastActivityAt(): number {
  return lastActivityAt;
}

/** For tests: forget everything between cases. */
export function resetSessionState(): void {
  endedWith = null;
  lastActivityAt = 0;
  emit();
}
