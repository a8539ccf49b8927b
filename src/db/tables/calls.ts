import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
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
  APPLICATION_STAGES,
  APPLICATION_STATUSES,
  CALL_STATUSES,
  CHECK_RESULTS,
  MOUNTING_SIDES,
} from '../../domain/calls/vocabulary.js';
import { hostModules, institutions, programs, sampleCollections } from '../schema.js';
import { accounts } from './accounts.js';
import { inList, itemLimitColumns } from './sql-helpers.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** An announcement of opportunity. Times are UTC; `time_zone` is how the call shows them. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    title: text('title').notNull(),
    summary: text('summary'),
    status: text('status').notNull().default('draft'),
    stages: integer('stages').notNull().default(1),
    timeZone: text('time_zone').notNull().default('UTC'),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    /** Two-stage calls: letters of intent are due here; full proposals at closesAt. */
    loiClosesAt: timestamp('loi_closes_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** { allowedCountries?, excludedCountries?, leadCountries?, maxEntities? } — see domain/calls/eligibility.ts */
    eligibility: jsonb('eligibility').notNull().default({}),
    /** [{ key, name, required, description }] */
    requiredDocuments: jsonb('required_documents').notNull().default([]),
    synthetic: text('synthetic'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('calls_slug_key').on(t.slug),
    index('calls_program_idx').on(t.programId),
    check('calls_status', inList('status', CALL_STATUSES)),
    check('calls_stages', sql`${t.stages} in (1, 2)`),
    check('calls_window', sql`${t.opensAt} < ${t.closesAt}`),
    check(
      'calls_loi_window',
      sql`${t.loiClosesAt} is null or (${t.stages} = 2 and ${t.opensAt} < ${t.loiClosesAt} and ${t.loiClosesAt} < ${t.closesAt})`,
    ),
  ],
);

/** Evaluation criteria of a call; review scores them later. Weights are percentage points. */
export const callCriteria = pgTable(
  'call_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    weight: integer('weight').notNull(),
    scaleMin: integer('scale_min').notNull().default(1),
    scaleMax: integer('scale_max').notNull().default(5),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('call_criteria_key').on(t.callId, t.key),
    check('call_criteria_weight', sql`${t.weight} > 0 and ${t.weight} <= 100`),
    check('call_criteria_scale', sql`${t.scaleMin} < ${t.scaleMax}`),
  ],
);

/** Sample mass a call offers, per type, with a reserve the agency keeps back (mg). */
export const callSampleOffers = pgTable(
  'call_sample_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    sampleCollectionId: uuid('sample_collection_id')
      .notNull()
      .references(() => sampleCollections.id),
    sampleType: text('sample_type').notNull(),
    availableMg: bigint('available_mg', { mode: 'number' }).notNull(),
    reserveMg: bigint('reserve_mg', { mode: 'number' }).notNull().default(0),
    maxPerRequestMg: bigint('max_per_request_mg', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('call_sample_offers_type_key').on(t.callId, t.sampleCollectionId, t.sampleType),
    check('call_sample_offers_masses', sql`${t.availableMg} > 0 and ${t.reserveMg} >= 0 and ${t.reserveMg} < ${t.availableMg}`),
  ],
);

/** A host module's resources offered in a call: pools and per-item limits (g, mW, MB/day, mm, °C). */
export const callModuleOffers = pgTable(
  'call_module_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    hostModuleId: uuid('host_module_id')
      .notNull()
      .references(() => hostModules.id),
    poolMassG: integer('pool_mass_g').notNull(),
    poolPowerMw: integer('pool_power_mw'),
    poolDataMbPerDay: integer('pool_data_mb_per_day'),
    ...itemLimitColumns(),
  },
  (t) => [
    uniqueIndex('call_module_offers_module_key').on(t.callId, t.hostModuleId),
    check('call_module_offers_pool', sql`${t.poolMassG} > 0`),
  ],
);

/**
 * An application. The draft is a JSON document saved as the applicant types (it may be incomplete);
 * each submission freezes a validated copy in application_versions.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    ownerAccountId: uuid('owner_account_id')
      .notNull()
      .references(() => accounts.id),
    stage: text('stage').notNull().default('full_proposal'),
    status: text('status').notNull().default('draft'),
    title: text('title').notNull().default(''),
    draft: jsonb('draft').notNull().default({}),
    draftRevision: integer('draft_revision').notNull().default(0),
    submittedVersion: integer('submitted_version'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    // Denormalised from the submitted version for the officer's filters.
    leadInstitutionId: uuid('lead_institution_id').references(() => institutions.id),
    leadCountry: text('lead_country'),
    checkResult: text('check_result'),
    synthetic: text('synthetic'),
    ...stamps,
  },
  (t) => [
    index('applications_call_idx').on(t.callId, t.status),
    index('applications_owner_idx').on(t.ownerAccountId),
    check('applications_status', inList('status', APPLICATION_STATUSES)),
    check('applications_stage', inList('stage', APPLICATION_STAGES)),
    check('applications_check_result', sql`${t.checkResult} is null or ${inList('check_result', CHECK_RESULTS)}`),
  ],
);

export const applicationVersions = pgTable(
  'application_versions',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    /** The accommodation check as it stood at submission. */
    checkReport: jsonb('check_report').notNull(),
    draftRevision: integer('draft_revision').notNull(),
    submittedBy: text('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.version] })],
);

/** What a submitted version asks for, one row per request, for totals against the offers. */
export const applicationRequests = pgTable(
  'application_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    version: integer('version').notNull(),
    sampleOfferId: uuid('sample_offer_id').references(() => callSampleOffers.id),
    moduleOfferId: uuid('module_offer_id').references(() => callModuleOffers.id),
    massMg: bigint('mass_mg', { mode: 'number' }),
    massG: integer('mass_g'),
    avgPowerMw: integer('avg_power_mw'),
    peakPowerMw: integer('peak_power_mw'),
    dataMbPerDay: integer('data_mb_per_day'),
    mounting: text('mounting'),
    detail: jsonb('detail').notNull().default({}),
  },
  (t) => [
    index('application_requests_app_idx').on(t.applicationId, t.version),
    check('application_requests_one_offer', sql`num_nonnulls(${t.sampleOfferId}, ${t.moduleOfferId}) = 1`),
    check('application_requests_mounting', sql`${t.mounting} is null or ${inList('mounting', MOUNTING_SIDES)}`),
  ],
);

/** PDF attachments, stored in the database with their SHA-256 (checked by content, not by name). */
export const applicationAttachments = pgTable(
  'application_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    documentKey: text('document_key').notNull(),
    filename: text('filename').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('application_attachments_app_idx').on(t.applicationId)],
);
