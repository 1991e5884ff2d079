import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import {
  arrangeBill,
  expectNoInlineStyleOrScript,
  pdfPageCount,
  uniqueBillNo,
} from './print.test-kit.js';

/** 2047-05-14 15:40 in Asia/Kolkata. */
const AT = new Date('2047-05-14T10:10:00Z');
const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

describe('GET /api/print/bill/:billNo', () => {
  let t: TestApp;
  let biller: TestSession;
  let billerName: string;

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set(AT);
    billerName = (await createUser(t.database, { role: 'biller' })).username;
    biller = await loginAs(t.app, billerName);
  });
  afterAll(async () => t.app.close());

  it('answers 401 AUTH_REQUIRED without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/print/bill/ANY-1' });

    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('AUTH_REQUIRED');
  });

  it('prints the bill as HTML with every figure, the creator and the signature lines', async () => {
    t.clock.set(AT);
    const { billNo, parents } = await arrangeBill(t, biller, {
      capacity: 5,
      destination: 'Jaipur & Co',
      vehicleNumber: 'RJ14 GA 1234',
      parents: [
        { kind: 'SB', children: 3 },
        { kind: 'M444', children: 2 },
      ],
    });

    const res = await as(t.app, biller)('GET', `/api/print/bill/${billNo}`);

    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('<!doctype html>');
    expect(html).toContain('<link rel="stylesheet" href="/api/print/print.css">');
    expect(html).toContain('TraceTrack');
    expect(html).toContain(`<span class="doc-id-value">${billNo}</span>`);
    expect(html).toContain('14 May 2047, 15:40');
    expect(html).toContain('Jaipur &amp; Co');
    expect(html).toContain('RJ14 GA 1234');
    expect(html).toContain('<dd>Processing</dd>');
    expect(html).toContain(`<dd>${billerName} (Biller)</dd>`);
    for (const qr of parents) {
      expect(html).toContain(`<td class="code">${qr}</td>`);
    }
    expect(html).toContain('<td>SB (mustard)</td>');
    expect(html).toContain('<td>M444 (moong)</td>');
    expect(html).toContain('Total: 2 parent bags');
    expect(html).toContain('<dt>Parent bags</dt><dd>2 / 5</dd>');
    expect(html).toContain('<dt>Child bags</dt><dd>5</dd>');
    expect(html).toContain('<dt>Actual weight</dt><dd>5 kg</dd>');
    expect(html).toContain('<dt>Expected weight</dt><dd>45 kg</dd>');
    expect(html).toContain('<dt>Difference</dt><dd>-40 kg</dd>');
    expect(html).toContain('<dt>Fill</dt><dd>40 %</dd>');
    for (const label of ['Prepared by', 'Checked by', 'Driver']) {
      expect(html).toContain(`<div class="signature-label">${label}</div>`);
    }
    expect(html).toContain(`Printed 14 May 2047, 15:40 (Asia/Kolkata) by ${billerName}`);
  });

  it('escapes every printed value and carries no inline style or script (CSP)', async () => {
    t.clock.set(AT);
    const { billNo } = await arrangeBill(t, biller, {
      description: HOSTILE,
      destination: '"><b>bold</b>',
      vehicleNumber: "O'Neil",
    });

    const res = await as(t.app, biller)('GET', `/api/print/bill/${billNo}`);

    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.body).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(res.body).toContain('&quot;&gt;&lt;b&gt;bold&lt;/b&gt;');
    expect(res.body).toContain('O&#39;Neil');
    expect(res.body).not.toContain('<b>bold</b>');
    expectNoInlineStyleOrScript(res.body);
    expect(res.body).toContain('No parent bags attached.');
  });

  it('finds the bill case-insensitively and lets any signed-in user print it', async () => {
    t.clock.set(AT);
    const { billNo } = await arrangeBill(t, biller);
    const dispatcher = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'jaipur' })).username,
    );

    const res = await as(t.app, dispatcher)('GET', `/api/print/bill/${billNo.toLowerCase()}`);

    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(billNo);
  });

  it('answers 404 BILL_NOT_FOUND for an unknown bill, HTML or PDF', async () => {
    const missing = uniqueBillNo('NONE');
    for (const suffix of ['', '?format=pdf']) {
      const res = await as(t.app, biller)('GET', `/api/print/bill/${missing}${suffix}`);

      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('BILL_NOT_FOUND');
    }
  });

  it('answers 400 VALIDATION for an unknown format or query field, and a blank bill number', async () => {
    const { billNo } = await arrangeBill(t, biller);
    for (const url of [
      `/api/print/bill/${billNo}?format=docx`,
      `/api/print/bill/${billNo}?colour=red`,
      '/api/print/bill/%20%20',
    ]) {
      const res = await as(t.app, biller)('GET', url);

      expect(res.statusCode, url).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    }
  });

  it('answers ?format=pdf with an inline PDF named after the bill', async () => {
    t.clock.set(AT);
    const { billNo } = await arrangeBill(t, biller, { parents: [{ children: 2 }] });

    const res = await as(t.app, biller)('GET', `/api/print/bill/${billNo}?format=pdf`);

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="bill-${billNo}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdfPageCount(res.rawPayload)).toBe(1);
  });

  it('names a PDF of a bill number with spaces safely, with the exact name as filename*', async () => {
    const billNo = `${uniqueBillNo('SP')} "Q"`;
    await arrangeBill(t, biller, { billNo });

    const res = await as(t.app, biller)(
      'GET',
      `/api/print/bill/${encodeURIComponent(billNo)}?format=pdf`,
    );

    expect(res.statusCode).toBe(200);
    const plain = `bill-${billNo.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(`bill-${billNo}.pdf`)}`,
    );
  });
});

describe('GET /api/print/print.css', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.app.close());

  it('serves the A4 print stylesheet with a repeated table header, cacheable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/print/print.css' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.body).toContain('size: A4 portrait');
    expect(res.body).toContain('thead { display: table-header-group; }');
    expect(res.body).toContain('break-before: page');
  });
});
