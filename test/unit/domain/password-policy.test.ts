import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, passwordLength, simplePasswordProblem } from '../../../src/domain/accounts/password-policy.js';
import { checkPassword } from '../../../src/domain/accounts/password-strength.js';

const person = { userInputs: ['marie.curie@sorbonne.example', 'Marie Curie'] };

function problemOf(password: string, context = person): string | null {
  try {
    checkPassword(password, context);
    return null;
  } catch (error) {
    const issues = (error as { issues: { field: string; code: string; message: string }[] }).issues;
    expect(issues).toEqual([expect.objectContaining({ field: 'password', code: 'WEAK_PASSWORD' })]);
    return issues[0]!.message;
  }
}

describe('password rules', () => {
  it('counts length in characters (code points), not UTF-16 units or bytes', () => {
    // Five emoji are ten UTF-16 units and twenty bytes, but five characters: too short.
    expect(passwordLength('🚀🌕🛰🪐🌍')).toBe(5);
    expect(problemOf('🚀🌕🛰🪐🌍')).toBe('Use at least 10 characters.');
    // 150 astral characters are 300 UTF-16 units: within the 200-character maximum.
    expect(simplePasswordProblem('🚀🌕🛰🪐🌍'.repeat(30))).toBeNull();
    expect(simplePasswordProblem('🚀'.repeat(201))).toBe('Use at most 200 characters.');
    // Ten Chinese characters are a long enough password.
    expect(problemOf('月球样品南极艾特肯盆地')).toBeNull();
  });

  it('refuses a whitespace-only password and one character repeated', () => {
    expect(problemOf(' '.repeat(12))).toBe('The password cannot be only spaces.');
    expect(problemOf('\t \u3000'.repeat(5))).toBe('The password cannot be only spaces.');
    expect(problemOf('a'.repeat(16))).toBe('The password cannot be one character repeated.');
    expect(problemOf('🚀'.repeat(12))).toBe('The password cannot be one character repeated.');
  });

  it('refuses the demo password outside demo accounts, and accepts it for them', () => {
    expect(problemOf(DEMO_PASSWORD)).toContain('demo accounts');
    expect(problemOf(' Orbitshare-Demo ')).toContain('demo accounts');
    expect(problemOf(DEMO_PASSWORD, { ...person, demoAccount: true } as typeof person)).toBeNull();
  });

  it("refuses common and guessable passwords with zxcvbn's advice, and takes strong ones", () => {
    expect(problemOf('password1234')).toBe(
      'This password is too easy to guess. This is similar to a commonly used password. Add more words that are less common.',
    );
    expect(problemOf('qwertyuiop123')).toMatch(/^This password is too easy to guess\./);
    expect(problemOf('p@ssw0rd1234')).toMatch(/^This password is too easy to guess\./);
    // Built on the person's own details, which are passed to the estimator.
    expect(problemOf('orbitshare2025')).toMatch(/^This password is too easy to guess\./);
    const maria = { userInputs: ['m.sklodowska@sorbonne.example', 'Maria Sklodowska'] };
    expect(problemOf('sklodowska1867', maria)).toBe(
      'This password is too easy to guess. There should not be any personal or page related data. Add more words that are less common.',
    );
    expect(problemOf('sklodowska1867', { userInputs: ['someone@else.example'] })).toBeNull();
    for (const strong of ['correct horse battery staple', 'regolith-sample-2025', 'lunar-south-pole', 'Tr0ub4dour&3xyz']) {
      expect(problemOf(strong), strong).toBeNull();
    }
  });
});
