import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { buildApp } from '../../src/server/app.js';
import { configurePasswordHashing, DEFAULT_HASHING_LIMITS } from '../../src/services/accounts/secrets.js';
import { seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { authClient, sessionCookieOf } from '../support/auth-client.js';
import { databaseKind } from '../support/db.js';
import { checkInvariants } from '../support/invariants.js';

// Proxy trust, counting before checking, the hashing cap and lock-out resistance (issue 7, items 1–3).
let t: TestApp;
let behindProxy: FastifyInstance;
let behindOneHop: FastifyInstance;

beforeAll(async () => {
  t = await testApp(); // TRUST_PROXY off, as by default
  const ctx = { database: t.database, version: 'test' };
  const options = { serveWeb: false, logLevel: 'silent', validateResponses: true } as const;
  behindProxy = await buildApp(ctx, { ...options, trustProxy: ['127.0.0.1/8'] });
  behindOneHop = await buildApp(ctx, { ...options, trustProxy: 1 });
});
afterAll(async () => {
  configurePasswordHashing(DEFAULT_HASHING_LIMITS);
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await behindProxy.close();
  await behindOneHop.close();
  await t.close();
});

const direct = () => authClient(t.app, t.database.db);

async function failedLogins(subjectId: string) {
  return queryRows<{ address: string | null }>(
    t.database.db,
    sql`select address from audit_log where action = 'auth.login_failed' and subject_id = ${subjectId} order by id`,
  );
}

function statuses(answers: { statusCode: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.statusCode] = (counts[a.statusCode] ?? 0) + 1;
  return counts;
}

describe(`TRUST_PROXY on ${databaseKind} Postgres`, () => {
  it('off: 100 failed sign-ins with a rotating X-Forwarded-For are throttled, and the audit has the socket address', async () => {
    const victim = await seedActiveAccount(t.database.db);
    const { signIn } = direct();
    const answers = [];
    for (let i = 0; i < 100; i++) {
      answers.push(
        await signIn(victim.email, `wrong-guess-${i}`, {
          remoteAddress: '192.0.2.200',
          headers: { 'x-forwarded-for': `198.18.${i}.1` },
        }),
      );
    }
    expect(statuses(answers)).toEqual({ 401: 5, 429: 95 });
    const rows = await failedLogins(victim.id);
    expect(rows.map((r) => r.address)).toEqual(Array(5).fill('192.0.2.200'));
  });

  it('off: X-Forwarded-Proto is ignored (no Secure cookie, no HSTS)', async () => {
    const person = await seedActiveAccount(t.database.db);
    const res = await direct().signIn(person.email, person.password, {
      remoteAddress: '192.0.2.201',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.44' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'osid')?.secure).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const [row] = await queryRows<{ address: string }>(
      t.database.db,
      sql`select address from audit_log where action = 'auth.login' and subject_id = ${person.id}`,
    );
    expect(row!.address).toBe('192.0.2.201');
  });

  it('on (address ranges): the forwarded client address and protocol are used, the cookie is Secure', async () => {
    const person = await seedActiveAccount(t.database.db);
    const res = await authClient(behindProxy, t.database.db).signIn(person.email, person.password, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.44' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'osid')?.secure).toBe(true);
    expect(res.headers['strict-transport-security']).toContain('max-age');
    const [row] = await queryRows<{ address: string; actor: string }>(
      t.database.db,
      sql`select address, actor from audit_log where action = 'auth.login' and subject_id = ${person.id}`,
    );
    expect(row).toEqual({ address: '192.0.2.44', actor: `account:${person.id}` });
    // A socket outside the trusted ranges is the client itself, whatever it forwards.
    const outsider = await authClient(behindProxy, t.database.db).signIn(person.email, 'not-the-password', {
      remoteAddress: '203.0.113.9',
      headers: { 'x-forwarded-for': '192.0.2.99', 'x-forwarded-proto': 'https' },
    });
    expect(outsider.statusCode).toBe(401);
    expect((await failedLogins(person.id)).map((r) => r.address)).toEqual(['203.0.113.9']);
  });

  it('on (a hop count): the client is the address the nearest proxy saw', async () => {
    const person = await seedActiveAccount(t.database.db);
    const res = await authClient(behindOneHop, t.database.db).signIn(person.email, 'not-the-password', {
      headers: { 'x-forwarded-for': '198.51.100.1, 192.0.2.55' },
    });
    expect(res.statusCode).toBe(401);
    expect((await failedLogins(person.id)).map((r) => r.address)).toEqual(['192.0.2.55']);
  });

  it('on: rotating forwarded addresses still meet the per-e-mail limit, which only slows (at most 30 s)', async () => {
    const victim = await seedActiveAccount(t.database.db);
    const { signIn } = authClient(behindProxy, t.database.db);
    const answers = [];
    for (let i = 0; i < 60; i++) {
      answers.push(await signIn(victim.email, `wrong-guess-${i}`, { headers: { 'x-forwarded-for': `198.18.1.${i}` } }));
    }
    const counted = statuses(answers);
    expect(counted[401]).toBeGreaterThanOrEqual(50);
    expect(counted[401]).toBeLessThan(60);
    const slowed = answers.filter((a) => a.statusCode === 429);
    expect(slowed.length).toBeGreaterThan(0);
    for (const a of slowed) expect(Number(a.headers['retry-after'])).toBeLessThanOrEqual(30);
  });
});

describe(`counting before checking on ${databaseKind} Postgres`, () => {
  it('100 simultaneous wrong passwords for one e-mail get at most the limit of 5 checked', async () => {
    const victim = await seedActiveAccount(t.database.db);
    const { signIn } = direct();
    // The hashing cap lifted: only the throttle's count may hold the burst back.
    configurePasswordHashing({ concurrency: 0, queue: 0 });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signIn(victim.email, `concurrent-guess-${i}`, { remoteAddress: '192.0.2.210' })),
    ).finally(() => configurePasswordHashing(DEFAULT_HASHING_LIMITS));
    const checked = (await failedLogins(victim.id)).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses(answers)[401]).toBe(checked);
    expect(statuses(answers)[429]).toBe(100 - checked);
    for (const a of answers.filter((x) => x.statusCode === 429)) {
      expect(a.json().code).toBe('RATE_LIMITED');
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('past the hashing cap, sign-ins answer 429 RATE_LIMITED with Retry-After, and the refused attempt is not counted', async () => {
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await seedActiveAccount(t.database.db));
    configurePasswordHashing({ concurrency: 1, queue: 1 });
    try {
      const answers = await Promise.all(
        people.map((p, i) => direct().signIn(p.email, p.password, { remoteAddress: `192.0.2.${100 + i}` })),
      );
      const busy = answers.filter((a) => a.statusCode === 429);
      expect(busy.length).toBeGreaterThan(0);
      expect(statuses(answers)[200]).toBeGreaterThanOrEqual(2);
      for (const a of busy) {
        expect(a.json()).toMatchObject({ code: 'RATE_LIMITED', detail: expect.stringContaining('busy') });
        expect(a.headers['retry-after']).toBe('1');
      }
      // Refunded: the people turned away have nothing counted against them.
      const counted = await queryRows<{ n: number }>(
        t.database.db,
        sql`select coalesce(sum(attempts), 0)::int as n from auth_throttle where key like 'login:email+ip:%' and key like ${'%|192.0.2.1__'}`,
      );
      expect(counted[0]!.n).toBe(0);
    } finally {
      configurePasswordHashing(DEFAULT_HASHING_LIMITS);
    }
  });
});

describe(`no lock-out of the owner on ${databaseKind} Postgres`, () => {
  it('the owner signs in from their own address while an attacker hammers the e-mail from many others', async () => {
    const owner = await seedActiveAccount(t.database.db);
    const home = '198.51.100.7';
    const { signIn } = direct();
    expect((await signIn(owner.email, owner.password, { remoteAddress: home })).statusCode).toBe(200);
    const attack = [];
    for (let i = 0; i < 70; i++) {
      attack.push(await signIn(owner.email, `attacker-guess-${i}`, { remoteAddress: `203.0.113.${i + 1}` }));
    }
    expect(statuses(attack)[429]).toBeGreaterThan(0); // the attacker is slowed…
    const ownerAgain = await signIn(owner.email, owner.password, { remoteAddress: home });
    expect(ownerAgain.statusCode).toBe(200); // …the owner is not
    expect(sessionCookieOf(ownerAgain)).toBeTruthy();
    // And the owner's own typos slow only their own address, for a while, never for good.
    for (let i = 0; i < 5; i++) await signIn(owner.email, `typo-${i}`, { remoteAddress: home });
    const waiting = await signIn(owner.email, owner.password, { remoteAddress: home });
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  });

  it('delays grow with each failure from one address (30 s, 1 min, 2 min …)', async () => {
    const person = await seedActiveAccount(t.database.db);
    const guesser = '198.51.100.99';
    const { signIn } = direct();
    const key = `login:email+ip:${person.email.toLowerCase()}|${guesser}`;
    const timePasses = () =>
      t.database.db.execute(sql`update auth_throttle set next_allowed_at = now() - interval '1 second' where key = ${key}`);
    for (let i = 0; i < 5; i++)
      expect((await signIn(person.email, `guess-${i}`, { remoteAddress: guesser })).statusCode).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await signIn(person.email, 'still-guessing', { remoteAddress: guesser });
      expect(refused.statusCode).toBe(429);
      waits.push(Number(refused.headers['retry-after']));
      await timePasses();
      expect((await signIn(person.email, `guess-after-wait-${round}`, { remoteAddress: guesser })).statusCode).toBe(401);
    }
    expect(waits[0]).toBeGreaterThan(25);
    expect(waits[0]).toBeLessThanOrEqual(30);
    expect(waits[1]).toBeGreaterThan(waits[0]!);
    expect(waits[2]).toBeGreaterThan(waits[1]!);
    // The right password after the wait works, and clears the delay for that address.
    await timePasses();
    expect((await signIn(person.email, person.password, { remoteAddress: guesser })).statusCode).toBe(200);
    expect((await signIn(person.email, 'one-typo-later', { remoteAddress: guesser })).statusCode).toBe(401);
  });
});
