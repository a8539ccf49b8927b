import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { applicationAttachments, applicationVersions } from '../../db/schema.js';
import type { AccommodationReport } from '../../domain/calls/accommodation.js';
import type { ApplicationStage, ApplicationStatus, CheckResult } from '../../domain/calls/vocabulary.js';
import { stageDeadline } from '../../domain/calls/window.js';
import type { CallRow } from '../calls/call-access.js';
import type { ApplicationRow } from './application-access.js';

export function presentApplicationSummary(application: ApplicationRow, call: CallRow) {
  return {
    id: application.id,
    callId: call.id,
    callSlug: call.slug,
    callTitle: call.title,
    stage: application.stage as ApplicationStage,
    status: application.status as ApplicationStatus,
    title: application.title,
    draftRevision: application.draftRevision,
    submittedVersion: application.submittedVersion,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    checkResult: application.checkResult as CheckResult | null,
    closesAt: stageDeadline(call, application.stage as ApplicationStage).toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}

/** Active attachments of an application, without their content. */
export async function listAttachments(db: DbOrTx, applicationId: string) {
  const rows = await db
    .select({
      id: applicationAttachments.id,
      documentKey: applicationAttachments.documentKey,
      filename: applicationAttachments.filename,
      sizeBytes: applicationAttachments.sizeBytes,
      sha256: applicationAttachments.sha256,
      createdAt: applicationAttachments.createdAt,
    })
    .from(applicationAttachments)
    .where(and(eq(applicationAttachments.applicationId, applicationId), isNull(applicationAttachments.removedAt)))
    .orderBy(asc(applicationAttachments.createdAt));
  return rows.map(({ createdAt, ...r }) => ({ ...r, uploadedAt: createdAt.toISOString() }));
}

export async function presentApplicationDetail(db: DbOrTx, application: ApplicationRow, call: CallRow) {
  const versions = await db
    .select({
      version: applicationVersions.version,
      submittedAt: applicationVersions.submittedAt,
      draftRevision: applicationVersions.draftRevision,
      checkReport: applicationVersions.checkReport,
    })
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, application.id))
    .orderBy(desc(applicationVersions.version));
  const current = versions.find((v) => v.version === application.submittedVersion);
  return {
    ...presentApplicationSummary(application, call),
    ownerAccountId: application.ownerAccountId,
    draft: application.draft as Record<string, unknown>,
    versions: versions.map((v) => ({
      version: v.version,
      submittedAt: v.submittedAt.toISOString(),
      draftRevision: v.draftRevision,
    })),
    check: (current?.checkReport ?? null) as AccommodationReport | null,
    attachments: await listAttachments(db, application.id),
  };
}
