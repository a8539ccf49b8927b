import { connect } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { accounts } from '../../src/db/schema.js';
import { problemHandler } from '../../src/server/problem.js';
import { DEFAULT_TIMEOUTS, MAX_URL_LENGTH } from '../../src/server/request-limits.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeProgram } from '../support/factories.js';

// Requests a client gets wrong in every way short of the body's fields: each is a problem+json 4xx,
// never a 500, and none is read further than it needs to be.

let t: TestApp;
let port: number;
let officer: SeededAccount;
let programId: string;

beforeAll(async () => {
  t = await testApp();
  programId = String((await makeProgram(t.database.db)).id);
  officer = await seedActiveAccount(t.database.db, [{ role: 'program_officer', scopeId: programId }]);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(() => t.close());

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code?: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json() as { status: number; code: string };
  expect(body.status).toBe(status);
  if (code) expect(body.code).toBe(code);
}

interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/**
 * Writes bytes on a real socket and returns the first complete answer, without ever sending more:
 * a server that waited for the rest of a declared body would never answer (the test times out).
 */
function rawExchange(request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const finish = () => {
      const text = received.toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return false;
      const headers = text.slice(0, split);
      const length = Number(/content-length:\s*(\d+)/i.exec(headers)?.[1] ?? -1);
      const body = text.slice(split + 4);
      if (length < 0 || Buffer.byteLength(body) < length) return false;
      socket.destroy();
      resolve({ status: Number(headers.split(' ')[1]), headers, body });
      return true;
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      finish();
    });
    socket.on('error', reject);
    socket.on('close', () => {
      if (!finish()) reject(new Error(`connection closed without a complete answer: ${received.toString().slice(0, 200)}`));
    });
    socket.write(request);
  });
}

describe(`Origin of anonymous writes on ${databaseKind} Postgres`, () => {
  const signIn = (origin: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin, host: 'orbitshare.example' },
      payload: { email: 'nobody@example.org', password: 'not the password' },
    });

  it.each(['null', 'not a url', 'http://[::1', 'https://', 'http://orbitshare.example, http://evil.example', ''])(
    'refuses Origin %j with 403 CSRF_FAILED',
    async (origin) => expectProblem(await signIn(origin), 403, 'CSRF_FAILED'),
  );

  it('lets the same origin through to the credentials check', async () => {
    expectProblem(await signIn('https://orbitshare.example'), 401, 'INVALID_CREDENTIALS');
  });
});

describe('timestamps and dates out of range', () => {
  const call = (overrides: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/calls',
      headers: officer.headers,
      payload: {
        slug: `call-${Math.random().toString(36).slice(2, 8)}`,
        programId,
        title: 'Years out of range',
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2026-06-01T00:00:00Z',
        ...overrides,
      },
    });

  it.each([
    ['opensAt', '0000-01-01T00:00:00Z'],
    ['opensAt', '1899-12-31T23:59:59Z'],
    ['closesAt', '2201-01-01T00:00:00Z'],
    ['closesAt', '9999-12-31T23:59:59+14:00'],
    ['closesAt', '+275760-09-13T00:00:00Z'],
    ['closesAt', '2026-06-01T00:00:00+99:99'],
    ['closesAt', '2026-06-01'],
  ])('a call with %s %s gets 400 naming the field', async (field, value) => {
    const res = await call({ [field]: value });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect((res.json() as { field: string }).field).toBe(field);
  });

  it('accepts years inside the range, with an offset', async () => {
    expect((await call({ opensAt: '1990-01-01T00:00:00+08:00', closesAt: '2199-12-31T23:59:59.999Z' })).statusCode).toBe(201);
  });

  it('refuses a mission launch date before 1900', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/missions',
      headers: (await seedActiveAccount(t.database.db, [{ role: 'administrator' }])).headers,
      payload: { slug: 'too-early', name: 'Too early', launchDate: '1066-10-14' },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect((res.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('launchDate');
  });

  it('answers any PostgreSQL data exception (SQLSTATE class 22) with 400, not 500', async () => {
    // A route that lets the database judge the value, as a schema that missed a case would.
    const app = Fastify({ logger: false });
    app.setErrorHandler(problemHandler);
    app.get<{ Querystring: { q: string } }>('/probe', async (request) => {
      await t.database.db.execute(sql.raw(request.query.q));
      return { ok: true };
    });
    try {
      for (const [q, sqlstate] of [
        [`select '2026-06-01 00:00:00+99:99'::timestamptz`, '22009'],
        [`select make_date(2026, 13, 1)`, '22008'],
        [`select 1 / 0`, '22012'],
        [`select 99999999999::int`, '22003'],
        [`select 'abc'::int`, '22P02'],
      ]) {
        const res = await app.inject({ method: 'GET', url: `/probe?q=${encodeURIComponent(String(q))}` });
        expect(res.statusCode, `${q} (${sqlstate})`).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
      }
    } finally {
      await app.close();
    }
  });
});

