/**
 * What a bag kind's pattern must be (SPEC §2), checked by the API and usable by the admin form.
 * Every scan runs every kind's pattern through the backtracking RegExp engine, so one pattern with
 * nested or ambiguous repetition, such as (A+)+ or (A|AA)+, freezes the server on a near-miss code.
 */
import { types, type Root, type Token } from 'ret';
// ret's main entry replaces module.exports, so its default import differs between Node and TypeScript.
import { tokenizer as parseRegExp } from 'ret/dist/tokenizer.js';
import safeRegex from 'safe-regex2';
import { MAX_RAW_CODE_LENGTH, kindRegExp } from './qr.js';

export const MAX_KIND_PATTERN_LENGTH = 100;

/**
 * Backtracking is bounded by the product, over the quantifiers, of how many lengths each can take
 * (an unbounded one takes up to a whole code): 201 for `\d+`, 40,401 for `\d+\d+`, 8.1 million
 * for `\d*\d*\d*`. Five `\d*` in a row pass safe-regex2 and take over 30 s on one code.
 */
const MAX_REPETITION_CHOICES = 100_000;

/**
 * Escapes must mean the same in JavaScript (the classifier) and PostgreSQL (checks on stored codes):
 * character classes and escaped punctuation. `\b`, `\1`, `\u0041`, `\p{L}` and the like differ.
 */
const ESCAPE = /\\(.?)/g;
const ALLOWED_ESCAPE = /^[dDwWsS]$|^[^A-Za-z0-9]$/;

/** The child tokens of a token: a group's or the root's alternatives, a repetition's operand. */
function childrenOf(token: Root | Token): Token[] {
  if (token.type === types.REPETITION) {
    return [token.value];
  }
  if (token.type === types.ROOT || token.type === types.GROUP) {
    return token.options ? token.options.flat() : (token.stack ?? []);
  }
  return [];
}

function hasAlternation(token: Root | Token): boolean {
  if ((token.type === types.ROOT || token.type === types.GROUP) && token.options) {
    return true;
  }
  return childrenOf(token).some(hasAlternation);
}

/** Why the parsed pattern may backtrack too much, or null. */
function repetitionProblem(root: Root): string | null {
  let choices = 1;
  const pending: (Root | Token)[] = [root];
  for (let token = pending.pop(); token; token = pending.pop()) {
    if (token.type === types.GROUP && (token.name !== undefined || token.lookBehind)) {
      return 'Named groups and lookbehind are not supported.';
    }
    if (token.type === types.POSITION && (token.value === 'b' || token.value === 'B')) {
      return 'Word boundaries (\\b, \\B) are not supported.';
    }
    if (token.type === types.REPETITION) {
      if (token.max !== 1 && hasAlternation(token.value)) {
        return 'A repeated group must not contain alternatives (|), e.g. (A|AA)+; use a character class such as [AB]+.';
      }
      const max = Math.min(token.max ?? MAX_RAW_CODE_LENGTH, MAX_RAW_CODE_LENGTH);
      choices *= Math.max(max - token.min, 0) + 1;
      if (choices > MAX_REPETITION_CHOICES) {
        return 'Too many variable-length repetitions in a row (such as \\d*\\d*\\d*); fix the counts, e.g. \\d{5}.';
      }
    }
    pending.push(...childrenOf(token));
  }
  return null;
}

/**
 * Why a kind's pattern is refused, or null when it is fine: it must be at most 100 characters,
 * compile, be anchored (^…$), start with the reserved prefix, and run in linear time.
 */
export function checkKindPattern(pattern: string, prefix: string): string | null {
  if (pattern.length > MAX_KIND_PATTERN_LENGTH) {
    return `The pattern must be at most ${MAX_KIND_PATTERN_LENGTH} characters.`;
  }
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || kindRegExp(pattern) === null) {
    return 'The pattern must be a valid regular expression anchored with ^ and $.';
  }
  if (!pattern.toUpperCase().startsWith(`^${prefix.toUpperCase()}`)) {
    return 'The pattern must start with the reserved prefix.';
  }
  const escape = [...pattern.matchAll(ESCAPE)].find((m) => !ALLOWED_ESCAPE.test(m[1] ?? ''));
  if (escape) {
    return `The escape ${escape[0]} is not supported; use \\d, \\w, \\s or an escaped symbol.`;
  }
  let root: Root;
  try {
    root = parseRegExp(pattern);
  } catch {
    return 'The pattern uses syntax that is not supported.';
  }
  if (!safeRegex(pattern)) {
    return 'Nested repetition such as (A+)+ or (\\d+)* can take exponential time; repeat a character class instead, e.g. \\d+.';
  }
  return repetitionProblem(root);
}
