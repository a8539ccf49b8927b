import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDocument } from '../../src/contracts/application-document.js';
import type { Db } from '../../src/db/connection.js';
import { queryRows } from '../../src/db/connection.js';
import * as t from '../../src/db/schema.js';
import type { AccommodationReport } from '../../src/domain/calls/accommodation.js';
import { signIn } from '../../src/services/accounts/sign-in.js';
import { anonymous, SYSTEM } from '../../src/services/actor.js';
import { callStats } from '../../src/services/calls/call-stats.js';
import { DEMO_PASSWORD } from '../../src/services/seed/demo-accounts.js';
import { CALLS_SEED_FACT, DEMO_APPLICANT_DOMAIN, seedDemoCalls } from '../../src/services/seed/demo-calls.js';
import { CE5_APPROVED } from '../../src/services/seed/demo-calls-generate.js';
import { seedRegistry } from '../../src/services/seed/load-seed.js';
import { type TestDatabase, testDatabase } from '../support/db.js';
import { checkInvariants } from '../support/invariants.js';
import { rowCounts } from '../support/row-counts.js';

const TABLES = {
  calls: t.calls,
  callCriteria: t.callCriteria,
  callSampleOffers: t.callSampleOffers,
  callModuleOffers: t.callModuleOffers,
  applications: t.applications,
  applicationVersions: t.applicationVersions,
  applicationRequests: t.applicationRequests,
  applicationAttachments: t.applicationAttachments,
  accounts: t.accounts,
  institutions: t.institutions,
  auditLog: t.auditLog,
  installationFacts: t.installationFacts,
};

const counts = (db: Db) => rowCounts(db, TABLES);

async function callBySlug(db: Db, slug: string) {
  const [call] = await db.select().from(t.calls).where(eq(t.calls.slug, slug));
  if (!call) throw new Error(`no call ${slug}`);
  return call;
}

async function applicationsOf(db: Db, slug: string) {
  const call = await callBySlug(db, slug);
  return db.select().from(t.applications).where(eq(t.applications.callId, call.id));
}

