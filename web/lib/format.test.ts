import { describe, expect, it } from 'vitest';
import { countOf } from './format';

describe('countOf', () => {
  it.each([
    [0, '0 child bags'],
    [1, '1 child bag'],
    [30, '30 child bags'],
  ])('%i → %s', (count, text) => {
    expect(countOf(count, 'child bag')).toBe(text);
  });

  it('takes an irregular plural', () => {
    expect(countOf(2, 'box', 'boxes')).toBe('2 boxes');
  });
});
