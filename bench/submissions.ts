// Concurrent submissions against a real PostgreSQL: an in-process server (the same buildApp as
// `serve`, listening on a port, requests over HTTP) in a new database of its own; 200 applicant
// accounts (BENCH_APPLICANTS), each with a complete draft, all submit at once. Prints accepted,
// lost (a 200 without its version, or a version without its requests: 0 expected), duplicated
// (more than one version or audit row per application: 0 expected), throughput and p50/p99 latency.
// Prints figures, asserts nothing.
//   scripts/with-postgres.sh node --import tsx bench/submissions.ts
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres, queryRows } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { accounts } from '../src/db/schema.js';
import { buildApp } from '../src/server/app.js';
import { createApiToken } from '../src/services/accounts/api-tokens.js';
import { grantRoleIn } from '../src/services/accounts/grant-role.js';
import { accountActor, liveGrants } from '../src/services/accounts/load-account.js';
import { hashPassword } from '../src/services/accounts/secrets.js';
import { SYSTEM } from '../src/services/actor.js';
import { createApplication } from '../src/services/applications/create-application.js';
import { saveDraft } from '../src/services/applications/save-draft.js';
import { changeCallStatus } from '../src/services/calls/change-call-status.js';
import { createCall } from '../src/services/calls/create-call.js';
import { createRecord } from '../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../src/services/registry/resources.js';

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(url: string, run: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function submissionsBench(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('submissions: skipped, DATABASE_URL is not set (run it through scripts/with-postgres.sh)');
    return;
  }
  const applicants = Number(process.env.BENCH_APPLICANTS ?? 200);
  const poolSize = Number(process.env.BENCH_POOL ?? 20);
  const name = `orbitshare_bench_${randomBytes(4).toString('hex')}`;
  await admin(url, (c) => c.query(`create database ${name}`));
  const database = openPostgres(withDatabase(url, name), poolSize);
  try {
    await migrate(database);
    const { db } = database;
    const create = (resource: string, values: Record<string, unknown>) =>
      createRecord(db, SYSTEM, RESOURCE_BY_NAME.get(resource)!, values) as Promise<Record<string, unknown>>;
    await create('countries', { code: 'FR', name: 'France' });
    const program = await create('programs', { slug: 'bench-program', name: 'Bench program', kind: 'payload' });
    const mission = await create('missions', {
      slug: 'bench-mission',
      name: 'Bench mission',
      targetBody: 'moon',
      status: 'planned',
      launchYear: 2030,
    });
    const lander = await create('host-modules', {
      missionId: mission.id,
      kind: 'lander',
      name: 'Bench lander',
      poolMassG: 100_000_000,
      itemMaxMassG: 100_000,
    });
    const institution = await create('institutions', {
      slug: 'bench-institute',
      name: 'Bench Institute',
      kind: 'research_institute',
      countryCode: 'FR',
    });
    const call = (await createCall(db, SYSTEM, {
      slug: 'bench-call',
      programId: String(program.id),
      title: 'Bench call',
      stages: 1,
      timeZone: 'Asia/Shanghai',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      eligibility: {},
      requiredDocuments: [],
      criteria: [{ key: 'science', name: 'Science', weight: 100, scaleMin: 1, scaleMax: 5 }],
      sampleOffers: [],
      moduleOffers: [{ hostModuleId: String(lander.id) }],
    }))!;
    await changeCallStatus(db, SYSTEM, call.id, 'publish');
    const offerId = call.moduleOffers[0]!.id;

    console.log(`preparing ${applicants} applicants with drafts…`);
    const passwordHash = await hashPassword('bench password 2025');
    const prepared: { applicationId: string; authorization: string }[] = [];
    for (let i = 0; i < applicants; i++) {
      const [account] = await db
        .insert(accounts)
        .values({
          email: `applicant${i}@bench.example`,
          displayName: `Applicant ${i}`,
          passwordHash,
          status: 'active',
          emailVerifiedAt: new Date(),
        })
        .returning();
      await grantRoleIn(db, SYSTEM, { accountId: account!.id, role: 'applicant', scopeId: String(institution.id) });
      const [fresh] = await db.select().from(accounts).where(eq(accounts.id, account!.id));
      const actor = accountActor(fresh!, await liveGrants(db, account!.id), { via: 'session' });
      const token = await createApiToken(db, actor, { name: 'bench', scopes: ['read', 'write'] });
      const application = await createApplication(db, actor, call.id, {});
      await saveDraft(db, actor, application.id, {
        baseRevision: 0,
        document: {
          title: `Payload ${i}`,
          abstract: 'A payload for the bench.',
          team: [{ institutionId: institution.id, role: 'lead' }],
          people: [{ name: `PI ${i}`, role: 'principal_investigator' }],
          scheme: { objectives: 'o', methods: 'm', expectedResults: 'r' },
          payloadRequests: [
            {
              offerId,
              name: `P${i}`,
              massG: 1_000 + i,
              avgPowerMw: 100,
              peakPowerMw: 200,
              dataMbPerDay: 1,
              lengthMm: 100,
              widthMm: 100,
              heightMm: 100,
              minTempC: -20,
              maxTempC: 40,
              mounting: 'outside',
            },
          ],
        },
      });
      prepared.push({ applicationId: application.id, authorization: `Bearer ${token.token}` });
    }

    const app = await buildApp({ database, version: 'bench' }, { serveWeb: false, logLevel: 'warn' });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const started = performance.now();
      const results = await Promise.all(
        prepared.map(async (p) => {
          const t0 = performance.now();
          const res = await fetch(`${base}/api/applications/${p.applicationId}/submit`, {
            method: 'POST',
            headers: { authorization: p.authorization, 'content-type': 'application/json' },
            body: JSON.stringify({ revision: 1 }),
          });
          const body = (await res.json()) as { version?: number; detail?: string };
          return { id: p.applicationId, status: res.status, body, ms: performance.now() - t0 };
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      const accepted = results.filter((r) => r.status === 200);
      const failed = results.filter((r) => r.status !== 200);
      const rows = await queryRows<{
        id: string;
        versions: number | string;
        requests: number | string;
        audits: number | string;
        status: string;
      }>(
        db,
        sql`select a.id, a.status,
                   (select count(*) from application_versions v where v.application_id = a.id) as versions,
                   (select count(*) from application_requests r where r.application_id = a.id) as requests,
                   (select count(*) from audit_log l where l.subject_id = a.id::text and l.action = 'application.submitted') as audits
              from applications a where a.call_id = ${call.id}`,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const lost = accepted.filter((r) => {
        const row = byId.get(r.id);
        return row?.status !== 'submitted' || Number(row.versions) < 1 || Number(row.requests) < 1;
      }).length;
      const duplicated = rows.filter((r) => Number(r.versions) > 1 || Number(r.audits) > 1).length;
      const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
      console.log(
        `submissions: ${applicants} concurrent, pool ${poolSize}: accepted ${accepted.length}, lost ${lost} (0 expected), ` +
          `duplicated ${duplicated} (0 expected), refused ${failed.length}` +
          `${failed[0] ? ` (first: ${failed[0].status} ${failed[0].body.detail})` : ''}; ` +
          `${(results.length / elapsed).toFixed(0)} submissions/s over ${elapsed.toFixed(2)} s; ` +
          `latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await admin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await submissionsBench();
