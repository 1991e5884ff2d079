import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { bags } from '../db/schema/bags.js';
import { as, type TestSession } from './auth.js';

/** A parent code of the kind (SB or M444) no bag has yet. */
export async function freshParentCode(
  database: Database,
  kind: 'SB' | 'M444' = 'SB',
): Promise<string> {
  for (;;) {
    const digits = String(randomInt(100_000)).padStart(5, '0');
    const code = kind === 'SB' ? `SB${digits}` : `M444-${digits}`;
    const [taken] = await database.db
      .select({ id: bags.id })
      .from(bags)
      .where(eq(bags.qr, code))
      .limit(1);
    if (!taken) {
      return code;
    }
  }
}

/** A child code nobody else will use (12 hex digits). */
export function freshChildCode(): string {
  return randomBytes(6).toString('hex').toUpperCase();
}

export const newScanId = () => randomUUID();

/** Packing calls as a signed-in user. */
export function packer(app: FastifyInstance, session: TestSession, station = 'test-desk') {
  const call = as(app, session);
  return {
    parent: (qr: string, extra: Record<string, unknown> = {}) =>
      call('POST', '/api/scans/parent', { qr, scanId: newScanId(), station, ...extra }),
    child: (parentQr: string, qr: string, scanId = newScanId()) =>
      call('POST', '/api/scans/child', { parentQr, qr, scanId, station }),
    undo: (parentQr: string, scanId: string | undefined = newScanId()) =>
      call('POST', '/api/scans/undo', { parentQr, ...(scanId ? { scanId } : {}) }),
  };
}
