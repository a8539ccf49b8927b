import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../src/db/schema.js';
import { seedActiveAccount, seedAdministrator } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { authClient, tokenIn } from '../support/auth-client.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';

// E-mails follow the recipient's language (accounts.locale), whatever language the sender used.
let t: TestApp;
let client: ReturnType<typeof authClient>;
let institutionId: string;

beforeAll(async () => {
  t = await testApp();
  client = authClient(t.app, t.database.db);
  institutionId = String((await makeInstitution(t.database.db, { name: 'Wuhan University', countryCode: 'CN' })).id);
});
afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

const CJK = /[\u4e00-\u9fff]/;

async function personWithLocale(locale: 'en' | 'zh') {
  const person = await seedActiveAccount(t.database.db);
  await t.database.db.update(accounts).set({ locale }).where(eq(accounts.id, person.id));
  return person;
}

const askReset = (email: string, remoteAddress: string) =>
  client.call({ method: 'POST', url: '/api/auth/password-reset', remoteAddress, payload: { email } });

describe(`e-mails in the recipient's language on ${databaseKind} Postgres`, () => {
  it('sends a Chinese reset e-mail to an account whose language is Chinese, and an English one otherwise', async () => {
    const zh = await personWithLocale('zh');
    const en = await personWithLocale('en');
    expect((await askReset(zh.email, '198.51.100.150')).statusCode).toBe(202);
    expect((await askReset(en.email, '198.51.100.151')).statusCode).toBe(202);

    const chinese = await client.lastMailTo(zh.email);
    expect(chinese.template).toBe('reset_password');
    expect(chinese.subject).toBe('重置您的 Orbitshare 密码');
    expect(chinese.body).toContain('该链接只能使用一次');
    expect(tokenIn(chinese.body)).not.toBe('');

    const english = await client.lastMailTo(en.email);
    expect(english.subject).toBe('Reset your Orbitshare password');
    expect(CJK.test(english.body)).toBe(false);

    // The link in the Chinese e-mail works like the English one; the confirmation follows the language too.
    const done = await client.call({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: tokenIn(chinese.body), password: 'chang-e-five-basalt' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const changed = await client.lastMailTo(zh.email);
    expect(changed.template).toBe('password_changed');
    expect(changed.subject).toBe('您的 Orbitshare 密码已更改');
  });

  it('confirms a Chinese sign-up in Chinese', async () => {
    const email = 'zh-sign-up@example.org';
    const res = await client.call({
      method: 'POST',
      url: '/api/auth/sign-up',
      remoteAddress: '198.51.100.152',
      payload: { email, displayName: '李华', password: 'regolith-sample-2025', institutionId, locale: 'zh' },
    });
    expect(res.statusCode, res.body).toBe(202);
    const mail = await client.lastMailTo(email);
    expect(mail.template).toBe('verify_email');
    expect(mail.subject).toBe('请确认您的 Orbitshare 电子邮箱');
  });

  it("invites in the invitee's language, not the administrator's", async () => {
    const admin = await seedAdministrator(t.database.db);
    const invite = (email: string, locale: 'en' | 'zh') =>
      client.call({
        method: 'POST',
        url: '/api/admin/invitations',
        headers: admin.headers,
        payload: { email, displayName: '王芳', locale, grants: [] },
      });
    expect((await invite('zh-invitee@example.org', 'zh')).statusCode).toBe(201);
    expect((await invite('en-invitee@example.org', 'en')).statusCode).toBe(201);
    expect((await client.lastMailTo('zh-invitee@example.org')).subject).toBe('邀请您加入 Orbitshare');
    expect((await client.lastMailTo('en-invitee@example.org')).subject).toBe('You are invited to Orbitshare');
  });

  it('lets a person choose the language of their e-mails on their account, audited, and follows it', async () => {
    const person = await personWithLocale('en');
    const choose = (locale: string, headers: Record<string, string> = person.headers) =>
      client.call({ method: 'PUT', url: '/api/account/locale', headers, payload: { locale } });
    expect((await choose('zh', {})).statusCode).toBe(401);
    expect((await choose('fr')).statusCode).toBe(400);
    const chosen = await choose('zh');
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toEqual({ locale: 'zh' });
    const me = await client.call({ url: '/api/auth/me', headers: person.headers });
    expect(me.json().account.locale).toBe('zh');
    const [audit] = await client.auditRows('account.locale_changed', person.id);
    expect(audit!.details).toEqual({ from: 'en', to: 'zh' });

    expect((await askReset(person.email, '198.51.100.153')).statusCode).toBe(202);
    expect((await client.lastMailTo(person.email)).subject).toBe('重置您的 Orbitshare 密码');
  });
});
