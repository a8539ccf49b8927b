import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CONFIDENCES,
  COUNTRY_KINDS,
  HOST_MODULE_KINDS,
  INSTITUTION_KINDS,
  MISSION_STATUSES,
  MOUNTINGS,
  ORGANISATION_KINDS,
  PARTICIPANT_ROLES,
  PARTNERSHIP_KINDS,
  PROGRAM_KINDS,
  PROGRAM_STATUSES,
  PROJECT_LEVELS,
  PROJECT_STATUSES,
  TARGET_BODIES,
} from '../domain/registry/vocabulary.js';
import { inList, itemLimitColumns } from './tables/sql-helpers.js';

export * from './tables/accounts.js';
export * from './tables/agreements.js';
export * from './tables/calls.js';
export * from './tables/custody.js';
export * from './tables/custody-operations.js';
export * from './tables/jobs.js';
export * from './tables/public-data.js';
export * from './tables/review.js';
export * from './tables/selection.js';

// Columns every registry record carries. `archived_at` hides a record from lists without losing it:
// later records (calls, agreements) keep pointing at archived ones.
const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
};

// Facts the sources disagree on are kept as data with their confidence, never as logic.
const confidence = {
  confidence: text('confidence').notNull().default('confirmed'),
  confidenceNote: text('confidence_note'),
};

export const countries = pgTable(
  'countries',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nativeName: text('native_name'),
    // The agency reports "countries and regions": Hong Kong counts on its own, as a region.
    kind: text('kind').notNull().default('country'),
    sovereignCode: text('sovereign_code').references((): any => countries.code),
    ...stamps,
  },
  (t) => [check('countries_code_shape', sql`${t.code} ~ '^[A-Z]{2}$'`), check('countries_kind', inList('kind', COUNTRY_KINDS))],
);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    acronym: text('acronym').notNull(),
    name: text('name').notNull(),
    nativeName: text('native_name'),
    kind: text('kind').notNull(),
    website: text('website'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('organisations_slug_key').on(t.slug),
    uniqueIndex('organisations_acronym_key').on(t.acronym),
    check('organisations_kind', inList('kind', ORGANISATION_KINDS)),
  ],
);

export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nativeName: text('native_name'),
    acronym: text('acronym'),
    kind: text('kind').notNull(),
    countryCode: text('country_code').references(() => countries.code),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    rorId: text('ror_id'),
    website: text('website'),
    /** The academy or university this institute belongs to (migration 0010). */
    parentInstitutionId: uuid('parent_institution_id'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('institutions_slug_key').on(t.slug),
    uniqueIndex('institutions_ror_id_key').on(t.rorId),
    index('institutions_country_idx').on(t.countryCode),
    index('institutions_organisation_idx').on(t.organisationId),
    // An institution belongs to exactly one country or region, or to one international organisation.
    check('institutions_one_home', sql`(${t.countryCode} is null) <> (${t.organisationId} is null)`),
    check('institutions_kind', inList('kind', INSTITUTION_KINDS)),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nativeName: text('native_name'),
    orcid: text('orcid'),
    email: text('email').notNull(),
    institutionId: uuid('institution_id').references(() => institutions.id),
    ...stamps,
  },
  (t) => [
    uniqueIndex('people_orcid_key').on(t.orcid),
    uniqueIndex('people_email_key').on(sql`lower(${t.email})`),
    index('people_institution_idx').on(t.institutionId),
  ],
);

export const missions = pgTable(
  'missions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nativeName: text('native_name'),
    agencyId: uuid('agency_id').references(() => institutions.id),
    targetBody: text('target_body').notNull(),
    launchDate: date('launch_date', { mode: 'string' }),
    launchYear: integer('launch_year'),
    status: text('status').notNull(),
    summary: text('summary'),
    ...confidence,
    ...stamps,
  },
  (t) => [
    uniqueIndex('missions_slug_key').on(t.slug),
    check('missions_target_body', inList('target_body', TARGET_BODIES)),
    check('missions_status', inList('status', MISSION_STATUSES)),
    check('missions_launch_year_matches', sql`${t.launchDate} is null or ${t.launchYear} = extract(year from ${t.launchDate})`),
    check('missions_confidence', inList('confidence', CONFIDENCES)),
  ],
);

