import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RequiredDocument } from '../../contracts/calls.js';
import type { Db } from '../../db/connection.js';
import { applicationAttachments } from '../../db/schema.js';
import type { ApplicationStage } from '../../domain/calls/vocabulary.js';
import { submissionWindow } from '../../domain/calls/window.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { windowInput } from '../calls/present-call.js';
import { isEditable, loadOwnApplication } from './application-access.js';
import { assertPdf } from './pdf-file.js';

export interface UploadInput {
  documentKey: string;
  filename: string;
  content: unknown;
}

/**
 * Stores a PDF for one of the call's required documents (replacing an earlier upload for the same
 * document), with its SHA-256, while the application may still change.
 */
export async function uploadAttachment(db: Db, actor: Actor, id: string, input: UploadInput) {
  authorize(actor, 'applications.write');
  return db.transaction(async (tx) => {
    const { application, call } = await loadOwnApplication(tx, actor, id, true);
    if (!isEditable(application.status))
      throw new AppError('CONFLICT', `This application is ${application.status}; it takes no new files.`);
    const window = submissionWindow(windowInput(call), application.stage as ApplicationStage, new Date());
    if (!window.open) throw new AppError('CONFLICT', window.reason ?? 'The call is closed.');
    const documents = call.requiredDocuments as z.infer<typeof RequiredDocument>[];
    if (!documents.some((d) => d.key === input.documentKey)) {
      const message = `The call asks for no document "${input.documentKey}" (it asks for: ${documents.map((d) => d.key).join(', ') || 'none'}).`;
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'documentKey', code: 'VALIDATION_FAILED', message }]);
    }
    const content = assertPdf(input.content, input.filename);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await tx
      .update(applicationAttachments)
      .set({ removedAt: sql`now()` })
      .where(
        and(
          eq(applicationAttachments.applicationId, application.id),
          eq(applicationAttachments.documentKey, input.documentKey),
          isNull(applicationAttachments.removedAt),
        ),
      );
    const [row] = await tx
      .insert(applicationAttachments)
      .values({
        applicationId: application.id,
        documentKey: input.documentKey,
        filename: input.filename,
        sizeBytes: content.length,
        sha256,
        content,
        uploadedBy: actor.label,
      })
      .returning({ id: applicationAttachments.id, createdAt: applicationAttachments.createdAt });
    await recordAudit(tx, actor, {
      action: 'application.attachment_uploaded',
      subjectType: 'application',
      subjectId: application.id,
      details: {
        attachmentId: row!.id,
        documentKey: input.documentKey,
        filename: input.filename,
        sha256,
        sizeBytes: content.length,
      },
    });
    return {
      id: row!.id,
      documentKey: input.documentKey,
      filename: input.filename,
      sizeBytes: content.length,
      sha256,
      uploadedAt: row!.createdAt.toISOString(),
    };
  });
}
