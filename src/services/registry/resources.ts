import { eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import * as contracts from '../../contracts/registry.js';
import type { DbOrTx } from '../../db/connection.js';
import * as t from '../../db/schema.js';
import {
  checkCountry,
  checkHostModule,
  checkInstitution,
  checkMission,
  checkPartnership,
  checkPerson,
  checkProject,
  checkSampleTypes,
} from '../../domain/registry/rules.js';

type Row = Record<string, unknown>;

/**
 * What the generic registry use cases need to know about one kind of record. Adding a registry
 * resource is one entry here plus its contract and table; the routes, OpenAPI document, CLI
 * export/import and authorization matrix pick it up from this list.
 */
export interface RegistryResource {
  /** Plural path segment and export key, e.g. "institutions". */
  name: string;
  /** Singular noun for audit rows and messages. */
  noun: string;
  table: PgTable;
  id: AnyPgColumn;
  idField: string;
  /** The id is chosen by the caller (a country code) rather than generated. */
  naturalId: boolean;
  input: z.ZodObject;
  record: z.ZodObject;
  /** Exact-match filters accepted as query parameters. */
  filters: Record<string, AnyPgColumn>;
  sorts: Record<string, AnyPgColumn>;
  defaultSort: string;
  searchable: AnyPgColumn[];
  /** The domain rule: the would-be record in, the values to store out (or an AppError). */
  check: (merged: Row) => Row;
  /** Fields stored outside the main table (a project's participants). */
  children?: {
    field: string;
    load: (db: DbOrTx, ids: string[]) => Promise<Map<string, unknown[]>>;
    replace: (db: DbOrTx, id: string, value: unknown[]) => Promise<void>;
  };
}

const identity = (row: Row) => row;

const participants: RegistryResource['children'] = {
  field: 'participants',
  load: async (db, ids) => {
    const byProject = new Map<string, unknown[]>();
    if (ids.length === 0) return byProject;
    const rows = await db
      .select()
      .from(t.projectParticipants)
      .where(inArray(t.projectParticipants.projectId, ids))
      .orderBy(t.projectParticipants.role, t.projectParticipants.institutionId);
    for (const id of ids) byProject.set(id, []);
    for (const r of rows) byProject.get(r.projectId)?.push({ institutionId: r.institutionId, role: r.role });
    return byProject;
  },
  replace: async (db, id, value) => {
    await db.delete(t.projectParticipants).where(eq(t.projectParticipants.projectId, id));
    const rows = (value as { institutionId: string; role: string }[]).map((p) => ({ projectId: id, ...p }));
    if (rows.length > 0) await db.insert(t.projectParticipants).values(rows);
  },
};

export const RESOURCES: RegistryResource[] = [
  {
    name: 'countries',
    noun: 'country',
    table: t.countries,
    id: t.countries.code,
    idField: 'code',
    naturalId: true,
    input: contracts.CountryInput,
    record: contracts.Country,
    filters: { kind: t.countries.kind, sovereignCode: t.countries.sovereignCode },
    sorts: { code: t.countries.code, name: t.countries.name },
    defaultSort: 'name',
    searchable: [t.countries.name, t.countries.nativeName, t.countries.code],
    check: checkCountry,
  },
  {
    name: 'organisations',
    noun: 'organisation',
    table: t.organisations,
    id: t.organisations.id,
    idField: 'id',
    naturalId: false,
    input: contracts.OrganisationInput,
    record: contracts.Organisation,
    filters: { kind: t.organisations.kind, slug: t.organisations.slug },
    sorts: { name: t.organisations.name, acronym: t.organisations.acronym, createdAt: t.organisations.createdAt },
    defaultSort: 'name',
    searchable: [t.organisations.name, t.organisations.acronym, t.organisations.nativeName],
    check: identity,
  },
  {
    name: 'institutions',
    noun: 'institution',
    table: t.institutions,
    id: t.institutions.id,
    idField: 'id',
    naturalId: false,
    input: contracts.InstitutionInput,
    record: contracts.Institution,
    filters: {
      countryCode: t.institutions.countryCode,
      organisationId: t.institutions.organisationId,
      kind: t.institutions.kind,
      slug: t.institutions.slug,
    },
    sorts: { name: t.institutions.name, countryCode: t.institutions.countryCode, createdAt: t.institutions.createdAt },
    defaultSort: 'name',
    searchable: [t.institutions.name, t.institutions.nativeName, t.institutions.acronym],
    check: checkInstitution,
  },
  {
    name: 'people',
    noun: 'person',
    table: t.people,
    id: t.people.id,
    idField: 'id',
    naturalId: false,
    input: contracts.PersonInput,
    record: contracts.Person,
    filters: { institutionId: t.people.institutionId, orcid: t.people.orcid },
    sorts: { name: t.people.name, createdAt: t.people.createdAt },
    defaultSort: 'name',
    searchable: [t.people.name, t.people.nativeName, t.people.email],
    check: checkPerson,
  },
  {
    name: 'missions',
    noun: 'mission',
    table: t.missions,
    id: t.missions.id,
    idField: 'id',
    naturalId: false,
    input: contracts.MissionInput,
    record: contracts.Mission,
    filters: {
      targetBody: t.missions.targetBody,
      status: t.missions.status,
      agencyId: t.missions.agencyId,
      launchYear: t.missions.launchYear,
      slug: t.missions.slug,
    },
    sorts: { name: t.missions.name, launchYear: t.missions.launchYear, launchDate: t.missions.launchDate },
    defaultSort: 'launchYear',
    searchable: [t.missions.name, t.missions.nativeName],
    check: checkMission,
  },
  {
    name: 'host-modules',
    noun: 'host module',
    table: t.hostModules,
    id: t.hostModules.id,
    idField: 'id',
    naturalId: false,
    input: contracts.HostModuleInput,
    record: contracts.HostModule,
    filters: { missionId: t.hostModules.missionId, kind: t.hostModules.kind },
    sorts: { name: t.hostModules.name, kind: t.hostModules.kind, poolMassG: t.hostModules.poolMassG },
    defaultSort: 'name',
    searchable: [t.hostModules.name],
    check: checkHostModule,
  },
  {
    name: 'sample-collections',
    noun: 'sample collection',
    table: t.sampleCollections,
    id: t.sampleCollections.id,
    idField: 'id',
    naturalId: false,
    input: contracts.SampleCollectionInput,
    record: contracts.SampleCollection,
    filters: { missionId: t.sampleCollections.missionId, slug: t.sampleCollections.slug },
    sorts: { name: t.sampleCollections.name, returnedMassMg: t.sampleCollections.returnedMassMg },
    defaultSort: 'name',
    searchable: [t.sampleCollections.name],
    check: checkSampleTypes,
  },
  {
    name: 'programs',
    noun: 'program',
    table: t.programs,
    id: t.programs.id,
    idField: 'id',
    naturalId: false,
    input: contracts.ProgramInput,
    record: contracts.Program,
    filters: { kind: t.programs.kind, status: t.programs.status, missionId: t.programs.missionId, slug: t.programs.slug },
    sorts: { name: t.programs.name, startedOn: t.programs.startedOn, createdAt: t.programs.createdAt },
    defaultSort: 'name',
    searchable: [t.programs.name, t.programs.nativeName],
    check: identity,
  },
  {
    name: 'partnerships',
    noun: 'partnership',
    table: t.partnerships,
    id: t.partnerships.id,
    idField: 'id',
    naturalId: false,
    input: contracts.PartnershipInput,
    record: contracts.Partnership,
    filters: {
      programId: t.partnerships.programId,
      kind: t.partnerships.kind,
      countryCode: t.partnerships.countryCode,
      organisationId: t.partnerships.organisationId,
      institutionId: t.partnerships.institutionId,
    },
    sorts: { joinedOn: t.partnerships.joinedOn, kind: t.partnerships.kind, createdAt: t.partnerships.createdAt },
    defaultSort: 'createdAt',
    searchable: [t.partnerships.note],
    check: checkPartnership,
  },
  {
    name: 'projects',
    noun: 'project',
    table: t.projects,
    id: t.projects.id,
    idField: 'id',
    naturalId: false,
    input: contracts.ProjectInput,
    record: contracts.Project,
    filters: {
      programId: t.projects.programId,
      status: t.projects.status,
      level: t.projects.level,
      hostModuleId: t.projects.hostModuleId,
    },
    sorts: { title: t.projects.title, announcedOn: t.projects.announcedOn, massG: t.projects.massG },
    defaultSort: 'title',
    searchable: [t.projects.title, t.projects.summary],
    check: checkProject,
    children: participants,
  },
];

export const RESOURCE_BY_NAME = new Map(RESOURCES.map((r) => [r.name, r]));
