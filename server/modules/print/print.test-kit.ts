import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { as, type TestSession } from '../../test/auth.js';
import { freshChildCode, freshParentCode, newScanId, packer } from '../../test/bags.js';
import type { TestApp } from '../../test/build-test-app.js';

/** Test helpers of the print and eod modules (used only by their *.test.ts files). */

export const uniqueBillNo = (prefix = 'PR') =>
  `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;

export interface BillSpec {
  billNo?: string;
  capacity?: number;
  description?: string;
  destination?: string;
  vehicleNumber?: string;
  /** Parents packed with this many children each, then attached in this order. */
  parents?: Array<{ kind?: 'SB' | 'M444'; children: number }>;
}

/** Creates a bill through the API as `session` (at the test clock's now), packs and attaches its parents. */
export async function arrangeBill(
  t: TestApp,
  session: TestSession,
  spec: BillSpec = {},
): Promise<{ billNo: string; parents: string[] }> {
  const call = as(t.app, session);
  const billNo = spec.billNo ?? uniqueBillNo();
  const created = await call('POST', '/api/bills', {
    billNo,
    capacity: spec.capacity ?? 10,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(spec.destination === undefined ? {} : { destination: spec.destination }),
    ...(spec.vehicleNumber === undefined ? {} : { vehicleNumber: spec.vehicleNumber }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const pack = packer(t.app, session);
  const parents: string[] = [];
  for (const parent of spec.parents ?? []) {
    const qr = await freshParentCode(t.database, parent.kind ?? 'SB');
    const opened = await pack.parent(qr);
    expect(opened.statusCode, opened.body).toBeLessThan(300);
    for (let i = 0; i < parent.children; i += 1) {
      const linked = await pack.child(qr, freshChildCode());
      expect(linked.statusCode, linked.body).toBeLessThan(300);
    }
    const attached = await call('POST', `/api/bills/${encodeURIComponent(billNo)}/parents`, {
      qr,
      scanId: newScanId(),
    });
    expect(attached.statusCode, attached.body).toBe(200);
    parents.push(qr);
  }
  return { billNo, parents };
}

/** Reads a stream (a PDF document) to one buffer. */
export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The text an uncompressed pdfkit PDF shows: pdfkit writes each line as a TJ array of hex
 * strings (split where kerning applies), so one line is the concatenation of its hex pieces.
 */
export function pdfTextOf(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)]
      .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
      .join(''),
  );
}

/** Pages of a PDF. */
export const pdfPageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

/** HTML that a CSP without 'unsafe-inline' renders fully: no inline style or script at all. */
export function expectNoInlineStyleOrScript(html: string): void {
  expect(html).not.toMatch(/<style/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/<script/i);
  // Event-handler attributes inside real tags (escaped text has no `<`).
  expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
}
