import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { accounts, apiTokens, auditLog, authThrottle, oneTimeTokens, outbox, sessions } from '../../src/db/schema.js';
import { DEMO_PASSWORD } from '../../src/domain/accounts/password-policy.js';
import { seedActiveAccount, seedAdministrator } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { authClient, tokenIn } from '../support/auth-client.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';
import { rowCounts } from '../support/row-counts.js';

// Sign-up and reset throttles, mail to unverified addresses, resets that revoke API tokens, and the
// password rules at the API (issue 7, items 4–5).
let t: TestApp;
let institutionId: string;
let client: ReturnType<typeof authClient>;

beforeAll(async () => {
  t = await testApp();
  client = authClient(t.app, t.database.db);
  institutionId = String((await makeInstitution(t.database.db, { name: 'Osaka University', countryCode: 'JP' })).id);
});
afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

const STRONG = 'regolith-sample-2025';

const signUp = (email: string, remoteAddress: string, extra: { displayName?: string; password?: string } = {}) =>
  client.call({
    method: 'POST',
    url: '/api/auth/sign-up',
    remoteAddress,
    payload: { email, displayName: extra.displayName ?? 'Ada Applicant', password: extra.password ?? STRONG, institutionId },
  });

const askReset = (email: string, remoteAddress: string) =>
  client.call({ method: 'POST', url: '/api/auth/password-reset', remoteAddress, payload: { email } });

const confirmReset = (token: string, password: string) =>
  client.call({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });

describe(`sign-up and reset throttles on ${databaseKind} Postgres`, () => {
  it('limits sign-ups per target e-mail, and sends "someone tried" at most once a day', async () => {
    const target = 'target-of-sign-ups@example.org';
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await signUp(target, `198.51.100.${20 + i}`)).statusCode);
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
    // The first made the account; the next four each tried again: one notice, not four.
    expect((await client.mailsTo(target)).map((m) => m.template)).toEqual(['verify_email', 'signup_exists']);
  });

  it('sends one "someone tried" notice per address per day to an existing owner', async () => {
    const owner = await seedActiveAccount(t.database.db);
    for (let i = 0; i < 3; i++) expect((await signUp(owner.email, `198.51.100.${40 + i}`)).statusCode).toBe(202);
    expect((await client.mailsTo(owner.email)).filter((m) => m.template === 'signup_exists')).toHaveLength(1);
  });

  it('limits sign-ups per address, counting each before it is checked', async () => {
    const answers = [];
    for (let i = 0; i < 21; i++) {
      answers.push((await signUp(`sprayed-${i}@example.org`, '198.51.100.60', { password: 'short' })).json().code);
    }
    expect(answers.slice(0, 20)).toEqual(Array(20).fill('WEAK_PASSWORD'));
    expect(answers[20]).toBe('RATE_LIMITED');
  });

  it('limits reset requests per address', async () => {
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await askReset(`reset-spray-${i}@example.org`, '198.51.100.61')).statusCode);
    expect(answers).toEqual([...Array(10).fill(202), 429]);
  });

  it('puts no sender-chosen text in mail to an unverified address', async () => {
    const email = 'unverified-target@example.org';
    const displayName = 'Claim your prize at https://evil.example now';
    expect((await signUp(email, '198.51.100.70', { displayName })).statusCode).toBe(202);
    // Sign-up verification, a "someone tried" notice and a reset link: none carries the typed name.
    expect((await signUp(email, '198.51.100.71', { displayName: 'Second try https://evil.example' })).statusCode).toBe(202);
    expect((await askReset(email, '198.51.100.72')).statusCode).toBe(202);
    const mails = await client.mailsTo(email);
    expect(mails.map((m) => m.template)).toEqual(['verify_email', 'signup_exists', 'reset_password']);
    for (const mail of mails) {
      expect(mail.body).not.toContain('evil.example');
      expect(mail.body).not.toContain('prize');
      expect(mail.body.startsWith('Hello,')).toBe(true);
    }
    // A verified owner is greeted by the name they confirmed.
    const owner = await seedActiveAccount(t.database.db);
    await askReset(owner.email, '198.51.100.73');
    expect((await client.lastMailTo(owner.email)).body).toMatch(/^Dear Person \d+,/);
  });

  it('does the same work for a reset of a known and of an unknown e-mail', async () => {
    const known = await seedActiveAccount(t.database.db);
    const tables = { accounts, sessions, apiTokens, oneTimeTokens, outbox, auditLog, authThrottle };
    const delta = async (ask: () => Promise<unknown>) => {
      const before = await rowCounts(t.database.db, tables);
      await ask();
      const after = await rowCounts(t.database.db, tables);
      return Object.fromEntries(Object.keys(tables).map((k) => [k, after[k]! - before[k]!]));
    };
    const forKnown = await delta(() => askReset(known.email, '198.51.100.80'));
    const forUnknown = await delta(() => askReset('nobody-here@example.org', '198.51.100.81'));
    expect(forUnknown).toEqual(forKnown);
    expect(forKnown).toMatchObject({ oneTimeTokens: 1, outbox: 1, auditLog: 1, authThrottle: 2 });
    // The same audit row shape, and the unknown address learns only that no account uses it.
    const rows = await queryRows<{ subject_id: string; details: Record<string, unknown> }>(
      t.database.db,
      sql`select subject_id, details from audit_log where action = 'auth.reset_requested'
          and subject_id in (${known.id}, 'email:nobody-here@example.org') order by id`,
    );
    expect(rows.map((r) => Object.keys(r.details))).toEqual([['known'], ['known']]);
    const notice = await client.lastMailTo('nobody-here@example.org');
    expect(notice.template).toBe('reset_no_account');
    expect(notice.body).not.toContain('token=');
  });
});

