import { describe, expect, it } from 'vitest';
import { classifyCode, DEFAULT_BAG_KINDS, normaliseCode, type BagKindRule } from './qr.js';

const kinds = DEFAULT_BAG_KINDS;

describe('normaliseCode', () => {
  it.each([
    ['  sb12260  ', 'SB12260'],
    ['sb\t12260', 'SB12260'],
    ['SB12260\r\n', 'SB12260'],
    ['\u200BSB\u200D12260\uFEFF', 'SB12260'],
    ['\u202ESB12260\u202C', 'SB12260'],
    ['\u00ADSB12260', 'SB12260'],
    ['SB\u007F12260', 'SB12260'],
    ['sb\u00A012260', 'SB 12260'],
    ['label   no.  :   0016586   lot', 'LABEL NO. : 0016586 LOT'],
    ['m444-00001', 'M444-00001'],
    ['\u0000\u0001\u001F', ''],
    ['\u2003 \u3000', ''],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseCode(raw)).toBe(expected);
  });
});

describe('classifyCode', () => {
  it.each([
    ['SB12260', 'SB'],
    ['sb12260', 'SB'],
    [' SB00001\n', 'SB'],
    ['\u200BSB99999', 'SB'],
    ['M444-00001', 'M444'],
    ['m444-12345', 'M444'],
  ])('classifies %j as a parent of kind %s', (raw, kind) => {
    const result = classifyCode(raw, kinds);

    expect(result.type).toBe('parent');
    expect(result.type === 'parent' && result.kind.code).toBe(kind);
  });

  it.each([
    ['0016586', '0016586'],
    ['LABEL NO.:0016586 LOT NO.:STAR44GG24611, D.O.T 06/2025 WT 1 KG', '0016586'],
    ['LABEL NO. : 0016586', '0016586'],
    ['label no 0016586', '0016586'],
    ['LABEL NO:0016586', '0016586'],
    ['LOT X LABEL NO.:0000042 trailing', '0000042'],
    ['\u00A0label\u00A0no.:0016586', '0016586'],
    ['abc-123_x/y.z', 'ABC-123_X/Y.Z'],
    ['C'.repeat(40), 'C'.repeat(40)],
    ['1', '1'],
  ])('classifies %j as child %j', (raw, id) => {
    expect(classifyCode(raw, kinds)).toEqual({ type: 'child', code: id });
  });

  it.each([
    'SB-12345',
    'SB1234',
    'SB123456',
    'M445-00001',
    'sb 12345',
    'SB12345X',
    'M444-0001',
    'M44',
  ])('answers QR_INVALID_PARENT for %j, naming the accepted formats', (raw) => {
    const result = classifyCode(raw, kinds);

    expect(result.type === 'error' && result.error).toBe('QR_INVALID_PARENT');
    expect(result.type === 'error' && result.message).toContain('^SB\\d{5}$');
    expect(result.type === 'error' && result.message).toContain('^M444-\\d{5}$');
  });

  it.each(['', '   ', '\u200B\u200C', '\t\r\n', '\u00A0'])('answers QR_EMPTY for %j', (raw) => {
    const result = classifyCode(raw, kinds);

    expect(result.type === 'error' && result.error).toBe('QR_EMPTY');
  });

  it.each([
    ['bad characters', 'ABC#123'],
    ['a space inside a child id', 'ABC 123'],
    ['41 characters', 'C'.repeat(41)],
    ['201 characters', `LABEL NO.:0016586 ${'X'.repeat(190)}`],
    ['LABEL NO without digits', 'LABEL NO.: LOT 44'],
    ['emoji', '📦123'],
    ['a quote', "0016586'"],
  ])('answers QR_INVALID for %s', (_label, raw) => {
    const result = classifyCode(raw, kinds);

    expect(result.type === 'error' && result.error).toBe('QR_INVALID');
  });

  it('accepts exactly 200 characters of payload before extraction', () => {
    const raw = `LABEL NO.:0016586 ${'X'.repeat(200 - 18)}`;

    expect(raw.length).toBe(200);
    expect(classifyCode(raw, kinds)).toEqual({ type: 'child', code: '0016586' });
  });

  it('uses kinds added as data, and their reserved prefixes', () => {
    const wheat: BagKindRule = {
      code: 'W9',
      label: 'W9 (wheat)',
      prefix: 'W9',
      pattern: '^W9/\\d{4}$',
      maxChildren: 10,
      expectedKg: 10,
    };

    expect(classifyCode('w9/1234', [...kinds, wheat])).toMatchObject({
      type: 'parent',
      kind: { code: 'W9' },
    });
    expect(classifyCode('W9/12', [...kinds, wheat])).toMatchObject({
      type: 'error',
      error: 'QR_INVALID_PARENT',
    });
    expect(classifyCode('W9/12', kinds)).toEqual({ type: 'child', code: 'W9/12' });
  });

  it('ignores a kind whose pattern does not compile', () => {
    const broken: BagKindRule = {
      code: 'X',
      label: 'X',
      prefix: 'XX',
      pattern: '^XX(',
      maxChildren: 1,
      expectedKg: 1,
    };

    expect(classifyCode('SB12345', [broken, ...kinds])).toMatchObject({
      type: 'parent',
      kind: { code: 'SB' },
    });
  });
});
