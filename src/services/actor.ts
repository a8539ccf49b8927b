/**
 * Who is acting. Accounts and roles arrive with authentication; until then every HTTP caller is
 * `anonymous` and the CLI and seed act as `system`. Services take the actor for policies and audit.
 */
export interface Actor {
  kind: 'anonymous' | 'system';
  /** Stable label recorded in the audit log. */
  label: string;
  /** Network address of the request, when there is one. */
  address?: string;
}

export const SYSTEM: Actor = { kind: 'system', label: 'system' };
