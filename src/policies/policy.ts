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
  // Role level only: which records each may write is the object-level rule below (REGISTRY_WRITE_RULES).
  'registry.write': { who: ['program_officer', 'registry_editor'], write: true },
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
  'jobs.read': { who: [], write: false },
  'jobs.manage': { who: [], write: true },
  // Calls: anyone reads published calls; program officers run the calls of their programs.
  'calls.read': { who: 'public', write: false },
  'calls.manage': { who: ['program_officer'], write: true },
  'calls.applications.read': { who: ['program_officer', 'selection_official'], write: false },
  // Applications: applicants write their own; officers read those of their programs' calls.
  'applications.read': { who: 'signed_in', write: false },
  'applications.write': { who: ['applicant'], write: true },
  // Expert review: officers run the review of their programs' calls; experts act on their own
  // invitations and assignments (object-level: the expert row's account); applicants declare
  // conflicts on their own applications.
  'review.manage': { who: ['program_officer'], write: true },
  'review.read': { who: ['program_officer', 'selection_official'], write: false },
  'review.participate': { who: 'signed_in', write: true },
  'review.workspace': { who: 'signed_in', write: false },
  // Selection: officers and officials read the model and the optimiser's proposal; officials decide.
  'selection.read': { who: ['program_officer', 'selection_official'], write: false },
  'selection.decide': { who: ['selection_official'], write: true },
  // Sample custody: curators keep the samples of their collections (object-level: the collection scope).
  'custody.read': { who: ['curator'], write: false },
  'custody.write': { who: ['curator'], write: true },
  // Agreements: officers of the program prepare, send and amend them (object-level: the program);
  // curators read sample-loan agreements to open loans; a signatory (by e-mail) reads and signs.
  'agreements.read': { who: ['program_officer', 'selection_official', 'curator'], write: false },
  'agreements.manage': { who: ['program_officer'], write: true },
  'agreements.sign': { who: 'signed_in', write: true },
  'agreements.mine': { who: 'signed_in', write: false },
  // Loans: curators prepare subsamples and open loans from the samples of their collections.
  'loans.read': { who: ['curator', 'program_officer'], write: false },
  'loans.open': { who: ['curator'], write: true },
  // Loans in custody: the curator's side and the borrower's side (object-level: the loan's
  // collections for curators, the borrowing institution for its applicants).
  'custody.ship': { who: 'signed_in', write: true },
  'custody.borrow': { who: 'signed_in', write: true },
  'custody.borrower.read': { who: 'signed_in', write: false },
  'custody.verify': { who: 'public', write: false },
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

/**
 * Object-level check: does the actor hold `role` on this scope (or is an administrator)? Services
 * use it after loading the object, and answer NOT_FOUND when it fails, so existence does not leak.
 */
export function holdsScoped(actor: Actor, roles: readonly Role[], scopeType: string, scopeId: string): boolean {
  if (isAdministrator(actor)) return true;
  if (actor.kind !== 'account') return false;
  return actor.grants.some((g) => roles.includes(g.role) && g.scopeType === scopeType && g.scopeId === scopeId);
}

export function isAdministrator(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'account' && actor.grants.some((g) => g.role === 'administrator'));
}

/**
 * Object-level rules of the registry, checked after `registry.write` once the record (or the
 * would-be record) is known. Shared reference data belongs to no program: administrators and
 * registry editors keep it. A program and what hangs off it (its partnerships and projects) belong
 * to that program's officers, named by the record's `programField`; registry editors do not edit
 * them. A new program has no officers yet, so creating one is for administrators and registry
 * editors (`create: 'reference'`). People are reference data: a person appears in many programs.
 */
export type RegistryWriteRule =
  | { owner: 'reference' }
  | { owner: 'program'; programField: string; create: 'reference' | 'program' };

export const REGISTRY_WRITE_RULES: Readonly<Record<string, RegistryWriteRule>> = {
  countries: { owner: 'reference' },
  organisations: { owner: 'reference' },
  institutions: { owner: 'reference' },
  people: { owner: 'reference' },
  missions: { owner: 'reference' },
  'host-modules': { owner: 'reference' },
  'sample-collections': { owner: 'reference' },
  programs: { owner: 'program', programField: 'id', create: 'reference' },
  partnerships: { owner: 'program', programField: 'programId', create: 'program' },
  projects: { owner: 'program', programField: 'programId', create: 'program' },
};

export type RecordWriteDecision =
  | { allowed: true }
  /** `reference`: administrators and registry editors; `program`: the officers of `programIds`; `administrator`: no rule declared. */
  | { allowed: false; needs: 'reference' }
  | { allowed: false; needs: 'administrator' }
  | { allowed: false; needs: 'program'; programIds: string[] };

/**
 * May the actor create, change or archive this registry record? `programIds` are the programs the
 * record belongs to (before and, for a change that moves it, after); empty for reference data.
 * A resource without a declared rule is refused to everyone but the system and administrators.
 */
export function decideRecordWrite(
  actor: Actor,
  resource: string,
  op: 'create' | 'update' | 'archive',
  programIds: readonly string[],
): RecordWriteDecision {
  if (isAdministrator(actor)) return { allowed: true };
  const rule = REGISTRY_WRITE_RULES[resource];
  if (!rule) return { allowed: false, needs: 'administrator' };
  if (rule.owner === 'reference' || (op === 'create' && rule.create === 'reference')) {
    const editor = actor.kind === 'account' && actor.grants.some((g) => g.role === 'registry_editor');
    return editor ? { allowed: true } : { allowed: false, needs: 'reference' };
  }
  const missing = programIds.filter((id) => !holdsScoped(actor, ['program_officer'], 'program', id));
  if (programIds.length > 0 && missing.length === 0) return { allowed: true };
  return { allowed: false, needs: 'program', programIds: missing };
}
