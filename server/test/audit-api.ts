import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AuditEntry, AuditList } from '../../common/contracts/audit.js';
import { as, type TestSession } from './auth.js';

/** Keys an audit snapshot must never carry (SPEC §11: no secrets in the trail). */
const SECRET_KEY = /password|hash/i;

/** Reads audit rows through the API as an admin, newest first. */
export async function auditEntries(
  app: FastifyInstance,
  admin: TestSession,
  filters: Record<string, string>,
): Promise<AuditEntry[]> {
  const res = await as(app, admin)('GET', `/api/audit?${new URLSearchParams(filters).toString()}`);
  if (res.statusCode !== 200) {
    throw new Error(`GET /api/audit failed: ${res.statusCode} ${res.body}`);
  }
  return res.json<AuditList>().items;
}

/** Every key of a JSON value, at any depth. */
export function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(keysDeep);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysDeep(inner)]);
  }
  return [];
}

/**
 * The newest audit row with `action` on `entity` (`type:id`), checked against the response that
 * wrote it: same request id, anonymised IP (IPv4 last octet 0), no password or hash field.
 */
export async function expectAudited(
  app: FastifyInstance,
  admin: TestSession,
  res: LightMyRequestResponse,
  expected: { action: string; entity: string; actor?: string },
): Promise<AuditEntry> {
  const [row] = await auditEntries(app, admin, {
    action: expected.action,
    entity: expected.entity,
    ...(expected.actor ? { actor: expected.actor } : {}),
    limit: '1',
  });
  expect(row, `audit row ${expected.action} on ${expected.entity}`).toBeDefined();
  const entry = row as AuditEntry;
  const [entityType, entityId] = expected.entity.split(':');
  expect(entry.action).toBe(expected.action);
  expect(entry.entityType).toBe(entityType);
  if (entityId !== undefined) {
    expect(entry.entityId).toBe(entityId);
  }
  if (expected.actor) {
    expect(entry.actor?.username).toBe(expected.actor);
  }
  expect(entry.requestId).toBe(res.headers['x-request-id']);
  expect(entry.ip).toBe('127.0.0.0');
  expect(keysDeep(entry.before).filter((k) => SECRET_KEY.test(k))).toEqual([]);
  expect(keysDeep(entry.after).filter((k) => SECRET_KEY.test(k))).toEqual([]);
  return entry;
}
