import type { Db } from '../../src/db/connection.js';
import { SYSTEM } from '../../src/services/actor.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';

// Factories write through the real use cases (domain rules, audit rows), take overrides, and build
// the parents a record needs when they are not given.

type Values = Record<string, unknown>;
let counter = 0;
const next = () => ++counter;

async function create(db: Db, resource: string, values: Values): Promise<Values> {
  return (await createRecord(db, SYSTEM, RESOURCE_BY_NAME.get(resource)!, values)) as Values;
}

export async function ensureCountry(db: Db, code = 'FR', name?: string): Promise<Values> {
  const { getRecord } = await import('../../src/services/registry/get-record.js');
  const countries = RESOURCE_BY_NAME.get('countries')!;
  try {
    return await getRecord(db, SYSTEM, countries, code);
  } catch {
    return create(db, 'countries', { code, name: name ?? new Intl.DisplayNames(['en'], { type: 'region' }).of(code) });
  }
}

export async function makeInstitution(db: Db, overrides: Values = {}): Promise<Values> {
  const n = next();
  if (!overrides.organisationId) await ensureCountry(db, (overrides.countryCode as string) ?? 'FR');
  return create(db, 'institutions', {
    slug: `institution-${n}`,
    name: `Institute ${n}`,
    kind: 'research_institute',
    ...(overrides.organisationId ? {} : { countryCode: 'FR' }),
    ...overrides,
  });
}

export async function makeOrganisation(db: Db, overrides: Values = {}): Promise<Values> {
  const n = next();
  return create(db, 'organisations', {
    slug: `org-${n}`,
    acronym: `ORG${n}`,
    name: `Organisation ${n}`,
    kind: 'intergovernmental',
    ...overrides,
  });
}

export async function makeMission(db: Db, overrides: Values = {}): Promise<Values> {
  const n = next();
  return create(db, 'missions', {
    slug: `mission-${n}`,
    name: `Mission ${n}`,
    targetBody: 'moon',
    status: 'planned',
    launchYear: 2030,
    ...overrides,
  });
}

export async function makeProgram(db: Db, overrides: Values = {}): Promise<Values> {
  const n = next();
  return create(db, 'programs', { slug: `program-${n}`, name: `Program ${n}`, kind: 'payload', ...overrides });
}

export async function makeProject(db: Db, overrides: Values = {}): Promise<Values> {
  const n = next();
  const programId = overrides.programId ?? (await makeProgram(db)).id;
  const participants = overrides.participants ?? [{ institutionId: (await makeInstitution(db)).id, role: 'lead' }];
  return create(db, 'projects', {
    title: `Project ${n}`,
    level: 'instrument',
    status: 'selected',
    ...overrides,
    programId,
    participants,
  });
}
