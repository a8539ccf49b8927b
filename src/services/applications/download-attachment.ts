import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applicationAttachments, applicationVersions } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { isUuid } from '../calls/call-access.js';
import { loadReadableApplication } from './application-access.js';
import { attachedAt } from './present-application.js';

/**
 * The stored PDF, for the owner (any of its uploads) or an officer or official of the call's
 * program (only the attachments of the submitted version, as submitted).
 */
export async function downloadAttachment(db: Db, actor: Actor, id: string, attachmentId: string) {
  authorize(actor, 'applications.read');
  const { application, view } = await loadReadableApplication(db, actor, id);
  const submittedAt =
    view === 'staff' && application.submittedVersion !== null
      ? await versionSubmittedAt(db, application.id, application.submittedVersion)
      : undefined;
  const [row] = isUuid(attachmentId)
    ? await db
        .select()
        .from(applicationAttachments)
        .where(
          and(
            eq(applicationAttachments.id, attachmentId),
            eq(applicationAttachments.applicationId, application.id),
            view === 'staff' ? attachedAt(submittedAt ?? new Date(0)) : undefined,
          ),
        )
    : [];
  if (!row) throw new AppError('NOT_FOUND', `No attachment "${attachmentId}" on this application.`);
  return { filename: row.filename, sha256: row.sha256, content: row.content };
}

async function versionSubmittedAt(db: Db, applicationId: string, version: number): Promise<Date | undefined> {
  const [row] = await db
    .select({ submittedAt: applicationVersions.submittedAt })
    .from(applicationVersions)
    .where(and(eq(applicationVersions.applicationId, applicationId), eq(applicationVersions.version, version)));
  return row?.submittedAt;
}
