import type { DbOrTx } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';
import { holdsScoped } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { type CallRow, callNotFound, isUuid, loadCallRow, readsProgramApplications } from '../calls/call-access.js';

/** Selection officials decide for the calls of the programs they hold the role on. */
export const decidesProgram = (actor: Actor, programId: string) =>
  holdsScoped(actor, ['selection_official'], 'program', programId);

/** The call whose selection the actor may read (officer or official of its program), or NOT_FOUND. */
export async function loadSelectionCall(db: DbOrTx, actor: Actor, id: string): Promise<CallRow> {
  const call = isUuid(id) ? await loadCallRow(db, id) : undefined;
  if (!call || !readsProgramApplications(actor, call.programId)) throw callNotFound(id);
  return call;
}

/**
 * The call an official decides, locked FOR UPDATE so two decision sets (or a rules change and a
 * decision) on one call are taken one after the other; NOT_FOUND for anyone else.
 */
export async function loadDecidableCall(db: DbOrTx, actor: Actor, id: string): Promise<CallRow> {
  const call = isUuid(id) ? await loadCallRow(db, id, 'update') : undefined;
  if (!call || !decidesProgram(actor, call.programId)) throw callNotFound(id);
  return call;
}

/** Merits and rules are the model the decision was checked against: frozen with it. */
export function refuseWhenDecided(call: CallRow): void {
  if (call.status === 'decided' || call.status === 'cancelled')
    throw new AppError('CONFLICT', `The call is ${call.status}: its selection model can no longer change.`);
}