describe('router errors go through the problem handler', () => {
  it('a bad %-escape in the path is 400', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/institutions/%E0%A4%A' }), 400, 'VALIDATION_FAILED');
  });

  it('an over-long id is 414', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/institutions/${'a'.repeat(300)}` }), 414);
  });

  it('an over-long URL is 414', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/institutions?q=${'a'.repeat(MAX_URL_LENGTH)}` }), 414);
  });

  it('headers past 16 KiB are 431 on the wire, as problem+json', async () => {
    const res = await rawExchange(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(res.body)).toMatchObject({ status: 431 });
  });

  it('a request that is not HTTP is 400 on the wire, as problem+json', async () => {
    const res = await rawExchange('HELLO THERE\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });
});

describe('bodies are parsed only where a route takes them', () => {
  const fiveMegabytes = Buffer.alloc(5 * 1024 * 1024, 0x25);

  it('a 5 MB PDF sent to sign-in is refused with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/pdf' },
      payload: fiveMegabytes,
    });
    expectProblem(res, 415);
  });

  it('… and refused before the body is read: the answer comes with 64 KiB of 5 MB sent', async () => {
    const head = `POST /api/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/pdf\r\nContent-Length: ${fiveMegabytes.length}\r\n\r\n`;
    const res = await rawExchange(Buffer.concat([Buffer.from(head), fiveMegabytes.subarray(0, 65_536)]));
    expect(res.status).toBe(415);
    expect(res.headers).toMatch(/content-type: application\/problem\+json/i);
  });

  it('a 5 MB JSON body to sign-in is 413 from its declared length, before it is read', async () => {
    const head = `POST /api/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${fiveMegabytes.length}\r\n\r\n{"email":"`;
    const res = await rawExchange(head);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('timeouts', () => {
  it('the server closes slow requests, idle sockets and idle keep-alive connections', () => {
    expect(t.app.server.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestMs);
    expect(t.app.server.timeout).toBe(DEFAULT_TIMEOUTS.connectionMs);
    expect(t.app.server.keepAliveTimeout).toBe(DEFAULT_TIMEOUTS.keepAliveMs);
    expect(DEFAULT_TIMEOUTS.requestMs).toBeGreaterThan(0);
  });

  it('are configurable, with the same defaults', () => {
    const defaults = loadConfig({});
    expect([defaults.CONNECTION_TIMEOUT_MS, defaults.REQUEST_TIMEOUT_MS, defaults.KEEP_ALIVE_TIMEOUT_MS]).toEqual([
      DEFAULT_TIMEOUTS.connectionMs,
      DEFAULT_TIMEOUTS.requestMs,
      DEFAULT_TIMEOUTS.keepAliveMs,
    ]);
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '5000' }).REQUEST_TIMEOUT_MS).toBe(5000);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '-1' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});

describe('caching of authenticated answers', () => {
  it('answers to a bearer token carry Cache-Control: no-store', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/account/sessions', headers: officer.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('the sign-in answer and answers to the session cookie carry no-store', async () => {
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: officer.email, password: officer.password },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.headers['cache-control']).toBe('no-store');
    const cookie = signIn.cookies.find((c) => c.name === 'osid');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { osid: String(cookie?.value) } });
    expect(me.json()).toMatchObject({ account: { email: officer.email } });
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('public answers may be cached, but only after revalidating with their ETag', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/institutions' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.headers.etag).toBeTruthy();
    // The UI's files are not answers about anyone: a signed-in browser keeps caching them.
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index.js', cookies: { osid: 'any' } });
    expect(asset.headers['cache-control']).toBeUndefined();
  });
});

