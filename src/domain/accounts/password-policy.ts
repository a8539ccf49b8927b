import { IssueList } from '../errors.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

// A few of the most used passwords; the length rule already refuses most of the rest.
const COMMON = new Set(['password123', '1234567890', 'qwertyuiop', 'password1234', 'iloveyou12', 'changeme123', 'orbitshare1']);

/** Length and a few obvious choices, as NIST SP 800-63B asks; no composition rules. */
export function checkPassword(password: string, email: string, field = 'password'): void {
  const issues = new IssueList();
  if (password.length < PASSWORD_MIN) issues.add(field, 'WEAK_PASSWORD', `Use at least ${PASSWORD_MIN} characters.`);
  else if (password.length > PASSWORD_MAX) issues.add(field, 'WEAK_PASSWORD', `Use at most ${PASSWORD_MAX} characters.`);
  else if (COMMON.has(password.toLowerCase()))
    issues.add(field, 'WEAK_PASSWORD', 'This password is among the most common; choose another.');
  else if (password.toLowerCase().includes(email.split('@')[0]?.toLowerCase() || '\u0000')) {
    issues.add(field, 'WEAK_PASSWORD', 'The password must not contain your e-mail name.');
  }
  issues.throwIfAny();
}
