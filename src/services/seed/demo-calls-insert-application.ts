import { sql } from 'drizzle-orm';
import type { ApplicationDocument } from '../../contracts/application-document.js';
import type { DbOrTx } from '../../db/connection.js';
import { accounts, applicationAttachments, applicationRequests, applications, applicationVersions } from '../../db/schema.js';
import type { OfferTotals } from '../../domain/calls/accommodation.js';
import type { EligibilityTeamMember } from '../../domain/calls/eligibility.js';
import { validateSubmission } from '../../domain/calls/validate-submission.js';
import { AppError } from '../../domain/errors.js';
import { grantRoleIn } from '../accounts/grant-role.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import type { DemoApplication } from './demo-calls-generate.js';
import { demoPdf } from './demo-calls-pdf.js';
import { DEMO_APPLICANT_DOMAIN, type InstitutionRef, type LoadedCall, refused } from './demo-calls-shared.js';

/** One disabled account without a password per lead institution: it owns the records, nobody signs in. */
async function ownerAccount(
  tx: DbOrTx,
  actor: Actor,
  owners: Map<string, string>,
  slug: string,
  institution: InstitutionRef,
): Promise<string> {
  const known = owners.get(slug);
  if (known) return known;
  const email = `${slug}@${DEMO_APPLICANT_DOMAIN}`;
  const [clash] = await tx.select({ id: accounts.id }).from(accounts).where(sql`lower(${accounts.email}) = ${email}`);
  if (clash) throw new AppError('DUPLICATE', `The demo calls need the account ${email}, which already exists.`);
  const [account] = await tx
    .insert(accounts)
    .values({ email, displayName: `Demo records of ${institution.name}`, passwordHash: null, status: 'disabled' })
    .returning({ id: accounts.id });
  await recordAudit(tx, actor, {
    action: 'account.created',
    subjectType: 'account',
    subjectId: account!.id,
    details: { email, status: 'disabled', reason: 'Owner of synthetic demo applications; no password, cannot sign in.' },
  });
  await grantRoleIn(tx, actor, { accountId: account!.id, role: 'applicant', scopeId: institution.id });
  owners.set(slug, account!.id);
  return account!.id;
}

function addTotals(totals: Record<string, OfferTotals>, document: ApplicationDocument) {
  const of = (offerId: string): OfferTotals => {
    totals[offerId] = totals[offerId] ?? {};
    return totals[offerId];
  };
  for (const r of document.sampleRequests) {
    const t = of(r.offerId);
    t.massMg = (t.massMg ?? 0) + (r.massMg ?? 0);
  }
  for (const r of document.payloadRequests) {
    const t = of(r.offerId);
    t.massG = (t.massG ?? 0) + (r.massG ?? 0);
    t.avgPowerMw = (t.avgPowerMw ?? 0) + (r.avgPowerMw ?? 0);
    t.dataMbPerDay = (t.dataMbPerDay ?? 0) + (r.dataMbPerDay ?? 0);
  }
}

function documentOf(app: DemoApplication, call: LoadedCall, ids: Map<string, InstitutionRef>): ApplicationDocument {
  const offer = (key: string) => {
    const id = call.offerIds.get(key);
    if (!id) throw refused(`${app.key} asks for "${key}", which ${call.def.slug} does not offer.`);
    return id;
  };
  const institution = (slug: string) => {
    const ref = ids.get(slug);
    if (!ref) throw refused(`${app.key} names the unknown institution "${slug}".`);
    return ref.id;
  };
  return {
    title: app.title,
    abstract: app.abstract,
    team: app.team.map((m) => ({ institutionId: institution(m.institution), role: m.role })),
    people: app.people.map((p) => ({ name: p.name, email: p.email, institutionId: institution(p.institution), role: p.role })),
    scheme: app.scheme,
    sampleRequests: app.sampleRequests.map(({ offer: key, ...r }) => ({ offerId: offer(key), ...r })),
    payloadRequests: app.payloadRequests.map(({ offer: key, ...r }) => ({ offerId: offer(key), ...r })),
  };
}

