import { describe, expect, it } from 'vitest';
import { formatDay, isDay, localDay } from '@/features/bills/utils/day';

describe('localDay', () => {
  it('writes the local calendar day with zero padding', () => {
    expect(localDay(new Date(2025, 2, 3, 23, 59))).toBe('2025-03-03');
    expect(localDay(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});

describe('isDay', () => {
  it.each([
    ['2025-03-03', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-3-3', false],
    ['', false],
    ['03/03/2025', false],
  ])('%s → %s', (value, expected) => {
    expect(isDay(value)).toBe(expected);
  });
});

describe('formatDay', () => {
  it('names the day itself, not a neighbour in another time zone', () => {
    const text = formatDay('2025-03-03');
    expect(text).toContain('2025');
    expect(text).toMatch(/\b3\b/);
  });

  it('leaves anything that is not a day as it is', () => {
    expect(formatDay('soon')).toBe('soon');
  });
});
