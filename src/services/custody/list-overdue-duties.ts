import type { Db } from '../../db/connection.js';
import { authorize, isAdministrator } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { overdueDuties } from './borrower-duties.js';

/** The curator's overdue list: every overdue duty on a loan of their collections, oldest first. */
export async function listOverdueDuties(db: Db, actor: Actor) {
  authorize(actor, 'custody.read');
  const collectionIds = isAdministrator(actor)
    ? undefined
    : actor.kind === 'account'
      ? actor.grants.filter((g) => g.role === 'curator' && g.scopeId).map((g) => g.scopeId!)
      : [];
  return { duties: await overdueDuties(db, { collectionIds }) };
}