export async function insertApplication(
  tx: DbOrTx,
  actor: Actor,
  app: DemoApplication,
  call: LoadedCall,
  ids: Map<string, InstitutionRef>,
  owners: Map<string, string>,
): Promise<void> {
  const document = documentOf(app, call, ids);
  const team: EligibilityTeamMember[] = app.team.map((m) => {
    const ref = ids.get(m.institution)!;
    return {
      institutionId: ref.id,
      role: m.role,
      countryCode: ref.countryCode,
      organisationId: ref.organisationId,
      institutionName: ref.name,
    };
  });
  const totals = call.totals[app.stage]!;
  const verdict = validateSubmission({
    call: {
      stages: call.def.stages,
      requiredDocuments: call.def.requiredDocuments,
      eligibility: call.def.eligibility,
      offers: call.offers,
    },
    stage: app.stage,
    document,
    team,
    attachments: app.attachments.map((documentKey) => ({ documentKey })),
    alreadyRequested: totals,
  });
  const isDraft = app.status === 'draft';
  if (isDraft && verdict.issues.length === 0) throw refused(`${app.key} is meant to be a refused submission, but it passes.`);
  if (!isDraft && (verdict.issues.length > 0 || verdict.check.result === 'fail')) {
    const fails = verdict.check.items.flatMap((i) =>
      i.reasons.filter((r) => r.severity === 'fail').map((r) => ({ field: r.field ?? i.field, message: r.message })),
    );
    throw refused(`${app.key} ("${app.title}") does not pass validateSubmission.`, [...verdict.issues, ...fails]);
  }

  const leadSlug = app.team.find((m) => m.role === 'lead')!.institution;
  const leadRef = ids.get(leadSlug)!;
  const ownerId = await ownerAccount(tx, actor, owners, leadSlug, leadRef);
  const at = new Date(app.at);
  const startedAt = new Date(at.getTime() - 9 * 86_400_000);
  const [row] = await tx
    .insert(applications)
    .values({
      callId: call.id,
      ownerAccountId: ownerId,
      stage: app.stage,
      status: app.status,
      title: app.title,
      draft: document,
      draftRevision: 1,
      submittedVersion: isDraft ? null : 1,
      submittedAt: isDraft ? null : at,
      leadInstitutionId: leadRef.id,
      leadCountry: leadRef.countryCode,
      checkResult: isDraft ? null : verdict.check.result,
      synthetic: app.synthetic,
      createdAt: startedAt,
      updatedAt: at,
    })
    .returning({ id: applications.id });
  const applicationId = row!.id;
  const by = `account:${ownerId}`;

  for (const key of app.attachments) {
    const doc = call.def.requiredDocuments.find((d) => d.key === key)!;
    const pdf = demoPdf(`${doc.name.replace(/ \(PDF\)$/, '')}: ${app.title}`, [
      `Synthetic demo document for ${call.def.title}. ${app.synthetic}`,
      `Objectives. ${app.scheme.objectives}`,
      `Methods. ${app.scheme.methods}`,
      ...(app.scheme.expectedResults ? [`Expected results. ${app.scheme.expectedResults}`] : []),
    ]);
    await tx.insert(applicationAttachments).values({
      applicationId,
      documentKey: key,
      filename: `${key.replaceAll('_', '-')}.pdf`,
      sizeBytes: pdf.content.length,
      sha256: pdf.sha256,
      content: pdf.content,
      uploadedBy: by,
      createdAt: new Date(at.getTime() - 86_400_000),
    });
  }

  if (!isDraft) {
    await tx.insert(applicationVersions).values({
      applicationId,
      version: 1,
      content: document,
      checkReport: verdict.check,
      draftRevision: 1,
      submittedBy: by,
      submittedAt: at,
    });
    const requests = [
      ...document.sampleRequests.map((r) => ({
        applicationId,
        version: 1,
        sampleOfferId: r.offerId,
        massMg: r.massMg ?? null,
        detail: { form: r.form, purpose: r.purpose },
      })),
      ...document.payloadRequests.map((r) => ({
        applicationId,
        version: 1,
        moduleOfferId: r.offerId,
        massG: r.massG ?? null,
        avgPowerMw: r.avgPowerMw ?? null,
        peakPowerMw: r.peakPowerMw ?? null,
        dataMbPerDay: r.dataMbPerDay ?? null,
        mounting: r.mounting ?? null,
        detail: {
          name: r.name,
          lengthMm: r.lengthMm,
          widthMm: r.widthMm,
          heightMm: r.heightMm,
          minTempC: r.minTempC,
          maxTempC: r.maxTempC,
          hazards: r.hazards,
        },
      })),
    ];
    if (requests.length) await tx.insert(applicationRequests).values(requests);
    addTotals(totals, document);
  }
  await recordAudit(tx, actor, {
    action: 'application.seeded',
    subjectType: 'application',
    subjectId: applicationId,
    details: {
      call: call.def.slug,
      key: app.key,
      stage: app.stage,
      status: app.status,
      checkResult: isDraft ? null : verdict.check.result,
      synthetic: app.synthetic,
    },
  });
}
