import { describe, expect, it } from 'vitest';
import { workerDatabase } from '../test/test-database.js';

/**
 * The packing answer helpers are SQL functions meant to be inlined into the statements that call
 * them (migration 0014): a call the planner cannot inline runs as a query of its own for every row.
 */
describe('SQL helper functions', () => {
  const plan = async (query: string) => {
    const database = await workerDatabase();
    const rows = await database.query<Record<string, string>>(`explain (verbose) ${query}`, []);
    return rows.map((row) => Object.values(row).join('')).join('\n');
  };

  it('tt_bag_answer is inlined: the plan computes its jsonb_build_object itself', async () => {
    const text = await plan(`select tt_bag_answer(b, 'someone', 30) from bags b limit 1`);

    expect(text).toContain('jsonb_build_object(');
    expect(text).not.toContain('tt_bag_answer(');
  });

  it('tt_err is inlined', async () => {
    const text = await plan(
      `select tt_err('PARENT_FULL', jsonb_build_object('qr', b.qr)) from bags b limit 1`,
    );

    expect(text).toContain(`jsonb_build_object('error'`);
    expect(text).not.toContain('tt_err(');
  });

  it('both are STABLE: their JSON depends on the session TimeZone', async () => {
    const database = await workerDatabase();
    const rows = await database.query<{ name: string; volatility: string }>(
      `select proname as name, provolatile as volatility from pg_proc
        where proname in ('tt_bag_answer', 'tt_err') order by proname`,
      [],
    );

    expect(rows).toEqual([
      { name: 'tt_bag_answer', volatility: 's' },
      { name: 'tt_err', volatility: 's' },
    ]);
  });
});
