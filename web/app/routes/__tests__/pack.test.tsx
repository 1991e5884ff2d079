import { act, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAuthState, buildUser } from '@/testing/data-generators';
import { errorResponse } from '@/testing/msw/handlers';
import { createPackingServer } from '@/testing/msw/packing-server';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

const worker = buildUser({ username: 'ravi', role: 'dispatcher', dispatchArea: 'hisar' });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup() {
  const packing = createPackingServer();
  server.use(...packing.handlers);
  const view = renderApp('/pack', { auth: buildAuthState(worker) });
  return { ...view, packing };
}

async function scannerInput() {
  const input = await screen.findByRole('textbox', { name: 'Scan or type a code' });
  await waitFor(() => expect(input).toHaveFocus());
  return input;
}

type User = ReturnType<typeof renderApp>['user'];

async function scan(user: User, code: string) {
  await user.keyboard(`${code}{Enter}`);
}

const title = () => screen.getByRole('heading', { level: 1 });
const message = () => screen.getByTestId('station-message');
const count = () => screen.getByTestId('station-count');

async function expectMessage(text: string | RegExp) {
  await waitFor(() => expect(message()).toHaveTextContent(text));
}

beforeEach(() => {
  window.localStorage.setItem('tracetrack.station', 'Desk 1');
});

afterEach(() => {
  window.localStorage.clear();
});

describe('packing station: first use', () => {
  it('asks for a station name once and keeps it in the browser', async () => {
    window.localStorage.clear();
    const { user } = setup();

    const name = await screen.findByRole('textbox', { name: 'Station name' });
    await user.click(screen.getByRole('button', { name: 'Start packing' }));
    expect(name).toHaveAccessibleDescription(/Give this station a name/);
    await user.type(name, 'Gate A');
    await user.click(screen.getByRole('button', { name: 'Start packing' }));

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(/PARENT/);
    expect(window.localStorage.getItem('tracetrack.station')).toBe('Gate A');
  });
});

describe('packing station: parent → children', () => {
  it('opens a parent, packs children, counts them and sends the station and a scanId', async () => {
    const { user, packing } = setup();
    await scannerInput();
    expect(title()).toHaveTextContent('PARENT');

    await scan(user, 'sb12260');

    expect(title()).toHaveTextContent('CHILD');
    await expectMessage('New parent SB12260: 0 / 30. Scan its child bags.');
    await scan(user, 'LABEL NO.:0016586 LOT NO.:STAR44GG');
    await waitFor(() => expect(count()).toHaveTextContent(/^1 of 30 child bags$/));
    await scan(user, '0016587');
    await waitFor(() => expect(count()).toHaveTextContent(/^2 of 30 child bags$/));

    expect(packing.requests.map((r) => [r.path, r.body.qr, r.body.station])).toEqual([
      ['/api/scans/parent', 'SB12260', 'Desk 1'],
      ['/api/scans/child', '0016586', 'Desk 1'],
      ['/api/scans/child', '0016587', 'Desk 1'],
    ]);
    expect(packing.requests.every((r) => UUID.test(String(r.body.scanId)))).toBe(true);
    const log = screen.getByRole('region', { name: 'Last scans' });
    expect(within(log).getAllByRole('listitem')).toHaveLength(3);
    // Each result is also spoken (politely for success).
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent(
      '0016587 packed: 2 / 30.',
    );
  });

  it('shows a scan at once as "Sending", before the server answers', async () => {
    const { user, packing } = setup();
    await scannerInput();
    let release: () => void = () => undefined;
    server.use(
      http.post('/api/scans/parent', async ({ request }) => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        const body = (await request.json()) as { qr: string };
        packing.seedParent(body.qr, 3);
        return HttpResponse.json({
          bag: { qr: body.qr },
          created: false,
          childCount: 3,
          maxChildren: 30,
          complete: false,
        });
      }),
    );

    await scan(user, 'SB12261');

    const row = screen.getByText('SB12261', { selector: '.scan-log__code' }).closest('li');
    expect(row).toHaveTextContent('Sending');
    expect(title()).toHaveTextContent('CHILD');
    act(() => release());
    await waitFor(() => expect(row).toHaveTextContent('Opened at 3 / 30'));
    expect(count()).toHaveTextContent(/^3 of 30 child bags$/);
  });

  it('says "already in" for a duplicate without counting it, and undoes the last child', async () => {
    const { user } = setup();
    await scannerInput();
    await scan(user, 'SB12262');
    await scan(user, 'C-1');
    await scan(user, 'C-2');
    await waitFor(() => expect(count()).toHaveTextContent(/^2 of 30 child bags$/));

    await scan(user, 'C-1');

    await expectMessage('C-1 is already in SB12262: 2 / 30.');
    expect(count()).toHaveTextContent(/^2 of 30 child bags$/);

    await user.click(screen.getByRole('button', { name: 'Undo last' }));

    await expectMessage('Removed C-2 from SB12262: 1 / 30.');
    expect(count()).toHaveTextContent(/^1 of 30 child bags$/);
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Scan or type a code' })).toHaveFocus(),
    );
  });

  it('finishes early back to PARENT state', async () => {
    const { user } = setup();
    await scannerInput();
    await scan(user, 'SB12263');
    await scan(user, 'C-9');
    await waitFor(() => expect(count()).toHaveTextContent(/^1 of 30 child bags$/));

    await user.click(screen.getByRole('button', { name: 'Finish' }));

    expect(title()).toHaveTextContent('PARENT');
    expect(message()).toHaveTextContent('Finished SB12263 at 1 / 30. Scan the next parent.');
  });

  it('auto-finishes when the parent reaches its capacity', async () => {
    const { user, packing } = setup();
    packing.seedParent('M444-00001', 14);
    await scannerInput();
    await scan(user, 'M444-00001');
    await waitFor(() => expect(count()).toHaveTextContent(/^14 of 15 child bags$/));

    await scan(user, 'C-15');

    await expectMessage('M444-00001 is full: 15 / 15. Scan the next parent.');
    expect(title()).toHaveTextContent('PARENT');
  });
});

