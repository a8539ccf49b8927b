import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, agreements, outbox, outboxAttachments, payloadMilestones } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { sendAgreementReminders } from '../../src/services/agreements/send-agreement-reminders.js';
import { type SeededAccount, seedActiveAccount, seedAdministrator } from '../support/accounts.js';
import { seedSelectedSampleProposal } from '../support/agreement-factories.js';
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

const call = (who: SeededAccount, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { ...who.headers, 'accept-language': 'en' }, payload });

async function mailsTo(email: string, template: string) {
  return t.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.template, template), sql`lower(${outbox.toAddress}) = lower(${email})`));
}

// Agreement e-mails follow each signatory's language (the account registered with the address),
// whatever language the officer who sends them uses.
describe(`agreement e-mails in the signatory's language on ${databaseKind} Postgres`, () => {
  it('asks, reminds and announces "in force" in Chinese to a Chinese signatory and in English to an English one', async () => {
    const db = t.database.db;
    const seed = await seedSelectedSampleProposal(db, 1_000);
    const officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: seed.program.id }]);
    const partner = await personWithLocale('zh');
    const agency = await personWithLocale('en');
    const draft = await call(officer, '/api/agreements', {
      decisionId: seed.decision.id,
      signatories: [
        {
          partyRole: 'agency',
          partyName: 'China National Space Administration',
          signerName: 'Agency Signer',
          email: agency.email,
        },
        // The address as typed by the officer, in another case: still the partner's account.
        { partyRole: 'partner', partyName: seed.institution.name, signerName: '王芳', email: partner.email.toUpperCase() },
      ],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    const sent = await call(officer, `/api/agreements/${id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);

    const [askZh] = await mailsTo(partner.email, 'agreement_signature_request');
    expect(askZh!.locale).toBe('zh');
    expect(askZh!.subject).toMatch(/^Orbitshare：协议 .* 待您签署$/);
    const [askEn] = await mailsTo(agency.email, 'agreement_signature_request');
    expect(askEn!.locale).toBe('en');
    expect(CJK.test(askEn!.subject + askEn!.body)).toBe(false);

    // The deadline is near: the hourly duty reminds both, each in their language.
    await db.update(agreements).set({ signatureDeadline: sql`now() + interval '1 day'` }).where(eq(agreements.id, id));
    expect((await sendAgreementReminders(db, SYSTEM, { base: 'https://orbitshare.test' })).signatures).toBe(2);
    expect((await mailsTo(partner.email, 'agreement_signature_reminder'))[0]!.subject).toContain('提醒');
    expect((await mailsTo(agency.email, 'agreement_signature_reminder'))[0]!.subject).toContain('reminder');

    const sha = sent.json().documentSha256 as string;
    expect((await call(agency, `/api/agreements/${id}/sign`, { documentSha256: sha })).json().status).toBe('awaiting_signatures');
    expect((await call(partner, `/api/agreements/${id}/sign`, { documentSha256: sha })).json().status).toBe('in_force');
    const [inForceZh] = await mailsTo(partner.email, 'agreement_in_force');
    expect(inForceZh!.subject).toMatch(/已生效$/);
    expect(inForceZh!.body).toContain('王芳');
    const [inForceEn] = await mailsTo(agency.email, 'agreement_in_force');
    expect(inForceEn!.subject).toMatch(/is in force$/);
    expect(inForceEn!.body).toContain(`/agreements/${id}`);
    // The signed document goes with it: the bytes whose SHA-256 everyone confirmed.
    const [attachment] = await db.select().from(outboxAttachments).where(eq(outboxAttachments.outboxId, inForceZh!.id));
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(attachment!.content).digest('hex')).toBe(sha);

    // An open milestone due soon: the partner's signatory is reminded, in Chinese.
    await db.insert(payloadMilestones).values({
      agreementId: id,
      kind: 'other',
      title: 'Interim report',
      dueOn: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
      owner: 'partner',
      updatedBy: 'test',
    });
    expect((await sendAgreementReminders(db, SYSTEM, { base: 'https://orbitshare.test' })).milestones).toBe(1);
    expect((await mailsTo(partner.email, 'milestone_reminder'))[0]!.subject).toMatch(/有 1 个节点将于 .* 到期$/);
  });
});
