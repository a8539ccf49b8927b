/**
 * The password rules that need no dictionary, shared with the web forms (which must not load the
 * strength estimator's dictionaries). The full check is in password-strength.ts.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** The password of the demo accounts (README, "Demo accounts"); public, so refused for anyone else. */
export const DEMO_PASSWORD = 'orbitshare-demo';

/** Length as a person counts it: in characters (code points), not UTF-16 units or bytes. */
export const passwordLength = (password: string) => [...password].length;

/** The first problem the simple rules find, as a sentence for the person typing, or null. */
export function simplePasswordProblem(password: string): string | null {
  const length = passwordLength(password);
  if (password.trim() === '') return 'The password cannot be only spaces.';
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (new Set(password).size === 1) return 'The password cannot be one character repeated.';
  return null;
}
