import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { IssueList } from '../errors.js';
import { DEMO_PASSWORD, simplePasswordProblem } from './password-policy.js';

/** zxcvbn's scale: 0 too guessable … 4 very unguessable; 3 resists an offline attack on a slow hash. */
export const MIN_STRENGTH_SCORE = 3;

export interface PasswordContext {
  /** What the person typed about themselves (e-mail, name): a password built on them is guessable. */
  userInputs: string[];
  /** Demo accounts have the public demo password by design. */
  demoAccount?: boolean;
}

// Built on first use: ranking the dictionaries takes a moment that the CLI and most requests never need.
let estimator: ZxcvbnFactory | undefined;
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    // Bounds the estimator's CPU time (it runs on the request thread): with its defaults a 200-character
    // password with many l33t-able characters takes seconds; with these, well under 100 ms. Common
    // l33t spellings (p@ssw0rd) are still caught, and only the first 64 characters are judged.
    l33tMaxSubstitutions: 10,
    maxLength: 64,
  });
  return estimator;
}

/** Splits "ada.lovelace@example.org" into the parts a guesser would try. */
function expandInputs(inputs: string[]): string[] {
  const parts = inputs.flatMap((input) => [input, ...input.split(/[\s@.+_-]+/u)]);
  return [...new Set(parts.map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 3))];
}

/**
 * NIST SP 800-63B: a length rule, no composition rules, and a check against passwords that are
 * common, guessable or built on the person's own details, judged by zxcvbn and its dictionaries.
 * Throws WEAK_PASSWORD on the field with a sentence the person can act on.
 */
export function checkPassword(password: string, context: PasswordContext, field = 'password'): void {
  const issues = new IssueList();
  const problem = simplePasswordProblem(password) ?? (context.demoAccount ? null : strengthProblem(password, context));
  if (problem) issues.add(field, 'WEAK_PASSWORD', problem);
  issues.throwIfAny();
}

function strengthProblem(password: string, context: PasswordContext): string | null {
  if (password.trim().toLowerCase() === DEMO_PASSWORD) {
    return 'This is the public password of the demo accounts; choose your own.';
  }
  const result = strengthEstimator().check(password, [...expandInputs(context.userInputs), 'orbitshare']);
  if (result.score >= MIN_STRENGTH_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  return ['This password is too easy to guess.', warning, ...suggestions].filter(Boolean).join(' ');
}
