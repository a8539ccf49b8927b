import type { Actor } from '../../src/services/actor.js';

let n = 0;

/** An account actor holding one scoped grant, for calling services directly as that person. */
export function actorWith(role: 'curator' | 'applicant', scopeId: string): Actor {
  const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  return {
    kind: 'account',
    label: `account:${id}`,
    accountId: id,
    email: `${role}${n}@example.org`,
    grants: [{ id, role, scopeType: role === 'curator' ? 'sample_collection' : 'institution', scopeId }],
    via: 'session',
  };
}
