import type { Locale, Role, ScopeType, TokenScope } from '../domain/accounts/roles.js';

export interface Grant {
  id: string;
  role: Role;
  scopeType: ScopeType | null;
  scopeId: string | null;
}

/**
 * Who is acting: the anonymous public, a signed-in account (through a session cookie or a personal
 * API token), or the system itself (seed, migrations, the CLI run by the operator on the server).
 * Services take the actor first, for their policy check and for the audit row.
 */
export type Actor =
  | { kind: 'anonymous'; label: string; address?: string }
  | { kind: 'system'; label: string; address?: string }
  | {
      kind: 'account';
      /** Recorded in the audit log: `account:<id>`. */
      label: string;
      address?: string;
      accountId: string;
      email: string;
      grants: Grant[];
      via: 'session' | 'token';
      sessionId?: string;
      /** For token callers: what the token may do. A session may do all its grants allow. */
      tokenScopes?: TokenScope[];
      /** The person's language (accounts.locale): error messages answer in it. */
      locale?: Locale;
    };

export const SYSTEM: Actor = { kind: 'system', label: 'system' };

export function anonymous(address?: string): Actor {
  return { kind: 'anonymous', label: 'anonymous', address };
}
