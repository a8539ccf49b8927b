import type { Db } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadReadableApplication } from './application-access.js';
import { presentApplicationDetail } from './present-application.js';

/** One application, for its owner or an officer or official of the call's program. */
export async function getApplication(db: Db, actor: Actor, id: string) {
  authorize(actor, 'applications.read');
  const { application, call } = await loadReadableApplication(db, actor, id);
  return presentApplicationDetail(db, application, call);
}
