import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { applications, calls } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { type CallRow, isUuid, readsProgramApplications } from '../calls/call-access.js';

export type ApplicationRow = typeof applications.$inferSelect;

export const applicationNotFound = (id: string) => new AppError('NOT_FOUND', `No application "${id}".`);

export const ownsApplication = (actor: Actor, application: Pick<ApplicationRow, 'ownerAccountId'>) =>
  actor.kind === 'account' && actor.accountId === application.ownerAccountId;

/** Statuses in which the applicant may still change the draft (before the deadline). */
export const EDITABLE_STATUSES = ['draft', 'submitted'] as const;
export const isEditable = (status: string) => (EDITABLE_STATUSES as readonly string[]).includes(status);

async function loadWithCall(db: DbOrTx, id: string, lock: boolean) {
  if (!isUuid(id)) return undefined;
  if (lock) {
    // Lock the application row only; the call row is read (shared) after it, in a fixed order.
    const [application] = await db.select().from(applications).where(eq(applications.id, id)).for('update');
    if (!application) return undefined;
    const [call] = await db.select().from(calls).where(eq(calls.id, application.callId)).for('share');
    return { application, call: call! };
  }
  const [row] = await db
    .select({ application: applications, call: calls })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.id, id));
  return row;
}

/** The caller's own application (with its call), or NOT_FOUND: another applicant's does not exist. */
export async function loadOwnApplication(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ application: ApplicationRow; call: CallRow }> {
  const row = await loadWithCall(db, id, lock);
  if (!row || !ownsApplication(actor, row.application)) throw applicationNotFound(id);
  return row;
}

/**
 * Who reads an application, and so what they read: its owner reads the live draft; an officer or
 * official of the call's program reads what was submitted, never a draft (a never-submitted
 * application does not exist for them, and an amendment in progress stays the applicant's).
 */
export type ApplicationView = 'owner' | 'staff';

/** An application the actor may read, with the view it gets, or NOT_FOUND. */
export async function loadReadableApplication(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ application: ApplicationRow; call: CallRow; view: ApplicationView }> {
  const row = await loadWithCall(db, id, false);
  if (!row) throw applicationNotFound(id);
  if (ownsApplication(actor, row.application)) return { ...row, view: 'owner' };
  if (row.application.submittedVersion !== null && readsProgramApplications(actor, row.call.programId))
    return { ...row, view: 'staff' };
  throw applicationNotFound(id);
}
