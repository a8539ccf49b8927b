import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applications } from '../../db/schema.js';
import { nextApplicationStatus } from '../../domain/calls/application-state.js';
import type { ApplicationStage, ApplicationStatus } from '../../domain/calls/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadOwnApplication } from './application-access.js';
import { presentApplicationDetail } from './present-application.js';

/** The applicant withdraws their application (a draft or a submitted one); its versions are kept. */
export async function withdrawApplication(db: Db, actor: Actor, id: string) {
  authorize(actor, 'applications.write');
  return db.transaction(async (tx) => {
    const { application, call } = await loadOwnApplication(tx, actor, id, true);
    const to = nextApplicationStatus(application.status as ApplicationStatus, 'withdraw', {
      stage: application.stage as ApplicationStage,
    });
    const [updated] = await tx
      .update(applications)
      .set({ status: to, updatedAt: sql`now()` })
      .where(eq(applications.id, application.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'application.withdrawn',
      subjectType: 'application',
      subjectId: application.id,
      details: { from: application.status, to },
    });
    return presentApplicationDetail(tx, updated!, call);
  });
}
