import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/accounts/roles.js';
import type { Action } from '../../src/policies/policy.js';
import { createApiToken } from '../../src/services/accounts/api-tokens.js';
import { SYSTEM } from '../../src/services/actor.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME, RESOURCES } from '../../src/services/registry/resources.js';
import { seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { ensureCountry, makeInstitution, makeMission, makeProgram } from '../support/factories.js';

type Values = Record<string, unknown>;

/**
 * Who may do what, restated here independently of src/policies: if the policy table or a route's
 * declared action drifts from this, the test fails. Every route of the app must appear in ROUTES.
 */
type Who = 'everyone' | 'signed_in' | Role[];
const WHO: Record<Action, Who> = {
  'registry.read': 'everyone',
  'registry.write': ['program_officer', 'registry_editor', 'administrator'],
  'portal.read': 'everyone',
  'system.health': 'everyone',
  'system.docs': 'everyone',
  'auth.session': 'everyone',
  'account.read': 'signed_in',
  'account.write': 'signed_in',
  'accounts.admin': ['administrator'],
  'accounts.read': ['administrator'],
  'outbox.read': ['administrator'],
  'audit.read': ['administrator'],
  'jobs.read': ['administrator'],
  'jobs.manage': ['administrator'],
  'calls.read': 'everyone',
  'calls.manage': ['program_officer', 'administrator'],
  'calls.applications.read': ['program_officer', 'selection_official', 'administrator'],
  'applications.read': 'signed_in',
  'applications.write': ['applicant', 'administrator'],
  'review.manage': ['program_officer', 'administrator'],
  'review.read': ['program_officer', 'selection_official', 'administrator'],
  'review.participate': 'signed_in',
  'review.workspace': 'signed_in',
  'selection.read': ['program_officer', 'selection_official', 'administrator'],
  'selection.decide': ['selection_official', 'administrator'],
  'custody.read': ['curator', 'administrator'],
  'custody.write': ['curator', 'administrator'],
  'agreements.read': ['program_officer', 'selection_official', 'curator', 'administrator'],
  'agreements.manage': ['program_officer', 'administrator'],
  'agreements.sign': 'signed_in',
  'agreements.mine': 'signed_in',
  'loans.read': ['curator', 'program_officer', 'administrator'],
  'loans.open': ['curator', 'administrator'],
  'custody.ship': 'signed_in',
  'custody.borrow': 'signed_in',
  'custody.borrower.read': 'signed_in',
  'custody.verify': 'everyone',
};

const WRITE_ACTIONS = new Set<Action>([
  'registry.write',
  'auth.session',
  'account.write',
  'accounts.admin',
  'calls.manage',
  'applications.write',
  'review.manage',
  'review.participate',
  'jobs.manage',
  'selection.decide',
  'custody.write',
  'agreements.manage',
  'agreements.sign',
  'loans.open',
  'custody.ship',
  'custody.borrow',
]);

type Caller = { name: string; roles: Role[]; headers: Record<string, string>; readOnly?: boolean };

let t: TestApp;
const callers: Caller[] = [];

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  const institution = await makeInstitution(db);
  const program = await makeProgram(db);
  const scopes: Record<Role, string | null> = {
    applicant: String(institution.id),
    reviewer: 'call-1',
    program_officer: String(program.id),
    curator: null,
    selection_official: String(program.id),
    administrator: null,
    registry_editor: null,
  };
  callers.push({ name: 'anonymous', roles: [], headers: {} });
  callers.push({ name: 'signed in, no role', roles: [], headers: (await seedActiveAccount(db)).headers });
  for (const role of [
    'applicant',
    'reviewer',
    'program_officer',
    'selection_official',
    'administrator',
    'registry_editor',
  ] as Role[]) {
    const seeded = await seedActiveAccount(db, [{ role, scopeId: scopes[role] }]);
    callers.push({ name: role, roles: [role], headers: seeded.headers });
  }
  // An administrator's read-only token may read everything an administrator may, and write nothing.
  const admin = await seedActiveAccount(db, [{ role: 'administrator' }]);
  const { accountActor } = await import('../../src/services/accounts/load-account.js');
  const { accounts } = await import('../../src/db/schema.js');
  const { eq } = await import('drizzle-orm');
  const [row] = await db.select().from(accounts).where(eq(accounts.id, admin.id));
  const readOnly = await createApiToken(db, accountActor(row!, [], { via: 'session' }), { name: 'read only', scopes: ['read'] });
  callers.push({
    name: 'administrator, read-only token',
    roles: ['administrator'],
    headers: { authorization: `Bearer ${readOnly.token}` },
    readOnly: true,
  });
});

afterAll(() => t.close());

function expected(action: Action, caller: Caller): 'allow' | 401 | 403 {
  const who = WHO[action];
  if (who === 'everyone') return 'allow';
  if (caller.name === 'anonymous') return 401;
  if (caller.readOnly && WRITE_ACTIONS.has(action)) return 403;
  if (who === 'signed_in') return 'allow';
  return caller.roles.some((r) => who.includes(r)) ? 'allow' : 403;
}

