import { and, asc, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applicationAttachments, applicationVersions, institutions } from '../../db/schema.js';
import type { AccommodationReport } from '../../domain/calls/accommodation.js';
import type { ApplicationStage, ApplicationStatus } from '../../domain/calls/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { isUuid, loadCallRow, readsProgramApplications } from '../calls/call-access.js';
import { callPermissions, canShortlist } from '../calls/call-permissions.js';
import { applicationNotFound } from './application-access.js';
import { loadApplicationRow } from './load-application-row.js';

/**
 * The staff's read view of an application: its current submitted version as sent (document, check
 * recorded then, attachments as they stood then), never the live draft. Officers and officials of
 * the call's program only; an application never submitted does not exist for them.
 */
export async function getSubmittedApplication(db: Db, actor: Actor, id: string) {
  authorize(actor, 'calls.applications.read');
  const application = isUuid(id) ? await loadApplicationRow(db, id) : undefined;
  const call = application && (await loadCallRow(db, application.callId));
  if (!application || !call || !readsProgramApplications(actor, call.programId) || application.submittedVersion == null)
    throw applicationNotFound(id);

  const versions = await db
    .select()
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, application.id))
    .orderBy(desc(applicationVersions.version));
  const current = versions.find((v) => v.version === application.submittedVersion)!;
  const document = (current.content ?? {}) as Record<string, unknown>;

  const attachments = await db
    .select()
    .from(applicationAttachments)
    .where(
      and(
        eq(applicationAttachments.applicationId, application.id),
        lte(applicationAttachments.createdAt, current.submittedAt),
        or(isNull(applicationAttachments.removedAt), gt(applicationAttachments.removedAt, current.submittedAt)),
      ),
    )
    .orderBy(asc(applicationAttachments.createdAt));

  const team = Array.isArray(document.team) ? (document.team as { institutionId?: unknown }[]) : [];
  const ids = team.map((m) => m.institutionId).filter((v): v is string => typeof v === 'string' && isUuid(v));
  const named =
    ids.length === 0
      ? []
      : await db
          .select({ id: institutions.id, name: institutions.name, countryCode: institutions.countryCode })
          .from(institutions)
          .where(inArray(institutions.id, ids));

  return {
    id: application.id,
    callId: call.id,
    callSlug: call.slug,
    callTitle: call.title,
    stage: application.stage as ApplicationStage,
    status: application.status as ApplicationStatus,
    // The row's title follows the live draft; the version's document holds what was sent.
    title: typeof document.title === 'string' ? document.title : '',
    version: current.version,
    submittedAt: current.submittedAt.toISOString(),
    versions: versions.map((v) => ({ version: v.version, submittedAt: v.submittedAt.toISOString() })),
    document,
    institutions: named,
    check: current.checkReport as AccommodationReport,
    attachments: attachments.map((a) => ({
      id: a.id,
      documentKey: a.documentKey,
      filename: a.filename,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      uploadedAt: a.createdAt.toISOString(),
    })),
    can: { shortlist: canShortlist(callPermissions(actor, call), application) },
  };
}