// Clients key on `code` and `field`; the sentences follow the requester: the signed-in person's
// language, else the browser's Accept-Language, else English.
describe(`error messages in the requester's language on ${databaseKind} Postgres`, () => {
  const CJK = /[\u4e00-\u9fff]/;
  type Problem = { code: string; field?: string; detail: string; errors?: { field: string; code: string; message: string }[] };
  const signIn = (language: string | undefined, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress,
      headers: {
        origin: 'https://orbitshare.example',
        host: 'orbitshare.example',
        ...(language ? { 'accept-language': language } : {}),
      },
      payload: { email: 'nobody@example.org', password: 'not the password' },
    });

  it('answers a wrong password in Chinese to a Chinese browser, in English otherwise, with the same code', async () => {
    const zh = await signIn('zh-CN,zh;q=0.9,en;q=0.8', '198.51.100.201');
    expectProblem(zh, 401, 'INVALID_CREDENTIALS');
    expect((zh.json() as Problem).detail).toBe('电子邮箱地址或密码错误。');
    const en = await signIn('fr-FR, en;q=0.5', '198.51.100.202');
    expectProblem(en, 401, 'INVALID_CREDENTIALS');
    expect((en.json() as Problem).detail).toBe('The e-mail address or the password is wrong.');
    expect((await signIn(undefined, '198.51.100.203')).json()).toMatchObject({
      detail: 'The e-mail address or the password is wrong.',
    });
  });

  it('words schema validation in Chinese, keeping every field and code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      remoteAddress: '198.51.100.204',
      headers: { origin: 'https://orbitshare.example', host: 'orbitshare.example', 'accept-language': 'zh' },
      payload: { email: 'not an address', displayName: '', password: 'x', institutionId: 42 },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const zh = res.json() as Problem;
    const english = (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        remoteAddress: '198.51.100.205',
        headers: { origin: 'https://orbitshare.example', host: 'orbitshare.example' },
        payload: { email: 'not an address', displayName: '', password: 'x', institutionId: 42 },
      })
    ).json() as Problem;
    expect(zh.errors!.map((e) => [e.field, e.code])).toEqual(english.errors!.map((e) => [e.field, e.code]));
    expect(zh.field).toBe(english.field);
    expect(zh.detail).toMatch(/^有 \d+ 个字段无效。$/);
    for (const issue of zh.errors!) expect(issue.message, issue.field).toMatch(CJK);
    for (const issue of english.errors!) expect(issue.message, issue.field).not.toMatch(CJK);
    // zod says what it received, in Chinese too.
    expect(zh.errors!.find((e) => e.field === 'institutionId')!.message).toContain('数字');
  });

  it("follows the signed-in person's own language over the browser's, for a service's error and an unknown route", async () => {
    const person = await seedActiveAccount(t.database.db);
    await t.database.db.update(accounts).set({ locale: 'zh' }).where(eq(accounts.id, person.id));
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/applications/00000000-0000-4000-8000-000000000000',
      headers: { ...person.headers, 'accept-language': 'en' },
    });
    expectProblem(missing, 404, 'NOT_FOUND');
    expect((missing.json() as Problem).detail).toBe('没有该记录（或您无权查看）。');
    const route = await t.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { 'accept-language': 'zh' } });
    expectProblem(route, 404, 'NOT_FOUND');
    expect((route.json() as Problem).detail).toBe('没有路由 GET /api/no-such-thing。');
  });
});
