import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applications, calls } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { presentApplicationSummary } from './present-application.js';

/** The caller's own applications, newest first. */
export async function listMyApplications(db: Db, actor: Actor) {
  authorize(actor, 'applications.read');
  if (actor.kind !== 'account') return [];
  const rows = await db
    .select({ application: applications, call: calls })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.ownerAccountId, actor.accountId))
    .orderBy(desc(applications.updatedAt));
  return rows.map((r) => presentApplicationSummary(r.application, r.call));
}
