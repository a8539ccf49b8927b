import { and, asc, desc, eq, gt, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { applicationAttachments, applicationVersions } from '../../db/schema.js';
import type { AccommodationReport } from '../../domain/calls/accommodation.js';
import type { ApplicationStage, ApplicationStatus, CheckResult } from '../../domain/calls/vocabulary.js';
import { stageDeadline } from '../../domain/calls/window.js';
import type { CallRow } from '../calls/call-access.js';
import { type ApplicationRow, type ApplicationView, applicationNotFound } from './application-access.js';

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

/**
 * Which attachments a version carries: those uploaded before it was submitted and not removed
 * before then. Without `asOf`, the live ones (the owner's draft).
 */
export function attachedAt(asOf?: Date): SQL | undefined {
  if (!asOf) return isNull(applicationAttachments.removedAt);
  return and(
    lte(applicationAttachments.createdAt, asOf),
    or(isNull(applicationAttachments.removedAt), gt(applicationAttachments.removedAt, asOf)),
  );
}

/** Attachments of an application (live, or as of a submission), without their content. */
export async function listAttachments(db: DbOrTx, applicationId: string, asOf?: Date) {
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
    .where(and(eq(applicationAttachments.applicationId, applicationId), attachedAt(asOf)))
    .orderBy(asc(applicationAttachments.createdAt));
  return rows.map(({ createdAt, ...r }) => ({ ...r, uploadedAt: createdAt.toISOString() }));
}

/** The application as `view` may see it: the live draft for its owner, the submitted version for staff. */
export function presentApplicationAs(view: ApplicationView, db: DbOrTx, application: ApplicationRow, call: CallRow) {
  return view === 'owner' ? presentApplicationDetail(db, application, call) : presentSubmittedApplication(db, application, call);
}

async function listVersions(db: DbOrTx, applicationId: string) {
  return db
    .select({
      version: applicationVersions.version,
      submittedAt: applicationVersions.submittedAt,
      draftRevision: applicationVersions.draftRevision,
      checkReport: applicationVersions.checkReport,
    })
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, applicationId))
    .orderBy(desc(applicationVersions.version));
}

type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];
const presentVersions = (versions: VersionRow[]) =>
  versions.map((v) => ({ version: v.version, submittedAt: v.submittedAt.toISOString(), draftRevision: v.draftRevision }));

/** The owner's view: the live draft, with the check of the current submitted version. */
export async function presentApplicationDetail(db: DbOrTx, application: ApplicationRow, call: CallRow) {
  const versions = await listVersions(db, application.id);
  const current = versions.find((v) => v.version === application.submittedVersion);
  return {
    ...presentApplicationSummary(application, call),
    ownerAccountId: application.ownerAccountId,
    draft: application.draft as Record<string, unknown>,
    shownVersion: null,
    versions: presentVersions(versions),
    check: (current?.checkReport ?? null) as AccommodationReport | null,
    attachments: await listAttachments(db, application.id),
  };
}

/**
 * The staff's view: the latest submitted version exactly as submitted (its content, title, draft
 * revision and attachments), never the draft the applicant may be amending since. `updatedAt` is
 * the submission's time, so even the rhythm of an amendment in progress stays the applicant's.
 */
export async function presentSubmittedApplication(db: DbOrTx, application: ApplicationRow, call: CallRow) {
  const versions = await listVersions(db, application.id);
  const shown = versions.find((v) => v.version === application.submittedVersion);
  if (!shown) throw applicationNotFound(application.id);
  const [row] = await db
    .select({ content: applicationVersions.content })
    .from(applicationVersions)
    .where(and(eq(applicationVersions.applicationId, application.id), eq(applicationVersions.version, shown.version)));
  const content = (row?.content ?? {}) as Record<string, unknown>;
  return {
    ...presentApplicationSummary(application, call),
    title: typeof content.title === 'string' ? content.title : '',
    draftRevision: shown.draftRevision,
    updatedAt: shown.submittedAt.toISOString(),
    ownerAccountId: application.ownerAccountId,
    draft: content,
    shownVersion: shown.version,
    versions: presentVersions(versions),
    check: shown.checkReport as AccommodationReport,
    attachments: await listAttachments(db, application.id, shown.submittedAt),
  };
}
