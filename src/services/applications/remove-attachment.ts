import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applicationAttachments } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../calls/call-access.js';
import { loadOwnApplication } from './application-access.js';
import { listAttachments } from './present-application.js';

/** Removes an attachment of a draft (kept in the table with removed_at: a submitted version may cite it). */
export async function removeAttachment(db: Db, actor: Actor, id: string, attachmentId: string) {
  authorize(actor, 'applications.write');
  return db.transaction(async (tx) => {
    const { application } = await loadOwnApplication(tx, actor, id, true);
    if (application.status !== 'draft')
      throw new AppError('CONFLICT', `Attachments can be removed from drafts only; this application is ${application.status}.`);
    const [removed] = isUuid(attachmentId)
      ? await tx
          .update(applicationAttachments)
          .set({ removedAt: sql`now()` })
          .where(
            and(
              eq(applicationAttachments.id, attachmentId),
              eq(applicationAttachments.applicationId, application.id),
              isNull(applicationAttachments.removedAt),
            ),
          )
          .returning({ id: applicationAttachments.id, documentKey: applicationAttachments.documentKey })
      : [];
    if (!removed) throw new AppError('NOT_FOUND', `No attachment "${attachmentId}" on this application.`);
    await recordAudit(tx, actor, {
      action: 'application.attachment_removed',
      subjectType: 'application',
      subjectId: application.id,
      details: { attachmentId, documentKey: removed.documentKey },
    });
    return listAttachments(tx, application.id);
  });
}