const fill = (url: string) =>
  url
    .replace(/:id\b/g, '00000000-0000-4000-8000-000000000000')
    .replace(/:slug\b/g, 'no-such')
    .replace(/:code\b/g, 'QQ')
    .replace(/:\w+/g, 'x');

describe(`authorization matrix on ${databaseKind} Postgres`, () => {
  it('declares a policy action for every API route', () => {
    const missing = t.app.routeTable.filter((r) => !r.action).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    expect(t.app.routeTable.length).toBeGreaterThan(40);
  });

  it('answers every route × role as the policy says', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable) {
      const action = route.action as Action;
      expect(WHO[action], `${route.method} ${route.url} uses unknown action ${action}`).toBeDefined();
      for (const caller of callers) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: caller.headers,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const want = expected(action, caller);
        const ok = want === 'allow' ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === want;
        if (!ok)
          failures.push(
            `${route.method} ${route.url} as ${caller.name}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});

/**
 * Object-level scope of registry writes, restated here independently of src/policies: shared
 * reference data is written by administrators and registry editors only; a program, its
 * partnerships and its projects by that program's officers only (registry editors create programs
 * but do not edit program records). A refusal is 403 FORBIDDEN saying why: the record is public.
 */
const REFERENCE_DATA = ['countries', 'organisations', 'institutions', 'people', 'missions', 'host-modules', 'sample-collections'];
const PROGRAM_RECORDS = ['programs', 'partnerships', 'projects'];

describe(`object-level scope of registry writes on ${databaseKind} Postgres`, () => {
  type Headers = Record<string, string>;
  let officerA: Headers;
  let editor: Headers;
  let admin: Headers;
  let programA: Values;
  let programB: Values;
  let missionId: string;
  let institutionId: string;
  /** One existing record per reference resource, and per program resource one in A and one in B. */
  const reference: Record<string, string> = {};
  const inProgram: Record<string, { a: string; b: string }> = {};
  let n = 0;
  const countryCodes = ['IS', 'IE', 'LU', 'MT', 'NO', 'PT', 'SE', 'FI'];
  let countriesMade = 0;

  const createBody: Record<string, (programId?: string) => object> = {
    countries: () => ({ code: countryCodes[countriesMade++], name: `Country ${++n}` }),
    organisations: () => ({ slug: `scope-org-${++n}`, acronym: `SO${n}`, name: `Scope org ${n}`, kind: 'intergovernmental' }),
    institutions: () => ({ slug: `scope-inst-${++n}`, name: `Scope institute ${n}`, kind: 'university', countryCode: 'FR' }),
    people: () => ({ name: `Person ${++n}`, email: `scope-person-${n}@example.org` }),
    missions: () => ({ slug: `scope-mission-${++n}`, name: `Mission ${n}`, targetBody: 'moon', status: 'planned' }),
    'host-modules': () => ({ missionId, kind: 'lander', name: `Lander ${++n}` }),
    'sample-collections': () => ({ slug: `scope-samples-${++n}`, missionId, name: `Samples ${n}`, returnedMassMg: 1000 }),
    programs: () => ({ slug: `scope-program-${++n}`, name: `Program ${n}`, kind: 'payload' }),
    partnerships: (programId) => ({ programId, countryCode: 'FR', kind: 'member' }),
    projects: (programId) => ({
      programId,
      title: `Project ${++n}`,
      level: 'instrument',
      status: 'selected',
      participants: [{ institutionId, role: 'lead' }],
    }),
  };
  // Programs keep their names: the refusals below name the program.
  const changeBody = (name: string): object =>
    name === 'partnerships' || name === 'programs'
      ? { [name === 'programs' ? 'summary' : 'note']: `changed ${++n}` }
      : name === 'projects'
        ? { title: `Changed ${++n}` }
        : { name: `Changed ${++n}` };

  const send = (headers: Headers, method: 'POST' | 'PATCH', url: string, payload: object = {}) =>
    t.app.inject({ method, url, headers, payload });
  const create = (who: Headers, name: string, programId?: string) =>
    send(who, 'POST', `/api/${name}`, createBody[name]!(programId));
  const change = (who: Headers, name: string, id: string) => send(who, 'PATCH', `/api/${name}/${id}`, changeBody(name));
  const archive = (who: Headers, name: string, id: string) => send(who, 'POST', `/api/${name}/${id}/archive`);
  const restore = (who: Headers, name: string, id: string) => send(who, 'POST', `/api/${name}/${id}/restore`);

  type Res = Awaited<ReturnType<typeof send>>;
  const refused = (res: Res, why: RegExp) => {
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(res.json().detail ?? res.json().title).toMatch(why);
  };
  const allowed = (res: Res, status = 200) => expect(res.statusCode, res.body).toBe(status);

  beforeAll(async () => {
    const db = t.database.db;
    programA = await makeProgram(db, { name: 'Program Alpha' });
    programB = await makeProgram(db, { name: 'Program Bravo' });
    officerA = (await seedActiveAccount(db, [{ role: 'program_officer', scopeId: String(programA.id) }])).headers;
    editor = (await seedActiveAccount(db, [{ role: 'registry_editor' }])).headers;
    admin = (await seedActiveAccount(db, [{ role: 'administrator' }])).headers;
    const system = (name: string, body: object) => createRecord(db, SYSTEM, RESOURCE_BY_NAME.get(name)!, body as Values);
    await ensureCountry(db, 'FR');
    missionId = String((await makeMission(db)).id);
    institutionId = String((await makeInstitution(db)).id);
    for (const name of REFERENCE_DATA) {
      const id = name === 'countries' ? 'FR' : String((await system(name, createBody[name]!()))?.id);
      reference[name] = id;
    }
    inProgram.programs = { a: String(programA.id), b: String(programB.id) };
    for (const name of ['partnerships', 'projects']) {
      const a = await system(name, createBody[name]!(String(programA.id)));
      const b = await system(name, createBody[name]!(String(programB.id)));
      inProgram[name] = { a: String(a?.id), b: String(b?.id) };
    }
  });

  it('decides every registry resource one way or the other', () => {
    expect(RESOURCES.map((r) => r.name).sort()).toEqual([...REFERENCE_DATA, ...PROGRAM_RECORDS].sort());
  });

  it.each(REFERENCE_DATA)('%s: registry editors create, change and archive them; program officers may not', async (name) => {
    const id = reference[name]!;
    const noun = RESOURCE_BY_NAME.get(name)!.noun;
    const article = /^[aeiou]/.test(noun) ? 'An' : 'A';
    const why = new RegExp(`^${article} ${noun} is shared reference data, kept by administrators and registry editors`);
    const before = (await t.app.inject({ url: `/api/${name}/${id}` })).json();
    refused(await create(officerA, name), why);
    refused(await change(officerA, name, id), why);
    refused(await archive(officerA, name, id), why);
    expect((await t.app.inject({ url: `/api/${name}/${id}` })).json()).toEqual(before);

    allowed(await create(editor, name), 201);
    allowed(await change(editor, name, id));
    allowed(await archive(editor, name, id));
    allowed(await restore(editor, name, id));
    allowed(await change(admin, name, id));
  });

  it.each(['partnerships', 'projects'])(
    "%s: the officers of its program write them; another program's officers and registry editors may not",
    async (name) => {
      const { a, b } = inProgram[name]!;
      allowed(await create(officerA, name, String(programA.id)), 201);
      allowed(await change(officerA, name, a));
      allowed(await archive(officerA, name, a));
      allowed(await restore(officerA, name, a));

      const before = (await t.app.inject({ url: `/api/${name}/${b}` })).json();
      const notTheirs = /Only the program officers of the program "Program Bravo"/;
      refused(await create(officerA, name, String(programB.id)), notTheirs);
      refused(await change(officerA, name, b), notTheirs);
      refused(await archive(officerA, name, b), notTheirs);
      expect((await t.app.inject({ url: `/api/${name}/${b}` })).json()).toEqual(before);

      const editorsToo = /Only the program officers of the program "Program Alpha"/;
      refused(await create(editor, name, String(programA.id)), editorsToo);
      refused(await change(editor, name, a), editorsToo);
      refused(await archive(editor, name, a), editorsToo);

      allowed(await change(admin, name, b));
    },
  );

  it('programs: administrators and registry editors create them; only its own officers change or archive one', async () => {
    const { a, b } = inProgram.programs!;
    refused(await create(officerA, 'programs'), /A new program is created by administrators and registry editors/);
    allowed(await create(editor, 'programs'), 201);
    allowed(await create(admin, 'programs'), 201);

    allowed(await change(officerA, 'programs', a));
    allowed(await archive(officerA, 'programs', a));
    allowed(await restore(officerA, 'programs', a));
    refused(await change(officerA, 'programs', b), /Only the program officers of the program "Program Bravo"/);
    refused(await archive(officerA, 'programs', b), /Program Bravo/);
    refused(await change(editor, 'programs', a), /Only the program officers of the program "Program Alpha"/);
    refused(await archive(editor, 'programs', a), /Program Alpha/);
  });

  it("a program officer cannot move its program's project into another program", async () => {
    const { a } = inProgram.projects!;
    const res = await send(officerA, 'PATCH', `/api/projects/${a}`, { programId: String(programB.id) });
    refused(res, /Program Bravo/);
    expect((await t.app.inject({ url: `/api/projects/${a}` })).json().programId).toBe(String(programA.id));
  });

  it('a selection official of the program may not write its records at all', async () => {
    const official = (await seedActiveAccount(t.database.db, [{ role: 'selection_official', scopeId: String(programA.id) }]))
      .headers;
    refused(await change(official, 'projects', inProgram.projects!.a), /roles do not allow/);
  });
});
