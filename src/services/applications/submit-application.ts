import { and, eq, sql } from 'drizzle-orm';
import type { ApplicationDocument } from '../../contracts/application-document.js';
import type { Db, DbOrTx } from '../../db/connection.js';
import { accounts, applicationRequests, applications, applicationVersions } from '../../db/schema.js';
import type { Locale } from '../../domain/accounts/roles.js';
import type { AccommodationReport, CallOffers } from '../../domain/calls/accommodation.js';
import { nextApplicationStatus } from '../../domain/calls/application-state.js';
import type { ApplicationStage, ApplicationStatus } from '../../domain/calls/vocabulary.js';
import { formatInZone, submissionWindow } from '../../domain/calls/window.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { type CallRow, databaseNow } from '../calls/call-access.js';
import { windowInput } from '../calls/present-call.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { type ApplicationRow, loadOwnApplication } from './application-access.js';
import { parseDraftDocument } from './save-draft.js';
import { evaluateSubmission, loadTeam } from './submission-context.js';

export interface SubmitOptions {
  revision: number;
  /** Base URL for the link in the receipt. */
  publicUrl?: string;
}

/**
 * Submits (or amends) an application: one transaction that locks the application row, reads the
 * call row (shared lock), and judges the deadline by the DATABASE clock, so a submission racing the
 * deadline is either wholly written (version, requests, denormalised columns, receipt, audit row)
 * or refused with nothing written. Submitting the revision that is already the current version is
 * a no-op that answers with that version (a double click, a retried request).
 */
export async function submitApplication(db: Db, actor: Actor, id: string, options: SubmitOptions) {
  authorize(actor, 'applications.write');
  return db.transaction(async (tx) => {
    const { application, call } = await loadOwnApplication(tx, actor, id, true);
    const stage = application.stage as ApplicationStage;

    if (application.status === 'submitted' && application.submittedVersion !== null) {
      const [current] = await tx
        .select()
        .from(applicationVersions)
        .where(
          and(
            eq(applicationVersions.applicationId, application.id),
            eq(applicationVersions.version, application.submittedVersion),
          ),
        );
      if (current && current.draftRevision === options.revision) {
        return {
          id: application.id,
          status: application.status as ApplicationStatus,
          version: current.version,
          submittedAt: current.submittedAt.toISOString(),
          repeated: true,
          check: current.checkReport as AccommodationReport,
        };
      }
    }
    if (options.revision !== application.draftRevision) {
      const message = `Revision ${options.revision} is not the current draft (revision ${application.draftRevision}); review the latest draft and submit again.`;
      throw new AppError('CONFLICT', message, [{ field: 'revision', code: 'CONFLICT', message }]);
    }
    const to = nextApplicationStatus(application.status as ApplicationStatus, 'submit', { stage });

    const now = await databaseNow(tx);
    const window = submissionWindow(windowInput(call), stage, now);
    if (!window.open) {
      const message = `Submission refused: ${window.reason ?? 'the call is closed.'}`;
      throw new AppError('CONFLICT', message, [{ field: 'closesAt', code: 'CONFLICT', message }]);
    }

    const document = parseDraftDocument(application.draft);
    const { issues, check, offers } = await evaluateSubmission(tx, call, application.id, stage, document);
    if (issues.length > 0) throw AppError.fromIssues(issues);

    const version = (application.submittedVersion ?? 0) + 1;
    const [written] = await tx
      .insert(applicationVersions)
      .values({
        applicationId: application.id,
        version,
        content: document,
        checkReport: check,
        draftRevision: application.draftRevision,
        submittedBy: actor.label,
      })
      .returning({ submittedAt: applicationVersions.submittedAt });
    const requests = requestRows(application.id, version, document, offers);
    if (requests.length > 0) await tx.insert(applicationRequests).values(requests);

    const team = await loadTeam(tx, document);
    const lead = team.find((m) => m.role === 'lead');
    await tx
      .update(applications)
      .set({
        status: to,
        title: document.title,
        submittedVersion: version,
        submittedAt: sql`now()`,
        leadInstitutionId: lead && (lead.countryCode || lead.organisationId) ? lead.institutionId : null,
        leadCountry: lead?.countryCode ?? null,
        checkResult: check.result,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, application.id));

    await sendReceipt(tx, application, call, version, written!.submittedAt, options.publicUrl);
    // Last: the audit lock serialises appenders until commit, so it should be held briefly.
    await recordAudit(tx, actor, {
      action: version === 1 ? 'application.submitted' : 'application.amended',
      subjectType: 'application',
      subjectId: application.id,
      details: { callId: call.id, version, draftRevision: application.draftRevision, check: check.result },
    });
    return {
      id: application.id,
      status: to,
      version,
      submittedAt: written!.submittedAt.toISOString(),
      repeated: false,
      check: check as AccommodationReport,
    };
  });
}

function requestRows(applicationId: string, version: number, document: ApplicationDocument, offers: CallOffers) {
  const sampleIds = new Set(offers.samples.map((o) => o.id));
  const moduleIds = new Set(offers.modules.map((o) => o.id));
  const samples = document.sampleRequests
    .filter((r) => sampleIds.has(r.offerId))
    .map((r) => ({
      applicationId,
      version,
      sampleOfferId: r.offerId,
      massMg: r.massMg ?? 0,
      detail: { form: r.form ?? null, purpose: r.purpose ?? null },
    }));
  const payloads = document.payloadRequests
    .filter((r) => moduleIds.has(r.offerId))
    .map((r) => ({
      applicationId,
      version,
      moduleOfferId: r.offerId,
      massG: r.massG ?? 0,
      avgPowerMw: r.avgPowerMw ?? null,
      peakPowerMw: r.peakPowerMw ?? null,
      dataMbPerDay: r.dataMbPerDay ?? null,
      mounting: r.mounting ?? null,
      detail: {
        name: r.name ?? null,
        lengthMm: r.lengthMm ?? null,
        widthMm: r.widthMm ?? null,
        heightMm: r.heightMm ?? null,
        minTempC: r.minTempC ?? null,
        maxTempC: r.maxTempC ?? null,
        hazards: r.hazards,
      },
    }));
  return [...samples, ...payloads];
}

async function sendReceipt(
  tx: DbOrTx,
  application: ApplicationRow,
  call: CallRow,
  version: number,
  submittedAt: Date,
  publicUrl = '',
) {
  const [owner] = await tx
    .select({ email: accounts.email, name: accounts.displayName, locale: accounts.locale })
    .from(accounts)
    .where(eq(accounts.id, application.ownerAccountId));
  if (!owner) return;
  await enqueueEmail(tx, {
    to: owner.email,
    template: 'submission_receipt',
    locale: owner.locale as Locale,
    name: owner.name,
    link: `${publicUrl}/applications/${application.id}`,
    hours: 0,
    callTitle: call.title,
    version,
    at: formatInZone(submittedAt, call.timeZone),
  });
}
