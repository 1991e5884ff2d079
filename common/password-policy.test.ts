import { describe, expect, it } from 'vitest';
import { describePasswordProblems, passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts a strong password and asks admins for 12 characters', () => {
    expect(passwordProblems('Str0ng!pass', 'biller')).toEqual([]);
    expect(passwordProblems('Str0ng!pass', 'admin')).toEqual(['too_short']);
  });

  it('names every missing class in one sentence', () => {
    const problems = passwordProblems('abcdefgh', 'dispatcher');

    expect(problems).toEqual(['no_upper', 'no_digit', 'no_symbol']);
    expect(describePasswordProblems(problems, 'dispatcher')).toBe(
      'Password needs an upper-case letter, a digit and a symbol.',
    );
  });

  it('refuses a password containing the username, in plain words', () => {
    const problems = passwordProblems('Admin-Passw0rd!', 'admin', 'admin');

    expect(problems).toEqual(['contains_username']);
    expect(describePasswordProblems(problems, 'admin')).toBe(
      'Password must not contain the username.',
    );
  });
});