export const hostModules = pgTable(
  'host_modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    // Pools: the total the module offers to partners. Units: g, mW, MB per day.
    poolMassG: integer('pool_mass_g'),
    poolPowerMw: integer('pool_power_mw'),
    poolDataMbPerDay: integer('pool_data_mb_per_day'),
    // Per-item limits.
    ...itemLimitColumns(),
    note: text('note'),
    ...confidence,
    ...stamps,
  },
  (t) => [
    uniqueIndex('host_modules_mission_name_key').on(t.missionId, t.name),
    check('host_modules_kind', inList('kind', HOST_MODULE_KINDS)),
    check('host_modules_mounting', inList('mounting', MOUNTINGS)),
    check(
      'host_modules_non_negative',
      sql`coalesce(${t.poolMassG}, 0) >= 0 and coalesce(${t.poolPowerMw}, 0) >= 0 and coalesce(${t.poolDataMbPerDay}, 0) >= 0
        and coalesce(${t.itemMaxMassG}, 0) >= 0 and coalesce(${t.itemMaxAvgPowerMw}, 0) >= 0 and coalesce(${t.itemMaxPeakPowerMw}, 0) >= 0`,
    ),
    check('host_modules_confidence', inList('confidence', CONFIDENCES)),
  ],
);

export const sampleCollections = pgTable(
  'sample_collections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id),
    name: text('name').notNull(),
    returnedMassMg: bigint('returned_mass_mg', { mode: 'number' }).notNull(),
    returnedOn: date('returned_on', { mode: 'string' }),
    sampleTypes: text('sample_types').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    ...confidence,
    ...stamps,
  },
  (t) => [
    uniqueIndex('sample_collections_slug_key').on(t.slug),
    check('sample_collections_mass_positive', sql`${t.returnedMassMg} > 0`),
    check('sample_collections_confidence', inList('confidence', CONFIDENCES)),
  ],
);

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nativeName: text('native_name'),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('running'),
    missionId: uuid('mission_id').references(() => missions.id),
    agencyId: uuid('agency_id').references(() => institutions.id),
    startedOn: date('started_on', { mode: 'string' }),
    summary: text('summary'),
    budgetSummary: text('budget_summary'),
    /** Headline figures the agency reports, with how it counts them (contracts/registry.ts ReportedFigure). */
    reportedFigures: jsonb('reported_figures').notNull().default([]),
    ...confidence,
    ...stamps,
  },
  (t) => [
    uniqueIndex('programs_slug_key').on(t.slug),
    check('programs_kind', inList('kind', PROGRAM_KINDS)),
    check('programs_status', inList('status', PROGRAM_STATUSES)),
    check('programs_confidence', inList('confidence', CONFIDENCES)),
  ],
);

export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    // The partner is a country or region, an international organisation, or an institution.
    countryCode: text('country_code').references(() => countries.code),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    kind: text('kind').notNull(),
    joinedOn: date('joined_on', { mode: 'string' }),
    note: text('note'),
    ...confidence,
    ...stamps,
  },
  (t) => [
    index('partnerships_program_idx').on(t.programId),
    check('partnerships_one_partner', sql`num_nonnulls(${t.countryCode}, ${t.organisationId}, ${t.institutionId}) = 1`),
    check('partnerships_kind', inList('kind', PARTNERSHIP_KINDS)),
    check('partnerships_confidence', inList('confidence', CONFIDENCES)),
  ],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    title: text('title').notNull(),
    level: text('level').notNull(),
    status: text('status').notNull(),
    hostModuleId: uuid('host_module_id').references(() => hostModules.id),
    massG: integer('mass_g'),
    announcedOn: date('announced_on', { mode: 'string' }),
    summary: text('summary'),
    ...confidence,
    ...stamps,
  },
  (t) => [
    index('projects_program_idx').on(t.programId),
    check('projects_level', inList('level', PROJECT_LEVELS)),
    check('projects_status', inList('status', PROJECT_STATUSES)),
    check('projects_mass_non_negative', sql`coalesce(${t.massG}, 0) >= 0`),
    check('projects_confidence', inList('confidence', CONFIDENCES)),
  ],
);

export const projectParticipants = pgTable(
  'project_participants',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.institutionId] }),
    index('project_participants_institution_idx').on(t.institutionId),
    check('project_participants_role', inList('role', PARTICIPANT_ROLES)),
  ],
);

/**
 * Append-only and hash-chained: each row's hash covers its content and the previous row's hash,
 * so an edited or deleted row breaks the chain (see the trigger in the migrations).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    details: jsonb('details').notNull().default({}),
    address: text('address'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectType, t.subjectId)],
);

/** Small facts about the installation itself, e.g. which version of the demo data is loaded. */
export const installationFacts = pgTable('installation_facts', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export * from './tables/letters.js';
