import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { EodSummary, EodTotals } from '@common/contracts/eod';
import { buildAuthState, buildStats, buildUser } from '@/testing/data-generators';
import { server } from '@/testing/msw/server';
import { renderApp } from '@/testing/test-utils';

function totals(bills: number, parents: number): EodTotals {
  return {
    bills,
    parents,
    children: parents * 30,
    actualWeightKg: parents * 30,
    expectedWeightKg: parents * 30 + 2,
    differenceKg: -2,
  };
}

function buildEod(date: string): EodSummary {
  const ravi = { username: 'ravi', role: 'biller' };
  const asha = { username: 'asha', role: 'admin' };
  return {
    date,
    timeZone: 'Asia/Kolkata',
    generatedAt: `${date}T12:30:00.000Z`,
    bills: [
      {
        billNo: 'B-501',
        creator: ravi,
        parents: 2,
        children: 60,
        actualWeightKg: 60,
        expectedWeightKg: 60,
        status: 'completed',
        createdAt: `${date}T04:00:00.000Z`,
      },
      {
        billNo: 'B-502',
        creator: asha,
        parents: 1,
        children: 30,
        actualWeightKg: 30,
        expectedWeightKg: 32,
        status: 'processing',
        createdAt: `${date}T05:00:00.000Z`,
      },
    ],
    totals: {
      byStatus: { new: totals(0, 0), processing: totals(1, 1), completed: totals(1, 2) },
      byCreator: [
        { creator: asha, ...totals(1, 1) },
        { creator: ravi, ...totals(1, 2) },
      ],
      grand: totals(2, 3),
    },
  };
}

function serveEod(empty = false) {
  const dates: Array<string | null> = [];
  server.use(
    http.get('/api/eod', ({ request }) => {
      const date = new URL(request.url).searchParams.get('date');
      dates.push(date);
      const summary = buildEod(date ?? '2025-03-03');
      return HttpResponse.json(empty ? { ...summary, bills: [] } : summary);
    }),
  );
  return dates;
}

/** Each row's cells, joined by one space. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()).join(' '),
    );

describe('daily summary', () => {
  it('shows an admin the day’s end-of-day figures and links its print view and PDF', async () => {
    const dates = serveEod();
    renderApp('/summary?date=2025-03-03', { auth: buildAuthState(buildUser({ role: 'admin' })) });

    const byStatus = await screen.findByRole('table', { name: 'Totals by status' });
    expect(dates).toEqual(['2025-03-03']);
    expect(rowsOf(byStatus)).toEqual([
      'Status Bills Parent bags Child bags Actual Expected Difference',
      'New 0 0 0 0 kg 2 kg -2 kg',
      'Processing 1 1 30 30 kg 32 kg -2 kg',
      'Completed 1 2 60 60 kg 62 kg -2 kg',
      'All bills 2 3 90 90 kg 92 kg -2 kg',
    ]);
    const byCreator = screen.getByRole('table', { name: 'Totals by creator' });
    expect(rowsOf(byCreator).slice(1, 3)).toEqual([
      'asha (admin) 1 1 30 30 kg 32 kg -2 kg',
      'ravi (biller) 1 2 60 60 kg 62 kg -2 kg',
    ]);
    const bills = screen.getByRole('table', { name: 'Bills (2)' });
    expect(within(bills).getByRole('link', { name: 'B-501' })).toHaveAttribute(
      'href',
      '/bills/B-501',
    );
    expect(rowsOf(bills)[2]).toMatch(/^B-502 Processing asha \(admin\) .+ 1 30 30 kg 32 kg$/);
    expect(screen.getByRole('link', { name: 'Open print view' })).toHaveAttribute(
      'href',
      '/api/print/summary?date=2025-03-03',
    );
    expect(screen.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
      'href',
      '/api/print/summary?date=2025-03-03&format=pdf',
    );
  });

  it('follows the chosen day: figures, links and address', async () => {
    const dates = serveEod();
    const { user, router } = renderApp('/summary?date=2025-03-03', {
      auth: buildAuthState(buildUser({ role: 'admin' })),
    });
    const field = await screen.findByLabelText('Day');
    await screen.findByRole('table', { name: 'Totals by status' });

    await user.clear(field);
    expect(await screen.findByText('Choose a day.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open print view' })).toBeNull();
    await user.type(field, '2025-03-04');

    await waitFor(() => expect(dates.at(-1)).toBe('2025-03-04'));
    expect(screen.getByRole('link', { name: 'Open print view' })).toHaveAttribute(
      'href',
      '/api/print/summary?date=2025-03-04',
    );
    expect(router.state.location.search).toBe('?date=2025-03-04');
  });

  it('says when nobody created a bill that day', async () => {
    serveEod(true);
    renderApp('/summary?date=2025-03-05', { auth: buildAuthState(buildUser({ role: 'admin' })) });

    expect(await screen.findByText(/No bills were created on/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('gives a biller the print links of the server’s today, not the admins’ figures', async () => {
    const dates = serveEod();
    server.use(http.get('/api/stats', () => HttpResponse.json(buildStats({ day: '2025-03-07' }))));
    renderApp('/summary', { auth: buildAuthState(buildUser({ role: 'biller' })) });

    const link = await screen.findByRole('link', { name: 'Open print view' });
    await waitFor(() => expect(link).toHaveAttribute('href', '/api/print/summary?date=2025-03-07'));
    expect(screen.getByLabelText('Day')).toHaveValue('2025-03-07');
    expect(screen.getByText('The summary lists the bills you created that day.')).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
    expect(dates).toEqual([]);
  });

  it('is in the navigation of admins and billers, and not allowed for dispatchers', async () => {
    renderApp('/summary', {
      auth: buildAuthState(buildUser({ role: 'dispatcher', dispatchArea: 'hisar' })),
    });

    expect(
      await screen.findByText('The daily summary is for admins and billers.'),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Daily summary' })).toBeNull();
  });

  it('offers billers the daily summary under Reports', async () => {
    renderApp('/more', { auth: buildAuthState(buildUser({ role: 'biller' })) });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const reports = within(nav).getByText('Reports').parentElement as HTMLElement;
    expect(within(reports).getByRole('link', { name: 'Daily summary' })).toHaveAttribute(
      'href',
      '/summary',
    );
  });
});
