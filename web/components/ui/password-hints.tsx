import {
  PASSWORD_MAX_LENGTH,
  minPasswordLength,
  passwordProblems,
  type PasswordProblem,
} from '@common/password-policy';
import type { Role } from '@common/roles';
import './password-hints.css';

export interface PasswordHintsProps {
  password: string;
  role: Role;
  username?: string;
}

interface Rule {
  problem: PasswordProblem;
  text: string;
}

function rulesFor(role: Role, username: string | undefined, problems: PasswordProblem[]): Rule[] {
  const rules: Rule[] = [
    { problem: 'too_short', text: `At least ${minPasswordLength(role)} characters` },
    { problem: 'no_upper', text: 'An upper-case letter (A–Z)' },
    { problem: 'no_lower', text: 'A lower-case letter (a–z)' },
    { problem: 'no_digit', text: 'A digit (0–9)' },
    { problem: 'no_symbol', text: 'A symbol, like ! # or -' },
  ];
  if (username && username.length >= 3) {
    rules.push({ problem: 'contains_username', text: 'Does not contain the username' });
  }
  if (problems.includes('too_long')) {
    rules.push({ problem: 'too_long', text: `At most ${PASSWORD_MAX_LENGTH} characters` });
  }
  return rules;
}

/** Live checklist of the password policy (common/password-policy.ts), the same rules the server applies. */
export function PasswordHints({ password, role, username }: PasswordHintsProps) {
  const problems = passwordProblems(password, role, username);
  return (
    <ul className="password-hints" aria-label="Password rules">
      {rulesFor(role, username, problems).map((rule) => {
        const isMet = password.length > 0 && !problems.includes(rule.problem);
        return (
          <li key={rule.problem} className={isMet ? 'password-hints__met' : undefined}>
            <span className="password-hints__mark" aria-hidden="true">
              {isMet ? '✓' : '•'}
            </span>
            {rule.text}
            <span className="visually-hidden">{isMet ? ' (done)' : ' (still needed)'}</span>
          </li>
        );
      })}
    </ul>
  );
}
