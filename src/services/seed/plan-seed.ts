import { randomUUID } from 'node:crypto';
import type { FieldIssue } from '../../domain/errors.js';
import { allIsoAlpha2, isIsoAlpha2 } from '../../domain/partners/identifiers.js';
import { type SeedData, seedDataError } from './seed-data.js';

type Row = Record<string, unknown>;

/** One registry record to create: the resource it belongs to, where it came from, and the API input. */
export interface SeedOperation {
  resource: string;
  /** Place in the data file, e.g. `institutions[3]`, for error messages. */
  path: string;
  input: Row;
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * Turns the data file into the records to create, in an order where every reference points back
 * (countries before institutions, programs before projects). References by slug become uuids chosen
 * here, so the plan is complete before anything is written. Every unknown or duplicate reference is
 * reported at once, as `projects[3].participants[0].institution: unknown institution "xyz"`.
 */
export function planSeed(data: SeedData): SeedOperation[] {
  const issues: FieldIssue[] = [];
  const fail = (field: string, message: string) => issues.push({ field, code: 'REFERENCE_NOT_FOUND', message });
  const ops: SeedOperation[] = [];

  // Countries and regions: every ISO 3166-1 code, with the file's overrides (regions, native names).
  const overrides = new Map<string, SeedData['countries'][number]>();
  data.countries.forEach((c, i) => {
    if (!isIsoAlpha2(c.code)) fail(`countries[${i}].code`, `"${c.code}" is not an assigned ISO 3166-1 alpha-2 code`);
    else if (overrides.has(c.code)) fail(`countries[${i}].code`, `country "${c.code}" is listed twice`);
    overrides.set(c.code, c);
  });
  const codes = new Set(allIsoAlpha2());
  const countryRows = [...codes].map((code) => {
    const o = overrides.get(code);
    return {
      code,
      name: o?.name ?? englishNames.of(code) ?? code,
      nativeName: o?.nativeName ?? null,
      kind: o?.kind ?? 'country',
      sovereignCode: o?.sovereignCode ?? null,
    };
  });
  data.countries.forEach((c, i) => {
    if (c.sovereignCode && !codes.has(c.sovereignCode))
      fail(`countries[${i}].sovereignCode`, `unknown country "${c.sovereignCode}"`);
  });
  // Sovereign states first, so a region's sovereignCode always points back.
  countryRows.sort((a, b) => Number(a.sovereignCode !== null) - Number(b.sovereignCode !== null));
  for (const row of countryRows) ops.push({ resource: 'countries', path: `countries.${row.code}`, input: row });

  const country = (field: string, code: string | null | undefined) => {
    if (code == null) return null;
    if (!codes.has(code)) fail(field, `unknown country "${code}"`);
    return code;
  };

  /** Gives each record of a list a uuid under its key, refusing duplicate keys. */
  const index = <T>(list: T[], name: string, keyOf: (item: T) => string, keyField: string) => {
    const ids = new Map<string, string>();
    list.forEach((item, i) => {
      const key = keyOf(item);
      if (ids.has(key))
        issues.push({ field: `${name}[${i}].${keyField}`, code: 'DUPLICATE', message: `"${key}" is listed twice` });
      ids.set(key, randomUUID());
    });
    return ids;
  };
  const lookup = (ids: Map<string, string>, noun: string) => (field: string, key: string | null | undefined) => {
    if (key == null) return null;
    const id = ids.get(key);
    if (!id) fail(field, `unknown ${noun} "${key}"`);
    return id ?? null;
  };

  const organisationIds = index(data.organisations, 'organisations', (o) => o.slug, 'slug');
  const institutionIds = index(data.institutions, 'institutions', (o) => o.slug, 'slug');
  const missionIds = index(data.missions, 'missions', (o) => o.slug, 'slug');
  const moduleKey = (m: { mission: string; name: string }) => `${m.mission}/${m.name}`;
  const moduleIds = index(data.hostModules, 'hostModules', moduleKey, 'name');
  const collectionIds = index(data.sampleCollections, 'sampleCollections', (o) => o.slug, 'slug');
  const programIds = index(data.programs, 'programs', (o) => o.slug, 'slug');
  const organisation = lookup(organisationIds, 'organisation');
  const institution = lookup(institutionIds, 'institution');
  const mission = lookup(missionIds, 'mission');
  const program = lookup(programIds, 'program');
  const hostModule = lookup(moduleIds, 'host module');

  data.organisations.forEach((o, i) => {
    ops.push({ resource: 'organisations', path: `organisations[${i}]`, input: { ...o, id: organisationIds.get(o.slug) } });
  });
  data.institutions.forEach((inst, i) => {
    const { country: c, organisation: org, ...rest } = inst;
    const p = `institutions[${i}]`;
    ops.push({
      resource: 'institutions',
      path: p,
      input: {
        ...rest,
        id: institutionIds.get(inst.slug),
        countryCode: country(`${p}.country`, c),
        organisationId: organisation(`${p}.organisation`, org),
      },
    });
  });
  data.missions.forEach((m, i) => {
    const { agency, ...rest } = m;
    const p = `missions[${i}]`;
    ops.push({
      resource: 'missions',
      path: p,
      input: { ...rest, id: missionIds.get(m.slug), agencyId: institution(`${p}.agency`, agency) },
    });
  });
  data.hostModules.forEach((h, i) => {
    const { mission: m, ...rest } = h;
    const p = `hostModules[${i}]`;
    ops.push({
      resource: 'host-modules',
      path: p,
      input: { ...rest, id: moduleIds.get(moduleKey(h)), missionId: mission(`${p}.mission`, m) },
    });
  });
  data.sampleCollections.forEach((s, i) => {
    const { mission: m, ...rest } = s;
    const p = `sampleCollections[${i}]`;
    ops.push({
      resource: 'sample-collections',
      path: p,
      input: { ...rest, id: collectionIds.get(s.slug), missionId: mission(`${p}.mission`, m) },
    });
  });
  const missionOfProgram = new Map(data.programs.map((pr) => [pr.slug, pr.mission ?? null]));
  data.programs.forEach((pr, i) => {
    const { mission: m, agency, ...rest } = pr;
    const p = `programs[${i}]`;
    ops.push({
      resource: 'programs',
      path: p,
      input: {
        ...rest,
        id: programIds.get(pr.slug),
        missionId: mission(`${p}.mission`, m),
        agencyId: institution(`${p}.agency`, agency),
      },
    });
  });
  data.partnerships.forEach((ps, i) => {
    const { program: pg, country: c, organisation: org, institution: inst, ...rest } = ps;
    const p = `partnerships[${i}]`;
    ops.push({
      resource: 'partnerships',
      path: p,
      input: {
        ...rest,
        id: randomUUID(),
        programId: program(`${p}.program`, pg),
        countryCode: country(`${p}.country`, c),
        organisationId: organisation(`${p}.organisation`, org),
        institutionId: institution(`${p}.institution`, inst),
      },
    });
  });
  data.projects.forEach((pj, i) => {
    const { program: pg, hostModule: hm, participants, ...rest } = pj;
    const p = `projects[${i}]`;
    let hostModuleId: string | null = null;
    if (hm) {
      hostModuleId = hostModule(`${p}.hostModule`, moduleKey(hm));
      const programMission = missionOfProgram.get(pg);
      if (hostModuleId && programMission !== undefined && programMission !== hm.mission) {
        fail(
          `${p}.hostModule`,
          `host module "${moduleKey(hm)}" belongs to mission "${hm.mission}", not to the program's mission "${programMission ?? 'none'}"`,
        );
      }
    }
    ops.push({
      resource: 'projects',
      path: p,
      input: {
        ...rest,
        id: randomUUID(),
        programId: program(`${p}.program`, pg),
        hostModuleId,
        participants: participants.map((part, j) => ({
          institutionId: institution(`${p}.participants[${j}].institution`, part.institution),
          role: part.role,
        })),
      },
    });
  });

  if (issues.length > 0) throw seedDataError(issues);
  return ops;
}

/** How many records of each resource a plan creates. */
export function countByResource(ops: SeedOperation[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const op of ops) counts[op.resource] = (counts[op.resource] ?? 0) + 1;
  return counts;
}
