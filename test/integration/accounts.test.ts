import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { seedActiveAccount, seedAdministrator } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';

let t: TestApp;
let institutionId: string;

beforeAll(async () => {
  t = await testApp();
  institutionId = String((await makeInstitution(t.database.db, { name: 'Stony Brook University', countryCode: 'US' })).id);
});
afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

const call = (opts: InjectOptions) => t.app.inject(opts);

function sessionCookie(res: { cookies: { name: string; value: string }[] }): string | undefined {
  return res.cookies.find((c) => c.name === 'osid')?.value;
}

async function signIn(email: string, password: string, cookie?: string, remoteAddress?: string) {
  return call({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    cookies: cookie ? { osid: cookie } : {},
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

async function lastMailTo(to: string): Promise<{ subject: string; body: string }> {
  const rows = await queryRows<{ subject: string; body: string }>(
    t.database.db,
    sql`select subject, body from outbox where lower(to_address) = lower(${to}) order by created_at desc limit 1`,
  );
  expect(rows[0], `no mail to ${to}`).toBeDefined();
  return rows[0]!;
}

const tokenIn = (body: string) => /token=([\w-]+)/.exec(body)?.[1] ?? '';

async function auditActions(subjectId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    t.database.db,
    sql`select action from audit_log where subject_id = ${subjectId} order by id`,
  );
  return rows.map((r) => r.action);
}

describe(`accounts on ${databaseKind} Postgres`, () => {
  it('signs an applicant up, verifies the e-mail, signs in and out with an HttpOnly SameSite cookie', async () => {
    const email = 'applicant@stonybrook.example';
    const signUp = await call({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, displayName: 'Ada Applicant', password: 'regolith-sample-2025', institutionId, locale: 'zh' },
    });
    expect(signUp.statusCode, signUp.body).toBe(202);

    // Not active before the address is verified; the answer is the uniform one.
    expect((await signIn(email, 'regolith-sample-2025')).json().code).toBe('INVALID_CREDENTIALS');

    const mail = await lastMailTo(email);
    expect(mail.subject).toContain('Orbitshare'); // the Chinese template, chosen by the locale
    expect(mail.body).toContain('请点击');
    const verified = await call({ method: 'POST', url: '/api/auth/verify-email', payload: { token: tokenIn(mail.body) } });
    expect(verified.statusCode).toBe(200);
    // A verification link works once.
    expect(
      (await call({ method: 'POST', url: '/api/auth/verify-email', payload: { token: tokenIn(mail.body) } })).json().code,
    ).toBe('INVALID_TOKEN');

    const res = await signIn(email, 'regolith-sample-2025');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'osid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().account.grants).toEqual([
      expect.objectContaining({ role: 'applicant', scopeType: 'institution', scopeId: institutionId }),
    ]);
    const csrf = res.json().csrfToken;

    const me = await call({ url: '/api/auth/me', cookies: { osid: cookie.value } });
    expect(me.json().account.email).toBe(email);
    expect(me.json().csrfToken).toBe(csrf);

    const out = await call({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookies: { osid: cookie.value },
      headers: { 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await call({ url: '/api/auth/me', cookies: { osid: cookie.value } })).json().account).toBeNull();
    expect((await call({ url: '/api/account/sessions', cookies: { osid: cookie.value } })).statusCode).toBe(401);

    const account = (await queryRows<{ id: string }>(t.database.db, sql`select id from accounts where email = ${email}`))[0]!;
    expect(await auditActions(account.id)).toEqual([
      'account.signed_up',
      'auth.login_failed',
      'account.email_verified',
      'auth.login',
      'auth.logout',
    ]);
  });

  it('answers sign-up the same way for a taken address, and mails its owner instead', async () => {
    const owner = await seedActiveAccount(t.database.db);
    const res = await call({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: owner.email.toUpperCase(), displayName: 'Impostor', password: 'another-long-pass', institutionId },
    });
    expect(res.statusCode).toBe(202);
    expect((await lastMailTo(owner.email)).subject).toContain('Sign-up attempt');
  });

  it('refuses a weak password and an unknown institution at sign-up, writing nothing', async () => {
    const before = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from accounts`);
    const weak = await call({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: 'w@x.org', displayName: 'W', password: 'short', institutionId },
    });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    const noInst = await call({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        email: 'w@x.org',
        displayName: 'W',
        password: 'long-enough-pass',
        institutionId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(noInst.json()).toMatchObject({ code: 'REFERENCE_NOT_FOUND', field: 'institutionId' });
    expect(await queryRows(t.database.db, sql`select count(*)::int as n from accounts`)).toEqual(before);
  });

  it('gives one uniform answer for an unknown e-mail and a wrong password', async () => {
    const known = await seedActiveAccount(t.database.db);
    const unknown = await signIn('nobody@example.org', 'whatever-password');
    const wrong = await signIn(known.email, 'whatever-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
  });

  it('slows brute force down: after five failures from one address, the next attempt from there waits', async () => {
    const victim = await seedActiveAccount(t.database.db);
    const guesser = '198.51.100.10';
    for (let i = 0; i < 5; i++)
      expect((await signIn(victim.email, `guess-number-${i}`, undefined, guesser)).statusCode).toBe(401);
    const locked = await signIn(victim.email, victim.password, undefined, guesser);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // An address that does not exist is slowed the same way: the delay tells nothing about accounts.
    for (let i = 0; i < 5; i++) await signIn('ghost@example.org', `guess-${i}`, undefined, guesser);
    expect((await signIn('ghost@example.org', 'guess', undefined, guesser)).statusCode).toBe(429);
    const failures = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'auth.login_failed' and subject_id = ${victim.id}`,
    );
    expect(failures[0]!.n).toBe(5);
  });

  it('slows down one address that tries many e-mails', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++)
      last = (await signIn(`spray${i}@example.org`, 'password-spray', undefined, '203.0.113.77')).statusCode;
    expect(last).toBe(429);
  });

  it('prevents session fixation: a session cookie held before sign-in is ended and replaced', async () => {
    const person = await seedActiveAccount(t.database.db);
    const first = sessionCookie(await signIn(person.email, person.password))!;
    const second = await signIn(person.email, person.password, first);
    const fresh = sessionCookie(second)!;
    expect(fresh).not.toBe(first);
    expect((await call({ url: '/api/auth/me', cookies: { osid: first } })).json().account).toBeNull();
    expect((await call({ url: '/api/auth/me', cookies: { osid: fresh } })).json().account.email).toBe(person.email);
    // A made-up cookie value never becomes a session.
    expect((await call({ url: '/api/auth/me', cookies: { osid: 'attacker-chosen-value' } })).json().account).toBeNull();
  });

  it('requires the CSRF token for cookie-authenticated writes, and refuses cross-site sign-ins', async () => {
    const person = await seedActiveAccount(t.database.db);
    const res = await signIn(person.email, person.password);
    const cookies = { osid: sessionCookie(res)! };
    const payload = { name: 'laptop', scopes: ['read'] };
    const without = await call({ method: 'POST', url: '/api/account/tokens', cookies, payload });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_FAILED');
    const wrong = await call({
      method: 'POST',
      url: '/api/account/tokens',
      cookies,
      payload,
      headers: { 'x-csrf-token': 'guess' },
    });
    expect(wrong.json().code).toBe('CSRF_FAILED');
    const right = await call({
      method: 'POST',
      url: '/api/account/tokens',
      cookies,
      payload,
      headers: { 'x-csrf-token': res.json().csrfToken },
    });
    expect(right.statusCode).toBe(201);
    const crossSite = await call({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: 'https://evil.example', host: 'orbitshare.example' },
      payload: { email: person.email, password: person.password },
    });
    expect(crossSite.json().code).toBe('CSRF_FAILED');
  });

  it('shows a token once, stores only its hash, and refuses it on the very next use after revocation', async () => {
    const person = await seedActiveAccount(t.database.db);
    const created = await call({
      method: 'POST',
      url: '/api/account/tokens',
      headers: person.headers,
      payload: { name: 'ci', scopes: ['read'], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token.startsWith(prefix)).toBe(true);
    const stored = await queryRows<{ token_hash: string }>(
      t.database.db,
      sql`select token_hash from api_tokens where id = ${id}`,
    );
    expect(stored[0]!.token_hash).not.toContain(token);
    const listed = (await call({ url: '/api/account/tokens', headers: person.headers })).json();
    expect(JSON.stringify(listed)).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await call({ url: '/api/account/sessions', headers: bearer })).statusCode).toBe(200);
    // A read-only token may not write.
    expect(
      (await call({ method: 'POST', url: '/api/account/tokens', headers: bearer, payload: { name: 'x', scopes: ['read'] } }))
        .statusCode,
    ).toBe(403);
    expect((await call({ method: 'POST', url: `/api/account/tokens/${id}/revoke`, headers: person.headers })).statusCode).toBe(
      200,
    );
    const after = await call({ url: '/api/account/sessions', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
    expect(await auditActions(person.id)).toEqual(expect.arrayContaining(['token.created', 'token.revoked']));
  });

  it("answers 404 for someone else's session or token, so its existence does not leak", async () => {
    const alice = await seedActiveAccount(t.database.db);
    const bob = await seedActiveAccount(t.database.db);
    const aliceSession = await signIn(alice.email, alice.password);
    const sessions = (await call({ url: '/api/account/sessions', headers: alice.headers })).json();
    const sessionId = sessions[0].id;
    expect(
      (await call({ method: 'POST', url: `/api/account/sessions/${sessionId}/revoke`, headers: bob.headers })).statusCode,
    ).toBe(404);
    const aliceTokens = (await call({ url: '/api/account/tokens', headers: alice.headers })).json();
    expect(
      (await call({ method: 'POST', url: `/api/account/tokens/${aliceTokens[0].id}/revoke`, headers: bob.headers })).statusCode,
    ).toBe(404);
    expect((await call({ url: '/api/auth/me', cookies: { osid: sessionCookie(aliceSession)! } })).json().account.email).toBe(
      alice.email,
    );
  });

  it('resets a password by e-mail link, ending every open session, answering the same for unknown addresses', async () => {
    const person = await seedActiveAccount(t.database.db);
    const oldSession = sessionCookie(await signIn(person.email, person.password))!;
    expect(
      (await call({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'unknown@example.org' } })).statusCode,
    ).toBe(202);
    expect((await call({ method: 'POST', url: '/api/auth/password-reset', payload: { email: person.email } })).statusCode).toBe(
      202,
    );
    const token = tokenIn((await lastMailTo(person.email)).body);
    const done = await call({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'brand-new-passphrase' },
    });
    expect(done.statusCode).toBe(200);
    expect((await call({ url: '/api/auth/me', cookies: { osid: oldSession } })).json().account).toBeNull();
    expect((await signIn(person.email, person.password)).statusCode).toBe(401);
    expect((await signIn(person.email, 'brand-new-passphrase')).statusCode).toBe(200);
    expect(
      (
        await call({
          method: 'POST',
          url: '/api/auth/password-reset/confirm',
          payload: { token, password: 'yet-another-passphrase' },
        })
      ).json().code,
    ).toBe('INVALID_TOKEN');
  });

  it('lets an administrator invite a program officer, who accepts and may then write the registry', async () => {
    const admin = await seedAdministrator(t.database.db);
    const program = await makeProgram(t.database.db);
    const invited = await call({
      method: 'POST',
      url: '/api/admin/invitations',
      headers: admin.headers,
      payload: {
        email: 'officer@cnsa.example',
        displayName: '王芳',
        locale: 'en',
        grants: [{ role: 'program_officer', scopeId: program.id }],
      },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const token = tokenIn((await lastMailTo('officer@cnsa.example')).body);
    expect(
      (await call({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, password: 'lunar-south-pole' } }))
        .statusCode,
    ).toBe(200);
    const session = await signIn('officer@cnsa.example', 'lunar-south-pole');
    const headers = { 'x-csrf-token': session.json().csrfToken };
    const cookies = { osid: sessionCookie(session)! };
    const changed = await call({
      method: 'PATCH',
      url: `/api/programs/${program.id}`,
      headers,
      cookies,
      payload: { summary: 'Payloads for the lunar south pole.' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // Shared reference data is not a program officer's to write.
    expect(
      (await call({ method: 'POST', url: '/api/countries', headers, cookies, payload: { code: 'TH', name: 'Thailand' } }))
        .statusCode,
    ).toBe(403);
    // A grant without its scope is refused; a grant twice is a conflict.
    const accountId = invited.json().id;
    expect(
      (
        await call({
          method: 'POST',
          url: `/api/admin/accounts/${accountId}/grants`,
          headers: admin.headers,
          payload: { role: 'curator' },
        })
      ).json().field,
    ).toBe('scopeId');
    expect(
      (
        await call({
          method: 'POST',
          url: `/api/admin/accounts/${accountId}/grants`,
          headers: admin.headers,
          payload: { role: 'program_officer', scopeId: program.id },
        })
      ).statusCode,
    ).toBe(409);
    const grantId = session.json().account.grants[0].id;
    expect((await call({ method: 'POST', url: `/api/admin/grants/${grantId}/revoke`, headers: admin.headers })).statusCode).toBe(
      204,
    );
    // The revocation takes effect on the very next request of the open session.
    const afterRevocation = await call({
      method: 'PATCH',
      url: `/api/programs/${program.id}`,
      headers,
      cookies,
      payload: { summary: 'Changed after the revocation.' },
    });
    expect(afterRevocation.statusCode).toBe(403);
    expect(afterRevocation.json().detail).toBe('Your roles do not allow this.');
    expect(await auditActions(accountId)).toEqual(
      expect.arrayContaining(['account.invited', 'role.granted', 'account.invitation_accepted', 'auth.login', 'role.revoked']),
    );
  });

  it('limits reset requests per e-mail address', async () => {
    const person = await seedActiveAccount(t.database.db);
    const ask = () =>
      call({
        method: 'POST',
        url: '/api/auth/password-reset',
        remoteAddress: '192.0.2.45',
        payload: { email: person.email },
      });
    for (let i = 0; i < 3; i++) expect((await ask()).statusCode).toBe(202);
    const limited = await ask();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
  });

  it('sends the security headers on every answer', async () => {
    const res = await call({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
