import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applications } from '../../db/schema.js';
import { nextApplicationStatus } from '../../domain/calls/application-state.js';
import type { ApplicationStage, ApplicationStatus } from '../../domain/calls/vocabulary.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadCallRow, managesProgram } from '../calls/call-access.js';
import { applicationNotFound } from './application-access.js';
import { loadApplicationRow } from './load-application-row.js';
import { presentSubmittedApplication } from './present-application.js';

/**
 * A program officer decides a letter of intent of a two-stage call: shortlisted applicants may then
 * create a full proposal. Officers of other programs get NOT_FOUND.
 */
export async function shortlistApplication(db: Db, actor: Actor, id: string, decision: 'shortlisted' | 'not_shortlisted') {
  authorize(actor, 'calls.manage');
  return db.transaction(async (tx) => {
    const application = await loadApplicationRow(tx, id, true);
    const call = application && (await loadCallRow(tx, application.callId));
    if (!application || !call || !managesProgram(actor, call.programId)) throw applicationNotFound(id);
    if (call.stages !== 2) throw new AppError('CONFLICT', 'Only two-stage calls shortlist letters of intent.');
    const to = nextApplicationStatus(
      application.status as ApplicationStatus,
      decision === 'shortlisted' ? 'shortlist' : 'reject_at_shortlist',
      { stage: application.stage as ApplicationStage },
    );
    const [updated] = await tx
      .update(applications)
      .set({ status: to, updatedAt: sql`now()` })
      .where(eq(applications.id, application.id))
      .returning();
    await recordAudit(tx, actor, {
      action: decision === 'shortlisted' ? 'application.shortlisted' : 'application.not_shortlisted',
      subjectType: 'application',
      subjectId: application.id,
      details: { callId: call.id, from: application.status, to },
    });
    // The officer sees what was submitted, as in every staff view.
    return presentSubmittedApplication(tx, updated!, call);
  });
}
