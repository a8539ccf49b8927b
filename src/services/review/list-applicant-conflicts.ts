import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { experts, institutions, reviewConflicts } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadOwnApplication } from '../applications/application-access.js';
import { presentConflict } from './present-review.js';

/**
 * For the applicant: the experts of their call's pool (names and institutions, never e-mails) to
 * declare conflicts against, and their own declarations. Detected conflicts stay the office's.
 */
export async function listApplicantConflicts(db: Db, actor: Actor, applicationId: string) {
  authorize(actor, 'review.participate');
  const { application } = await loadOwnApplication(db, actor, applicationId);
  const pool = await db
    .select({ expertId: experts.id, name: experts.name, institution: institutions.name, status: experts.status })
    .from(experts)
    .leftJoin(institutions, eq(institutions.id, experts.institutionId))
    .where(eq(experts.callId, application.callId))
    .orderBy(experts.name);
  const declared = await db.select().from(reviewConflicts).where(eq(reviewConflicts.applicationId, application.id));
  return {
    pool: pool
      .filter((p) => p.status !== 'declined')
      .map((p) => ({ expertId: p.expertId, name: p.name, institution: p.institution })),
    declared: declared.filter((c) => c.source === 'declared_by_applicant').map(presentConflict),
  };
}
