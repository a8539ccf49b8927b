import { eq, inArray, sql } from 'drizzle-orm';
import type { ApplicationDocument } from '../../contracts/application-document.js';
import type { Db, DbOrTx } from '../../db/connection.js';
import {
  accounts,
  applicationAttachments,
  applicationRequests,
  applications,
  applicationVersions,
  callCriteria,
  callModuleOffers,
  callSampleOffers,
  calls,
  hostModules,
  installationFacts,
  institutions,
  missions,
  programs,
  sampleCollections,
} from '../../db/schema.js';
import type { CallOffers, ModuleMounting, OfferTotals } from '../../domain/calls/accommodation.js';
import type { EligibilityTeamMember } from '../../domain/calls/eligibility.js';
import { validateSubmission } from '../../domain/calls/validate-submission.js';
import { AppError } from '../../domain/errors.js';
import { grantRoleIn } from '../accounts/grant-role.js';
import { type Actor, SYSTEM } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { createRecordIn } from '../registry/create-record.js';
import { RESOURCE_BY_NAME } from '../registry/resources.js';
import {
  DEMO_CALLS,
  DEMO_CALLS_VERSION,
  DEMO_INSTITUTIONS,
  type DemoCall,
  SYNTHETIC_INSTITUTION_NOTE,
} from './demo-calls-data.js';
import { type DemoApplication, generateDemoApplications } from './demo-calls-generate.js';
import { demoPdf } from './demo-calls-pdf.js';

/** The installation fact recording that the demo calls are loaded. */
export const CALLS_SEED_FACT = 'seed.calls';
/** Owners of the demo applications: one disabled account without a password per lead institution. */
export const DEMO_APPLICANT_DOMAIN = 'applicants.orbitshare.demo';

export interface DemoCallsResult {
  outcome: 'loaded' | 'already_loaded';
  version: number;
  calls: number;
  applications: Record<string, Record<string, number>>;
}

interface InstitutionRef {
  id: string;
  name: string;
  countryCode: string | null;
  organisationId: string | null;
}

interface LoadedCall {
  id: string;
  def: DemoCall;
  offers: CallOffers;
  /** Offer key (`collection/type`, `mission/module`) → offer id. */
  offerIds: Map<string, string>;
  /** Totals of the submitted applications so far, per stage, by offer id. */
  totals: Record<string, Record<string, OfferTotals>>;
}

const refused = (message: string, issues: { field: string; message: string }[] = []) =>
  new AppError(
    'VALIDATION_FAILED',
    `The demo calls were refused: ${message}${issues.length ? `\n${issues.map((i) => `  ${i.field}: ${i.message}`).join('\n')}` : ''}`,
  );

async function institutionsBySlug(tx: DbOrTx): Promise<Map<string, InstitutionRef>> {
  const rows = await tx
    .select({
      slug: institutions.slug,
      id: institutions.id,
      name: institutions.name,
      countryCode: institutions.countryCode,
      organisationId: institutions.organisationId,
    })
    .from(institutions);
  return new Map(rows.map(({ slug, ...rest }) => [slug, rest]));
}

/** The institutions the demo applications need beyond the registry, through the registry use case. */
async function addInstitutions(tx: DbOrTx, actor: Actor): Promise<string[]> {
  const resource = RESOURCE_BY_NAME.get('institutions');
  if (!resource) throw new AppError('INTERNAL', 'No registry resource "institutions".');
  const existing = await institutionsBySlug(tx);
  const added: string[] = [];
  for (const i of DEMO_INSTITUTIONS) {
    if (existing.has(i.slug)) continue;
    const { country, ...rest } = i;
    await createRecordIn(tx, actor, resource, { ...rest, countryCode: country });
    added.push(i.slug);
  }
  return added;
}