describe('the demo calls', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    await seedRegistry(db, SYSTEM);
    const result = await seedDemoCalls(db, SYSTEM);
    expect(result.outcome).toBe('loaded');
  }, 120_000);
  afterAll(() => database.dispose());

  it("counts one stage in a two-stage call's figures: Chang'e-8's 41 full proposals, not their letters too", async () => {
    const [call] = await queryRows<{ id: string }>(db, sql`select id from calls where slug = 'change-8-international-2023'`);
    const stats = await callStats(db, SYSTEM, call!.id);
    expect(stats.stage).toBe('full_proposal');
    expect(stats.applications).toBe(41);
    const [full] = await queryRows<{ grams: number; requests: number }>(
      db,
      sql`select coalesce(sum(r.mass_g), 0)::int as grams, count(*)::int as requests from application_requests r
          join applications a on a.id = r.application_id and r.version = a.submitted_version
          where a.call_id = ${call!.id} and a.stage = 'full_proposal' and r.module_offer_id is not null`,
    );
    expect(stats.moduleOffers[0]).toMatchObject({ requestedMassG: full!.grams, requests: full!.requests });
  });

  it('keeps every whole-database invariant (versions, requests, deadlines, audit chain)', async () => {
    expect(await checkInvariants(db)).toEqual([]);
  });

  it("gives the Chang'e-5 2025 round 24 submitted applications from 11 countries asking 71 sample sets", async () => {
    const apps = await applicationsOf(db, 'change-5-international-2025');
    expect(apps).toHaveLength(24);
    expect(apps.every((a) => a.status === 'submitted' && a.stage === 'full_proposal' && a.submittedVersion === 1)).toBe(true);
    expect(new Set(apps.map((a) => a.leadCountry)).size).toBe(11);
    const leads = await db
      .select({ slug: t.institutions.slug })
      .from(t.institutions)
      .where(
        inArray(
          t.institutions.id,
          apps.map((a) => a.leadInstitutionId!),
        ),
      );
    const leadSlugs = new Set(leads.map((l) => l.slug));
    for (const slug of CE5_APPROVED) expect(leadSlugs, slug).toContain(slug);

    const requests = await db
      .select()
      .from(t.applicationRequests)
      .where(
        inArray(
          t.applicationRequests.applicationId,
          apps.map((a) => a.id),
        ),
      );
    expect(requests).toHaveLength(71);
    // Oversubscribed: more is asked than can be lent (available less the reserve).
    const call = await callBySlug(db, 'change-5-international-2025');
    const offers = await db.select().from(t.callSampleOffers).where(eq(t.callSampleOffers.callId, call.id));
    const lendable = offers.reduce((s, o) => s + o.availableMg - o.reserveMg, 0);
    expect(requests.reduce((s, r) => s + (r.massMg ?? 0), 0)).toBeGreaterThan(lendable);
    expect(call).toMatchObject({ status: 'closed', stages: 1, timeZone: 'Asia/Shanghai' });
    expect(call.closesAt.getTime()).toBeLessThan(Date.parse('2025-04-24T00:00:00Z'));
    // Every submitted one carries the experimental scheme, a real PDF.
    const schemes = await db
      .select()
      .from(t.applicationAttachments)
      .where(
        and(
          eq(t.applicationAttachments.documentKey, 'experimental_scheme'),
          inArray(
            t.applicationAttachments.applicationId,
            apps.map((a) => a.id),
          ),
        ),
      );
    expect(schemes).toHaveLength(24);
    expect(schemes.every((s) => s.content.subarray(0, 5).toString() === '%PDF-')).toBe(true);
  });

  it("gives Chang'e-8 41 full proposals, none with an item over 100 kg, the 10 selected teams among them", async () => {
    const apps = await applicationsOf(db, 'change-8-international-2023');
    const full = apps.filter((a) => a.stage === 'full_proposal' && a.status === 'submitted');
    expect(full).toHaveLength(41);
    expect(apps.filter((a) => a.stage === 'letter_of_intent' && a.status === 'shortlisted')).toHaveLength(41);
    const requests = await db
      .select()
      .from(t.applicationRequests)
      .where(
        inArray(
          t.applicationRequests.applicationId,
          full.map((a) => a.id),
        ),
      );
    expect(requests.length).toBeGreaterThanOrEqual(41);
    expect(Math.max(...requests.map((r) => r.massG ?? 0))).toBeLessThanOrEqual(100_000);
    expect(requests.some((r) => (r.massG ?? 0) === 35_000)).toBe(true); // the Pakistani rover

    const [program] = await db.select().from(t.programs).where(eq(t.programs.slug, 'change-8-cooperation'));
    const projects = await db.select().from(t.projects).where(eq(t.projects.programId, program!.id));
    const titles = new Set(full.map((a) => a.title));
    for (const p of projects) expect(titles, p.title).toContain(p.title);
  });

  it('gives Tianwen-3 its applications, the submitted ones within its limits, the refused ones left as drafts', async () => {
    const apps = await applicationsOf(db, 'tianwen-3-partner-payloads-2025');
    const submitted = apps.filter((a) => a.stage === 'full_proposal' && a.status === 'submitted');
    expect(submitted.length).toBeGreaterThanOrEqual(8);
    const drafts = apps.filter((a) => a.status === 'draft');
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(drafts.every((d) => d.submittedAt === null && d.submittedVersion === null)).toBe(true);
    const versions = await db
      .select()
      .from(t.applicationVersions)
      .where(
        inArray(
          t.applicationVersions.applicationId,
          drafts.map((d) => d.id),
        ),
      );
    expect(versions).toHaveLength(0);

    const call = await callBySlug(db, 'tianwen-3-partner-payloads-2025');
    const offers = await db.select().from(t.callModuleOffers).where(eq(t.callModuleOffers.callId, call.id));
    const byId = new Map(offers.map((o) => [o.id, o]));
    const requests = await db
      .select()
      .from(t.applicationRequests)
      .where(
        inArray(
          t.applicationRequests.applicationId,
          submitted.map((a) => a.id),
        ),
      );
    for (const r of requests) {
      const offer = byId.get(r.moduleOfferId!)!;
      const d = r.detail as { lengthMm: number; widthMm: number; heightMm: number; minTempC: number; maxTempC: number };
      expect(r.massG!).toBeLessThanOrEqual(offer.poolMassG);
      expect([d.lengthMm, d.widthMm, d.heightMm].sort((a, b) => b - a)).toSatisfy(
        (dims: number[]) => dims[0]! <= 300 && dims[1]! <= 200 && dims[2]! <= 200,
      );
      expect(d.minTempC).toBeGreaterThanOrEqual(-50);
      expect(d.maxTempC).toBeLessThanOrEqual(70);
    }
    // Some carry warnings (hazards, oversubscription), none a failure.
    expect(submitted.some((a) => a.checkResult === 'warn')).toBe(true);
  });

  it('has exactly one open call', async () => {
    const open = await db.select().from(t.calls).where(eq(t.calls.status, 'published'));
    expect(open.map((c) => c.slug)).toEqual(['lunar-samples-international-2026-27']);
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(open[0]!.opensAt.getTime()).toBeLessThan(now);
    expect(open[0]!.closesAt.getTime()).toBeGreaterThan(now);
  });

  it('stores a passing check with every submitted version, and marks everything synthetic', async () => {
    const versions = await db.select().from(t.applicationVersions);
    expect(versions.length).toBeGreaterThan(100);
    for (const v of versions) {
      const report = v.checkReport as AccommodationReport;
      expect(report.result).not.toBe('fail');
      expect(report.items.flatMap((i) => i.reasons).filter((r) => r.severity === 'fail')).toEqual([]);
      expect((v.content as ApplicationDocument).title).toBeTruthy();
    }
    const apps = await db.select().from(t.applications);
    expect(apps.every((a) => a.synthetic)).toBe(true);
    expect((await db.select().from(t.calls)).every((c) => c.synthetic)).toBe(true);
    const audits = await db.select({ action: t.auditLog.action, n: count() }).from(t.auditLog).groupBy(t.auditLog.action);
    const byAction = Object.fromEntries(audits.map((a) => [a.action, Number(a.n)]));
    expect(byAction['call.seeded']).toBe(4);
    expect(byAction['application.seeded']).toBe(apps.length);
  });

  it('gives the applicant accounts no way to sign in', async () => {
    const owners = await db
      .select()
      .from(t.accounts)
      .where(like(t.accounts.email, `%@${DEMO_APPLICANT_DOMAIN}`));
    expect(owners.length).toBeGreaterThan(20);
    expect(owners.every((a) => a.status === 'disabled' && a.passwordHash === null)).toBe(true);
    const ownerIds = new Set(owners.map((o) => o.id));
    expect((await db.select().from(t.applications)).every((a) => ownerIds.has(a.ownerAccountId))).toBe(true);
    for (const password of [DEMO_PASSWORD, '']) {
      await expect(signIn(db, anonymous('127.0.0.9'), { email: owners[0]!.email, password })).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    }
  });

  it('changes nothing when loaded twice', async () => {
    const before = await counts(db);
    expect((await seedDemoCalls(db, SYSTEM)).outcome).toBe('already_loaded');
    expect(await counts(db)).toEqual(before);
    const [fact] = await db.select().from(t.installationFacts).where(eq(t.installationFacts.key, CALLS_SEED_FACT));
    expect(fact?.value).toMatchObject({ version: 1 });
  });
});
