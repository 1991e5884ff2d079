import { describe, expect, it } from 'vitest';
import { checkKindPattern, MAX_KIND_PATTERN_LENGTH } from './kind-pattern.js';
import { kindRegExp } from './qr.js';

describe('checkKindPattern', () => {
  it.each([
    ['^SB\\d{5}$', 'SB'],
    ['^M444-\\d{5}$', 'M44'],
    ['^GN-\\d{4}$', 'GN'],
    ['^AB-?\\d{4,6}[A-Z]?$', 'AB'],
    ['^RD[A-Z]+\\d+$', 'RD'],
    ['^RD(?:A|B)?\\d{3}$', 'RD'],
    ['^RD[AB|]+\\.\\/\\d{2}$', 'RD'],
    ['^RD\\\\b$', 'RD'],
  ])('accepts %s', (pattern, prefix) => {
    expect(checkKindPattern(pattern, prefix)).toBeNull();
  });

  it.each([
    ['^RD(A+)+$', /Nested repetition/],
    ['^RD(A*)*$', /Nested repetition/],
    ['^RD(\\d+)*$', /Nested repetition/],
    ['^RD(A|A)*$', /must not contain alternatives/],
    ['^RD(A|AA)+$', /must not contain alternatives/],
    ['^RD(?:A|B){2}$', /must not contain alternatives/],
    ['^RD((A|B)C)+$', /must not contain alternatives/],
    ['^RD\\d*\\d*\\d*$', /Too many variable-length repetitions/],
    ['^RD\\d{0,99}\\d{0,99}\\d{0,99}$', /Too many variable-length repetitions/],
    ['^RD\\bA$', /escape \\b is not supported/],
    ['^RD(A)\\1$', /escape \\1 is not supported/],
    ['^RD\\u0041$', /escape \\u is not supported/],
    ['^RD(?<n>A)$', /Named groups/],
    ['^RD(?<=D)A$', /not supported/],
    ['RD\\d{3}', /anchored/],
    ['^RD(\\d{3}$', /anchored/],
    ['^XX\\d{3}$', /reserved prefix/],
    [`^RD${'A'.repeat(MAX_KIND_PATTERN_LENGTH)}$`, /at most 100 characters/],
  ])('refuses %s', (pattern, reason) => {
    expect(checkKindPattern(pattern, 'RD')).toMatch(reason);
  });

  it('accepts only patterns that answer a long near-miss code at once', () => {
    const accepted = ['^RD[A-Z]+\\d+$', '^RD\\d*\\d*$', '^RD-?[A-Z]{0,60}[0-9A-Z]{1,20}$'];
    const nearMiss = `RD${'A'.repeat(190)}!`;

    for (const pattern of accepted) {
      const started = performance.now();
      kindRegExp(pattern)?.test(nearMiss);

      expect(checkKindPattern(pattern, 'RD')).toBeNull();
      expect(performance.now() - started).toBeLessThan(200);
    }
  });
});
