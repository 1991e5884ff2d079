import { writeAudit } from '../modules/audit/audit-writer.js';
import type { RequestCtx } from './context.js';
import { isReplayedRefusal } from './db-function.js';
import type { AppDeps } from './deps.js';
import { isAppError } from './errors.js';

/** A scan request as the audit log keeps it when it is refused. */
export interface ScanAttempt {
  /** parent, child, undo, bill, return */
  endpoint: string;
  /** The scanned code as sent (stored trimmed, at most 100 characters). */
  qr: string;
  /** The parent, bill or ticket the code was scanned into. */
  target?: string | undefined;
  scanId?: string | undefined;
  station?: string | undefined;
}

/**
 * Runs a scan request; when it is refused, writes `scan.refused` to the audit log (SPEC §4:
 * refused scans are not scans, the audit log keeps them) and answers the refusal unchanged. A
 * replayed refusal is not written again; a 403 is marked as a security event. An audit write that
 * fails is logged, never answered.
 */
export async function auditRefusal<T>(
  deps: Pick<AppDeps, 'database'>,
  ctx: RequestCtx,
  scan: ScanAttempt,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && !isReplayedRefusal(error)) {
      await writeAudit(deps.database.db, ctx, {
        action: 'scan.refused',
        entityType: 'bag',
        entityId: scan.qr.trim().slice(0, 100),
        // A denial (403, e.g. another area's parent) is a security event (SPEC §3), kept forever.
        security: error.statusCode === 403,
        after: {
          endpoint: scan.endpoint,
          code: error.code,
          details: error.details ?? {},
          target: scan.target ?? null,
          scanId: scan.scanId ?? null,
          station: scan.station ?? null,
        },
      }).catch((auditError: unknown) =>
        ctx.log.error({ err: auditError }, 'could not audit a refused scan'),
      );
    }
    throw error;
  }
}
