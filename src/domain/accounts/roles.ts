/**
 * Roles and what each is scoped to. One person may hold several grants; a grant names its scope
 * (the institution an applicant belongs to, the call a reviewer reviews, …). Administrators, registry
 * editors and the anonymous public have no scope.
 */
export const ROLES = [
  'applicant',
  'reviewer',
  'program_officer',
  'curator',
  'selection_official',
  'administrator',
  'registry_editor',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['institution', 'call', 'program', 'sample_collection'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export const ROLE_SCOPE: Record<Role, ScopeType | null> = {
  applicant: 'institution',
  reviewer: 'call',
  program_officer: 'program',
  curator: 'sample_collection',
  selection_official: 'program',
  administrator: null,
  // Keeps the shared reference data of the registry (countries … sample collections, people) and
  // creates programs; like an administrator, but for the registry only.
  registry_editor: null,
};

export const ACCOUNT_STATUSES = ['pending', 'active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const ONE_TIME_PURPOSES = ['verify_email', 'reset_password', 'invitation'] as const;
export type OneTimePurpose = (typeof ONE_TIME_PURPOSES)[number];

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