async function insertCall(tx: DbOrTx, actor: Actor, def: DemoCall): Promise<LoadedCall> {
  const [program] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.slug, def.program));
  if (!program) throw new AppError('REFERENCE_NOT_FOUND', `Load the demo registry first: program "${def.program}" is missing.`);
  const opensAt = new Date(def.opensAt);
  const closesAt = new Date(def.closesAt);
  const [call] = await tx
    .insert(calls)
    .values({
      slug: def.slug,
      programId: program.id,
      title: def.title,
      summary: def.summary,
      status: def.status,
      stages: def.stages,
      timeZone: def.timeZone,
      opensAt,
      loiClosesAt: def.loiClosesAt ? new Date(def.loiClosesAt) : null,
      closesAt,
      eligibility: def.eligibility,
      requiredDocuments: def.requiredDocuments,
      synthetic: def.synthetic,
      createdAt: new Date(opensAt.getTime() - 14 * 86_400_000),
      updatedAt: def.status === 'closed' ? closesAt : opensAt,
    })
    .returning({ id: calls.id });
  const callId = call!.id;
  await tx.insert(callCriteria).values(def.criteria.map((c, position) => ({ ...c, callId, position })));

  const offers: CallOffers = { samples: [], modules: [] };
  const offerIds = new Map<string, string>();
  for (const o of def.sampleOffers) {
    const [collection] = await tx
      .select({ id: sampleCollections.id })
      .from(sampleCollections)
      .where(eq(sampleCollections.slug, o.collection));
    if (!collection)
      throw new AppError('REFERENCE_NOT_FOUND', `Load the demo registry first: sample collection "${o.collection}" is missing.`);
    const [row] = await tx
      .insert(callSampleOffers)
      .values({
        callId,
        sampleCollectionId: collection.id,
        sampleType: o.sampleType,
        availableMg: o.availableMg,
        reserveMg: o.reserveMg,
        maxPerRequestMg: o.maxPerRequestMg,
      })
      .returning();
    offers.samples.push(row!);
    offerIds.set(`${o.collection}/${o.sampleType}`, row!.id);
  }
  for (const o of def.moduleOffers) {
    const [host] = await tx
      .select({ module: hostModules })
      .from(hostModules)
      .innerJoin(missions, eq(missions.id, hostModules.missionId))
      .where(sql`${missions.slug} = ${o.mission} and ${hostModules.name} = ${o.module}`);
    if (!host)
      throw new AppError(
        'REFERENCE_NOT_FOUND',
        `Load the demo registry first: host module "${o.mission}/${o.module}" is missing.`,
      );
    const m = host.module;
    const [row] = await tx
      .insert(callModuleOffers)
      .values({
        callId,
        hostModuleId: m.id,
        poolMassG: o.poolMassG,
        poolPowerMw: o.poolPowerMw ?? null,
        poolDataMbPerDay: null,
        itemMaxMassG: o.itemMaxMassG ?? m.itemMaxMassG,
        itemMaxAvgPowerMw: m.itemMaxAvgPowerMw,
        itemMaxPeakPowerMw: m.itemMaxPeakPowerMw,
        itemMaxLengthMm: o.itemMaxLengthMm ?? m.itemMaxLengthMm,
        itemMaxWidthMm: o.itemMaxWidthMm ?? m.itemMaxWidthMm,
        itemMaxHeightMm: o.itemMaxHeightMm ?? m.itemMaxHeightMm,
        itemMinTempC: o.itemMinTempC ?? m.itemMinTempC,
        itemMaxTempC: o.itemMaxTempC ?? m.itemMaxTempC,
        mounting: o.mounting ?? m.mounting,
      })
      .returning();
    offers.modules.push({ ...row!, name: `${o.mission} ${o.module}`, mounting: row!.mounting as ModuleMounting });
    offerIds.set(`${o.mission}/${o.module}`, row!.id);
  }
  await recordAudit(tx, actor, {
    action: 'call.seeded',
    subjectType: 'call',
    subjectId: callId,
    details: { slug: def.slug, status: def.status, version: DEMO_CALLS_VERSION, synthetic: def.synthetic },
  });
  return { id: callId, def, offers, offerIds, totals: { letter_of_intent: {}, full_proposal: {} } };
}

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

async function insertApplication(
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

/**
 * Loads the demo calls and their applications (demo-calls-data.ts, demo-calls-generate.ts) in ONE
 * transaction, after the demo registry. Historical applications are written directly with their
 * submission time (the live path refuses them: their deadlines are past), but each document goes
 * through validateSubmission first, and invalid demo data refuses the whole load. Idempotent: the
 * version is recorded in installation_facts (`seed.calls`).
 */
export async function seedDemoCalls(db: Db, actor: Actor = SYSTEM): Promise<DemoCallsResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('orbitshare.seed.calls'))`);
    const [fact] = await tx.select().from(installationFacts).where(eq(installationFacts.key, CALLS_SEED_FACT));
    if (fact) {
      const loaded = Number((fact.value as { version?: unknown }).version);
      if (loaded === DEMO_CALLS_VERSION)
        return { outcome: 'already_loaded', version: loaded, calls: 0, applications: {} } satisfies DemoCallsResult;
      throw new AppError(
        'CONFLICT',
        `Demo calls version ${loaded} are loaded; loading version ${DEMO_CALLS_VERSION} over them is not supported.`,
      );
    }
    const clash = await tx
      .select({ slug: calls.slug })
      .from(calls)
      .where(
        inArray(
          calls.slug,
          DEMO_CALLS.map((c) => c.slug),
        ),
      );
    if (clash.length) throw new AppError('DUPLICATE', `Calls with the demo slugs exist: ${clash.map((c) => c.slug).join(', ')}.`);

    const addedInstitutions = await addInstitutions(tx, actor);
    const ids = await institutionsBySlug(tx);
    const loadedCalls = new Map<string, LoadedCall>();
    for (const def of DEMO_CALLS) loadedCalls.set(def.slug, await insertCall(tx, actor, def));

    const countryOf = (slug: string) => ids.get(slug)?.countryCode ?? 'GB';
    const owners = new Map<string, string>();
    const counts: Record<string, Record<string, number>> = {};
    for (const app of generateDemoApplications(countryOf)) {
      const call = loadedCalls.get(app.call);
      if (!call) throw refused(`${app.key} names the unknown call "${app.call}".`);
      await insertApplication(tx, actor, app, call, ids, owners);
      counts[app.call] = counts[app.call] ?? {};
      const c = counts[app.call]!;
      const k = `${app.stage}:${app.status}`;
      c[k] = (c[k] ?? 0) + 1;
    }

    const value = {
      version: DEMO_CALLS_VERSION,
      calls: DEMO_CALLS.map((c) => c.slug),
      applications: counts,
      applicantAccounts: owners.size,
      syntheticInstitutions: DEMO_INSTITUTIONS.map((i) => i.slug),
      addedInstitutions,
      syntheticInstitutionNote: SYNTHETIC_INSTITUTION_NOTE,
    };
    await tx.insert(installationFacts).values({ key: CALLS_SEED_FACT, value });
    await recordAudit(tx, actor, {
      action: 'seed.loaded',
      subjectType: 'installation',
      subjectId: CALLS_SEED_FACT,
      details: value,
    });
    return {
      outcome: 'loaded',
      version: DEMO_CALLS_VERSION,
      calls: DEMO_CALLS.length,
      applications: counts,
    } satisfies DemoCallsResult;
  });
}
