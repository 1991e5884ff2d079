import { describe, expect, it } from 'vitest';
import { pdfSafe } from './pdf-layout.js';
import { buildBillPdf, buildDayPdf } from './print-pdf.js';
import { presentPrintDay, type PrintBill, type PrintMeta } from './print.presenter.js';
import type { PrintBillRow } from './print.repository.js';
import { pdfPageCount, pdfTextOf, readAll } from './print.test-kit.js';

const META: PrintMeta = {
  timeZone: 'Asia/Kolkata',
  printedAt: new Date('2047-05-14T10:10:00Z'),
  printedBy: 'admin',
};

function billRow(billNo: string, parents: number, extra: Partial<PrintBillRow> = {}): PrintBillRow {
  return {
    bill_no: billNo,
    description: null,
    status: 'processing',
    capacity: 500,
    parent_count: parents,
    child_count: parents * 30,
    actual_weight_kg: parents * 30,
    expected_weight_kg: parents * 30,
    destination: 'Jaipur',
    vehicle_number: 'RJ14 GA 1234',
    completion_reason: null,
    created_at: '2047-05-14T04:00:00+00:00',
    completed_at: null,
    username: 'ravi',
    role: 'biller',
    parents: Array.from({ length: parents }, (_, i) => ({
      qr: `SB${String(10_000 + i)}`,
      kind: 'SB',
      kindLabel: 'SB (mustard)',
      childCount: 30,
      weightKg: 30,
      expectedKg: 30,
    })),
    ...extra,
  };
}

const billOf = (row: PrintBillRow): PrintBill => {
  const day = presentPrintDay([row], { date: '2047-05-14', createdBy: null });
  const [bill] = day.bills;
  if (!bill) {
    throw new Error('no bill');
  }
  return bill;
};

describe('buildBillPdf', () => {
  it('writes the bill number, figures and signature lines as text (compress: false)', async () => {
    const bill = billOf(billRow('B-7781', 3, { description: '<script>alert(1)</script>' }));

    const pdf = await readAll(buildBillPdf(bill, META, { compress: false }));

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfTextOf(pdf).join('\n');
    expect(text).toContain('TraceTrack');
    expect(text).toContain('B-7781');
    expect(text).toContain('14 May 2047, 09:30');
    expect(text).toContain('Jaipur');
    expect(text).toContain('RJ14 GA 1234');
    expect(text).toContain('ravi (Biller)');
    expect(text).toContain('SB10002');
    expect(text).toContain('3 / 500');
    expect(text).toContain('Total: 3 parent bags');
    expect(text).toContain('<script>alert(1)</script>');
    for (const label of ['Prepared by', 'Checked by', 'Driver']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('Printed 14 May 2047, 15:40 (Asia/Kolkata) by admin');
  });

  it('compresses its content streams by default', async () => {
    const bill = billOf(billRow('B-7782', 2));

    const pdf = await readAll(buildBillPdf(bill, META));

    expect(pdf.toString('latin1')).toContain('/Filter /FlateDecode');
    expect(pdfTextOf(pdf).join('')).not.toContain('B-7782');
  });

  it('spreads a long bill over pages, repeating the table header and numbering each page', async () => {
    const bill = billOf(billRow('B-500', 500));

    const pdf = await readAll(buildBillPdf(bill, META, { compress: false }));

    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(5);
    const lines = pdfTextOf(pdf);
    expect(lines.filter((l) => l === 'Parent bag')).toHaveLength(pages);
    expect(lines.filter((l) => l.endsWith('(continued)'))).toHaveLength(pages - 1);
    expect(lines).toContain(`Page ${pages}`);
    expect(lines).toContain('SB10499');
    expect(lines).toContain('Total: 500 parent bags');
  });

  it('prints text the built-in font cannot show as ? instead of failing', async () => {
    const bill = billOf(
      billRow('B-HINDI', 1, { destination: 'जयपुर Depot', description: 'ok\u0007' }),
    );

    const text = pdfTextOf(await readAll(buildBillPdf(bill, META, { compress: false })));

    expect(text).toContain('????? Depot');
    expect(pdfSafe('a\u0000b €—’ é')).toBe('ab €—’ é');
  });
});

describe('buildDayPdf', () => {
  it('prints day totals and each bill from a new page', async () => {
    const day = presentPrintDay([billRow('D-1', 2), billRow('D-2', 1, { status: 'completed' })], {
      date: '2047-05-14',
      createdBy: null,
    });

    const pdf = await readAll(buildDayPdf(day, META, { compress: false }));

    expect(pdfPageCount(pdf)).toBe(3);
    const text = pdfTextOf(pdf).join('\n');
    expect(text).toContain('DAILY SUMMARY');
    expect(text).toContain('Day total: 2 bills');
    expect(text).toContain('New 0 · Processing 1 · Completed 1');
    expect(text).toContain('D-1');
    expect(text).toContain('D-2');
  });

  it('says so when no bill was created that day', async () => {
    const day = presentPrintDay([], { date: '2047-05-15', createdBy: 'ravi' });

    const text = pdfTextOf(await readAll(buildDayPdf(day, META, { compress: false })));

    expect(text).toContain('No bills were created on this day.');
    expect(text).toContain('Created by ravi');
  });
});
