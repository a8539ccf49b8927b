import type { Role } from '../domain/accounts/roles.js';
import { AppError } from '../domain/errors.js';
import type { Actor } from '../services/actor.js';

/**
 * Every action the system knows, and who may take it. Routes name one action each (the route
 * table is checked for that at start and by the authorization matrix test); services check the same
 * action on their first line, so the CLI and any other caller obey the same rules.
 *
 * `public`: anyone, signed in or not. `signed_in`: any active account. Otherwise the roles listed;
 * the administrator may do everything. `write` actions need a token with the write scope.
 */
export interface ActionRule {
  who: 'public' | 'signed_in' | readonly Role[];
  write: boolean;
}

export const ACTIONS = {
  'registry.read': { who: 'public', write: false },
  'registry.write': { who: ['program_officer'], write: true },
  'portal.read': { who: 'public', write: false },
  'system.health': { who: 'public', write: false },
  'system.docs': { who: 'public', write: false },
  'auth.session': { who: 'public', write: true },
  'account.read': { who: 'signed_in', write: false },
  'account.write': { who: 'signed_in', write: true },
  'accounts.admin': { who: [], write: true },
  'accounts.read': { who: [], write: false },
  'outbox.read': { who: [], write: false },
  'audit.read': { who: [], write: false },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;

export type Decision = 'allow' | 'sign_in_required' | 'forbidden';

/** The policy, as a pure function: no I/O, the actor carries its grants. */
export function decide(actor: Actor, action: Action): Decision {
  const rule: ActionRule = ACTIONS[action];
  if (actor.kind === 'system') return 'allow';
  if (rule.who === 'public') return 'allow';
  if (actor.kind === 'anonymous') return 'sign_in_required';
  if (rule.write && actor.via === 'token' && !actor.tokenScopes?.includes('write')) return 'forbidden';
  if (rule.who === 'signed_in') return 'allow';
  const roles = new Set(actor.grants.map((g) => g.role));
  if (roles.has('administrator')) return 'allow';
  return rule.who.some((role) => roles.has(role)) ? 'allow' : 'forbidden';
}

/** Throws the AppError a caller gets when the actor may not take the action. */
export function authorize(actor: Actor, action: Action): void {
  const decision = decide(actor, action);
  if (decision === 'sign_in_required') throw new AppError('UNAUTHENTICATED', 'Sign in to do this.');
  if (decision === 'forbidden') throw new AppError('FORBIDDEN', 'Your roles do not allow this.');
}

export function isAdministrator(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'account' && actor.grants.some((g) => g.role === 'administrator'));
}
