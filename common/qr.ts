/**
 * The one normaliser and classifier of scanned or typed codes (SPEC §2), shared by server and web.
 * Pure: no I/O; parent formats come in as data (the bag_kinds table).
 */

/** A parent format: a row of bag_kinds. */
export interface BagKindRule {
  code: string;
  label: string;
  /** Reserved prefix: codes starting with it must match `pattern`. */
  prefix: string;
  /** Anchored regular expression source, e.g. `^SB\d{5}$`. */
  pattern: string;
  maxChildren: number;
  expectedKg: number;
}

export const MAX_RAW_CODE_LENGTH = 200;
export const CHILD_ID_PATTERN = /^[A-Z0-9\-_/.]{1,40}$/;
const LABEL_PAYLOAD = /LABEL NO\.? ?:? ?(\d*)/;

/**
 * Invisible and control characters a scanner or a paste can carry: C0 controls (tab, CR and LF
 * included), DEL, C1 controls, soft hyphen, zero-width characters, bidi marks and the BOM.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
/** Space characters that are not ASCII space (NBSP and friends) become spaces. */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;

/** Strip invisible characters, NBSP → space, trim, collapse inner whitespace, uppercase. */
export function normaliseCode(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(SPACES, ' ').trim().replace(/\s+/g, ' ').toUpperCase();
}

export type QrErrorCode = 'QR_EMPTY' | 'QR_INVALID' | 'QR_INVALID_PARENT';

export type Classification =
  | { type: 'parent'; code: string; kind: BagKindRule }
  | { type: 'child'; code: string }
  | { type: 'error'; error: QrErrorCode; code: string; message: string; accepted?: string[] };

const compiled = new Map<string, RegExp | null>();

/** The kind's pattern as a RegExp (cached); null for a pattern that does not compile. */
export function kindRegExp(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
    compiled.set(pattern, re);
  }
  return re;
}

/** "SB (^SB\d{5}$), M444 (^M444-\d{5}$)": the accepted parent formats, for messages. */
export function acceptedFormats(kinds: readonly BagKindRule[]): string[] {
  return kinds.map((k) => `${k.label} (${k.pattern})`);
}

/** The child id inside a code: the digits after `LABEL NO`, else the code itself if valid. */
export function childIdOf(code: string): string | null {
  const label = LABEL_PAYLOAD.exec(code);
  if (label) {
    const digits = label[1] ?? '';
    return digits.length > 0 && digits.length <= 40 ? digits : null;
  }
  return CHILD_ID_PATTERN.test(code) ? code : null;
}

/**
 * Classifies a raw code: parent of a kind, child, or an error code (SPEC §2, in this order:
 * kind pattern → reserved prefix → child id → invalid).
 */
export function classifyCode(raw: string, kinds: readonly BagKindRule[]): Classification {
  const code = normaliseCode(raw);
  if (code.length === 0) {
    return { type: 'error', error: 'QR_EMPTY', code, message: 'The code is empty.' };
  }
  const shown = code.length > 60 ? `${code.slice(0, 60)}…` : code;
  if (code.length > MAX_RAW_CODE_LENGTH) {
    return {
      type: 'error',
      error: 'QR_INVALID',
      code: shown,
      message: `The code is longer than ${MAX_RAW_CODE_LENGTH} characters.`,
    };
  }
  const kind = kinds.find((k) => kindRegExp(k.pattern)?.test(code) === true);
  if (kind) {
    return { type: 'parent', code, kind };
  }
  if (kinds.some((k) => k.prefix.length > 0 && code.startsWith(k.prefix.toUpperCase()))) {
    const accepted = acceptedFormats(kinds);
    return {
      type: 'error',
      error: 'QR_INVALID_PARENT',
      code: shown,
      message: `${shown} is not a valid parent code. Accepted formats: ${accepted.join(', ')}.`,
      accepted,
    };
  }
  const childId = childIdOf(code);
  if (childId) {
    return { type: 'child', code: childId };
  }
  return {
    type: 'error',
    error: 'QR_INVALID',
    code: shown,
    message: `${shown} is not a valid bag code.`,
  };
}

/** The shipped kinds (SPEC §2), seeded by the migration and used as the web's fallback. */
export const DEFAULT_BAG_KINDS: readonly BagKindRule[] = [
  {
    code: 'SB',
    label: 'SB (mustard)',
    prefix: 'SB',
    pattern: '^SB\\d{5}$',
    maxChildren: 30,
    expectedKg: 30,
  },
  {
    code: 'M444',
    label: 'M444 (moong)',
    prefix: 'M44',
    pattern: '^M444-\\d{5}$',
    maxChildren: 15,
    expectedKg: 15,
  },
];
