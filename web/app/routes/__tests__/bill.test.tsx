import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AttachBody, BillDetail } from '@common/contracts/bills';
import type { ErrorCode } from '@common/error-codes';
import { buildAuthState, buildBag, buildBill, buildUser } from '@/testing/data-generators';
import { errorResponse } from '@/testing/msw/handlers';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

/** A tiny bill server: GET the detail, POST parents (answers `refuse` when set). */
function serveBill(refuse?: {
  status: number;
  code: ErrorCode;
  details?: Record<string, unknown>;
}) {
  const bodies: AttachBody[] = [];
  let detail: BillDetail = { bill: buildBill(), parents: [], events: [], eventsTruncated: false };
  server.use(
    http.get('/api/bills/:billNo', () => HttpResponse.json(detail)),
    http.post('/api/bills/:billNo/parents', async ({ request }) => {
      const body = (await request.json()) as AttachBody;
      bodies.push(body);
      if (refuse) {
        return errorResponse(refuse.status, refuse.code, { qr: body.qr, ...refuse.details });
      }
      const isDuplicate = detail.parents.some((p) => p.qr === body.qr);
      const count = detail.parents.length + (isDuplicate ? 0 : 1);
      const bill = buildBill({
        parentCount: count,
        childCount: count * 30,
        actualWeightKg: count * 30,
        expectedWeightKg: count * 30,
        fillPercent: (count / 2) * 100,
        status: count >= 2 ? 'completed' : 'processing',
      });
      const parents = isDuplicate
        ? detail.parents
        : [
            ...detail.parents,
            {
              qr: body.qr,
              kind: 'SB',
              childCount: 30,
              weightKg: 30,
              expectedKg: 30,
              attachedAt: bill.updatedAt,
            },
          ];
      detail = { ...detail, bill, parents };
      const parent = buildBag({ qr: body.qr, childCount: 30, weightKg: 30 });
      return HttpResponse.json({ bill, parent, duplicate: isDuplicate, created: false });
    }),
  );
  return { bodies };
}

const biller = buildAuthState(buildUser({ role: 'biller' }));

const message = () => screen.getByTestId('scan-message');

async function openScanner() {
  return screen.findByRole('textbox', { name: 'Scan or type a parent bag' });
}

describe('bill page', () => {
  it('attaches scanned parents, shows the figures and completes at capacity', async () => {
    const { bodies } = serveBill();
    const { user } = renderApp('/bills/B-100', { auth: biller });
    const input = await openScanner();
    expect(screen.getByTestId('bill-count')).toHaveTextContent('0 / 2 parent bags');

    await user.type(input, 'SB10001{Enter}');
    await waitFor(() => expect(message()).toHaveTextContent('SB10001 attached. 1 / 2.'));
    await waitFor(() => expect(screen.getByTestId('bill-count')).toHaveTextContent('1 / 2'));
    const list = await screen.findByRole('list', { name: 'Attached parent bags' });
    expect(within(list).getByText('SB10001')).toBeInTheDocument();

    await user.type(input, 'SB10001{Enter}');
    await waitFor(() =>
      expect(message()).toHaveTextContent('SB10001 is already on this bill (1 / 2).'),
    );

    await user.click(screen.getByRole('checkbox', { name: /Typed entry/ }));
    await user.type(input, 'SB10002{Enter}');
    await waitFor(() => expect(message()).toHaveTextContent(/Bill B-100 is completed \(2 \/ 2\)/));
    await waitFor(() => expect(screen.getByTestId('bill-status')).toHaveTextContent('Completed'));
    expect(bodies.map((b) => [b.qr, b.manual ?? false])).toEqual([
      ['SB10001', false],
      ['SB10001', false],
      ['SB10002', true],
    ]);
    expect(new Set(bodies.map((b) => b.scanId)).size).toBe(3);
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeInTheDocument();
  });

  it.each([
    [404, 'BAG_NOT_FOUND', {}, 'SB10009 is not a known bag'],
    [
      400,
      'QR_WRONG_TYPE',
      { actual: 'child', expected: 'parent' },
      'is a child bag. Scan a parent bag here.',
    ],
    [409, 'BILL_CLOSED', {}, 'This bill is completed. Reopen it to add parent bags.'],
    [409, 'PARENT_ON_OTHER_BILL', { bill: 'B-777' }, 'SB10009 is already on bill B-777.'],
    [
      409,
      'PARENT_IN_OPEN_TICKET',
      { ticket: 'RTN-20250303-AB12' },
      'in open return ticket RTN-20250303-AB12',
    ],
    [409, 'BILL_FULL', { capacity: 2 }, 'The bill is full (2 parent bags).'],
    [404, 'BILL_NOT_FOUND', {}, 'This bill no longer exists.'],
  ] as const)('answers %s %s with a friendly message', async (status, code, details, message) => {
    serveBill({ status, code, details });
    const { user } = renderApp('/bills/B-100', { auth: biller });
    await user.type(await openScanner(), 'SB10009{Enter}');
    const alert = await screen.findByTestId('scan-message');
    await waitFor(() => expect(alert).toHaveTextContent(message));
    expect(alert).toHaveClass('scan-message--error');
  });

  it('asks for a reason to complete below capacity, and sends it', async () => {
    serveBill();
    let sent: unknown = null;
    server.use(
      http.post('/api/bills/:billNo/complete', async ({ request }) => {
        sent = await request.json();
        return errorResponse(409, 'BILL_EMPTY');
      }),
    );
    const { user } = renderApp('/bills/B-100', { auth: biller });
    await openScanner();
    await user.click(screen.getByRole('button', { name: 'Complete bill' }));
    expect(await screen.findByText(/say why it is completed early/)).toBeInTheDocument();
    expect(sent).toBeNull();
    await user.type(
      screen.getByRole('textbox', { name: 'Reason for completing early' }),
      'Truck left',
    );
    await user.click(screen.getByRole('button', { name: 'Complete bill' }));
    expect(await screen.findByText(/needs at least one parent bag/)).toBeInTheDocument();
    expect(sent).toEqual({ reason: 'Truck left' });
  });

  it('lets a dispatcher only look', async () => {
    serveBill();
    renderApp('/bills/B-100', {
      auth: buildAuthState(buildUser({ role: 'dispatcher', dispatchArea: 'hisar' })),
    });
    expect(await screen.findByTestId('bill-count')).toHaveTextContent('0 / 2');
    expect(screen.queryByRole('textbox', { name: 'Scan or type a parent bag' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Complete bill' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Print' })).toHaveAttribute(
      'href',
      '/api/print/bill/B-100',
    );
    expect(screen.getByRole('link', { name: 'PDF' })).toHaveAttribute(
      'href',
      '/api/print/bill/B-100?format=pdf',
    );
  });
});
