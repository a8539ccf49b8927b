import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { applications } from '../../db/schema.js';
import { isUuid } from '../calls/call-access.js';
import type { ApplicationRow } from './application-access.js';

/** The bare row (no access check: callers check the actor against the call's program). */
export async function loadApplicationRow(db: DbOrTx, id: string, lock = false): Promise<ApplicationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = db.select().from(applications).where(eq(applications.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}
