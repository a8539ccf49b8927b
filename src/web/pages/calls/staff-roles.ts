import type { Account } from '../../api.js';

// Which staff pages an account has: the server still decides every request; these only pick links.

const has = (account: Account | null, roles: string[]) => !!account?.grants.some((g) => roles.includes(g.role));

/** Program officers, selection officials and administrators have a "My calls" page. */
export const isCallStaff = (account: Account | null) => has(account, ['program_officer', 'selection_official', 'administrator']);

/** Program officers (of some program) and administrators may create calls. */
export const mayCreateCalls = (account: Account | null) => has(account, ['program_officer', 'administrator']);

/** The programs an account is program officer of (administrators choose any program). */
export const officerPrograms = (account: Account | null): string[] =>
  account?.grants.filter((g) => g.role === 'program_officer' && g.scopeId).map((g) => g.scopeId!) ?? [];
