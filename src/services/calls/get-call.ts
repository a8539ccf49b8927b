import type { Db } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { callNotFound, canSeeCall, loadCallRow } from './call-access.js';
import { presentCallDetail } from './present-call.js';

/** One call by id or slug; drafts and cancelled calls exist only for the officers of the program. */
export async function getCall(db: Db, actor: Actor, idOrSlug: string) {
  authorize(actor, 'calls.read');
  const call = await loadCallRow(db, idOrSlug);
  if (!call || !canSeeCall(actor, call)) throw callNotFound(idOrSlug);
  return presentCallDetail(db, call, actor);
}
