import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applicationAttachments } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { isUuid } from '../calls/call-access.js';
import { loadReadableApplication } from './application-access.js';

/** The stored PDF, for the owner or an officer or official of the call's program. */
export async function downloadAttachment(db: Db, actor: Actor, id: string, attachmentId: string) {
  authorize(actor, 'applications.read');
  const { application } = await loadReadableApplication(db, actor, id);
  const [row] = isUuid(attachmentId)
    ? await db
        .select()
        .from(applicationAttachments)
        .where(and(eq(applicationAttachments.id, attachmentId), eq(applicationAttachments.applicationId, application.id)))
    : [];
  if (!row) throw new AppError('NOT_FOUND', `No attachment "${attachmentId}" on this application.`);
  return { filename: row.filename, sha256: row.sha256, content: row.content };
}
