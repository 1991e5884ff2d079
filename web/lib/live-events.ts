import { useEffect, useRef, useState } from 'react';
import type { LinkEventData, ScanEventData, StatsEventData } from '@common/contracts/stats';

/**
 * Live updates over server-sent events (GET /api/events, SPEC §9): one EventSource while the
 * screen is open, no polling. The browser reconnects by itself (the server sends `retry:`); when
 * it gives up (an HTTP error such as 401 or 503) we try again after a pause.
 */

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'unsupported';

export interface LiveEventHandlers {
  onScan?: (data: ScanEventData) => void;
  onLink?: (data: LinkEventData) => void;
  onUnlink?: (data: LinkEventData) => void;
  onStats?: (data: StatsEventData) => void;
  /** A bill changed (attach, remove, complete, reopen, return): `data` names it. */
  onBill?: (data: Record<string, unknown>) => void;
  /** A return ticket changed. */
  onReturn?: (data: Record<string, unknown>) => void;
  /** Connected; `isReconnect` after a drop (events may have been missed: refetch). */
  onOpen?: (isReconnect: boolean) => void;
  /** The browser gave up on the stream (the session may have ended: check with a request). */
  onGiveUp?: () => void;
}

export const LIVE_EVENTS_URL = '/api/events';
/** Pause before opening a new stream after the browser gave up on one. */
export const GIVE_UP_RETRY_MS = 10_000;

function parse<T>(event: Event): T | null {
  if (!(event instanceof MessageEvent) || typeof event.data !== 'string') {
    return null;
  }
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return null;
  }
}

export function useLiveEvents(handlers: LiveEventHandlers, isEnabled = true): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>(() =>
    typeof EventSource === 'undefined' ? 'unsupported' : 'connecting',
  );
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!isEnabled || typeof EventSource === 'undefined') {
      return undefined;
    }
    let source: EventSource | null = null;
    let retry: number | undefined;
    let opens = 0;
    const on = <T>(type: string, handle: (data: T) => void) =>
      source?.addEventListener(type, (event) => {
        const data = parse<T>(event);
        if (data) {
          handle(data);
        }
      });
    const connect = () => {
      source = new EventSource(LIVE_EVENTS_URL, { withCredentials: true });
      source.onopen = () => {
        setStatus('live');
        latest.current.onOpen?.(opens > 0);
        opens += 1;
      };
      source.onerror = () => {
        setStatus('reconnecting');
        if (source?.readyState === EventSource.CLOSED) {
          latest.current.onGiveUp?.();
          retry = window.setTimeout(connect, GIVE_UP_RETRY_MS);
        }
      };
      on<ScanEventData>('scan', (data) => latest.current.onScan?.(data));
      on<LinkEventData>('link', (data) => latest.current.onLink?.(data));
      on<LinkEventData>('unlink', (data) => latest.current.onUnlink?.(data));
      on<StatsEventData>('stats', (data) => latest.current.onStats?.(data));
      on<Record<string, unknown>>('bill', (data) => latest.current.onBill?.(data));
      on<Record<string, unknown>>('return', (data) => latest.current.onReturn?.(data));
    };
    connect();
    return () => {
      window.clearTimeout(retry);
      source?.close();
    };
  }, [isEnabled]);

  return status;
}