describe('packing station: wrong codes', () => {
  it('refuses a child in PARENT state at once, without asking the server', async () => {
    const { user, packing } = setup();
    await scannerInput();

    await scan(user, '0016586');

    expect(message()).toHaveTextContent('0016586 is a child bag. Scan a parent bag first.');
    expect(
      screen.getByText('0016586 is a child bag. Scan a parent bag first.', {
        selector: '[aria-live="assertive"] p',
      }),
    ).toBeInTheDocument();
    expect(packing.requests).toEqual([]);
  });

  it('refuses a malformed parent code naming the accepted formats', async () => {
    const { user, packing } = setup();
    await scannerInput();

    await scan(user, 'SB-12345');

    expect(message()).toHaveTextContent(
      /SB-12345 is not a valid parent code\. Accepted formats: SB \(mustard\)/,
    );
    expect(packing.requests).toEqual([]);
  });

  it('offers "Finish and start" for a parent scanned in CHILD state', async () => {
    const { user, packing } = setup();
    await scannerInput();
    await scan(user, 'SB12264');
    await scan(user, 'C-1');
    await waitFor(() => expect(count()).toHaveTextContent(/^1 of 30 child bags$/));

    await scan(user, 'SB12265');

    expect(message()).toHaveTextContent('SB12265 is a parent bag. Finish this parent first');
    expect(title()).toHaveTextContent('Scan child bags into SB12264');
    await user.click(screen.getByRole('button', { name: 'Finish and start SB12265' }));

    await expectMessage('New parent SB12265: 0 / 30. Scan its child bags.');
    expect(packing.requests.map((r) => r.body.qr)).toEqual(['SB12264', 'C-1', 'SB12265']);
  });

  it('offers the switch when the server answers QR_WRONG_TYPE (a parent format it knows)', async () => {
    const { user } = setup();
    await scannerInput();
    await scan(user, 'SB12266');
    await expectMessage(/New parent SB12266/);
    server.use(
      http.post('/api/scans/child', () =>
        errorResponse(400, 'QR_WRONG_TYPE', { qr: 'RB00001', expected: 'child', actual: 'parent' }),
      ),
    );

    await scan(user, 'RB00001');

    expect(await screen.findByRole('button', { name: 'Finish and start RB00001' })).toBeVisible();
    expect(message()).toHaveTextContent('RB00001 is a parent bag.');
  });

  it('names the other parent for CHILD_IN_OTHER_PARENT and goes back to PARENT when a parent is refused', async () => {
    const { user, packing } = setup();
    packing.seedParent('SB00001', 1);
    await scannerInput();
    await scan(user, 'SB12267');
    await scan(user, 'SEED-SB00001-0');

    await expectMessage('SEED-SB00001-0 is already in SB00001. Keep it out of this one.');

    await user.click(screen.getByRole('button', { name: 'Finish' }));
    server.use(
      http.post('/api/scans/parent', () => errorResponse(403, 'AREA_FORBIDDEN', { qr: 'SB12268' })),
    );
    await scan(user, 'SB12268');

    await expectMessage('SB12268 belongs to another dispatch area; you cannot pack it here.');
    expect(title()).toHaveTextContent('PARENT');
  });
});