describe(`password resets and rules on ${databaseKind} Postgres`, () => {
  it("revokes the account's API tokens on a reset, audits it and says so in the e-mail", async () => {
    const person = await seedActiveAccount(t.database.db);
    const [token] = (await client.call({ url: '/api/account/tokens', headers: person.headers })).json();
    expect((await askReset(person.email, '198.51.100.90')).statusCode).toBe(202);
    const done = await confirmReset(tokenIn((await client.lastMailTo(person.email)).body), 'brand-new-passphrase');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().message).toContain('API token');
    const after = await client.call({ url: '/api/account/sessions', headers: person.headers });
    expect(after.statusCode).toBe(401);
    const [audit] = await client.auditRows('auth.password_reset', person.id);
    expect(audit!.details).toEqual({ revokedTokenIds: [token.id] });
    const mail = await client.lastMailTo(person.email);
    expect(mail.template).toBe('password_changed');
    expect(mail.body).toContain('your API tokens were revoked (1 revoked)');
  });

  it('refuses weak passwords at sign-up with WEAK_PASSWORD on the field and a sentence a person understands', async () => {
    const cases: [string, RegExp][] = [
      [' '.repeat(14), /only spaces/],
      ['x'.repeat(14), /one character repeated/],
      [DEMO_PASSWORD, /demo accounts/],
      ['password1234', /too easy to guess\. This is similar to a commonly used password/],
      ['🚀🌕🛰🪐🌍', /at least 10 characters/], // ten UTF-16 units, five characters
    ];
    for (const [i, [password, message]] of cases.entries()) {
      const res = await signUp(`weak-${i}@example.org`, `198.51.100.${100 + i}`, { password });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
      expect(res.json().errors[0].message).toMatch(message);
    }
  });

  it('refuses the demo password and guessable ones when a reset or an invitation sets a password', async () => {
    const person = await seedActiveAccount(t.database.db);
    await askReset(person.email, '198.51.100.110');
    const token = tokenIn((await client.lastMailTo(person.email)).body);
    expect((await confirmReset(token, DEMO_PASSWORD)).json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    // The refusal spent nothing: the same link still works with a good password.
    expect((await confirmReset(token, 'a-far-better-passphrase')).statusCode).toBe(200);

    const admin = await seedAdministrator(t.database.db);
    await client.call({
      method: 'POST',
      url: '/api/admin/invitations',
      headers: admin.headers,
      payload: { email: 'marie.sklodowska@sorbonne.example', displayName: 'Marie Sklodowska', locale: 'en', grants: [] },
    });
    const invitation = tokenIn((await client.lastMailTo('marie.sklodowska@sorbonne.example')).body);
    const accept = (password: string) =>
      client.call({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token: invitation, password } });
    const guessable = await accept('sklodowska1867');
    expect(guessable.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    expect(guessable.json().errors[0].message).toContain('personal');
    expect((await accept('polonium-and-radium-1898')).statusCode).toBe(200);
  });
});
