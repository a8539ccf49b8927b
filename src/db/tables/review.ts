import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countries, institutions, people } from '../schema.js';
import { accounts } from './accounts.js';
import { applications, calls } from './calls.js';

// Expert review (migration 0010, where the triggers that guard assignments and reviews live).

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A review round of a call: letters of intent or full proposals, with its own form and deadline. */
export const reviewRounds = pgTable(
  'review_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    stage: text('stage').notNull(),
    title: text('title').notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    reviewsPerProposal: integer('reviews_per_proposal').notNull().default(3),
    collectsBids: boolean('collects_bids').notNull().default(false),
    dualAnonymous: boolean('dual_anonymous').notNull().default(false),
    sameCountryRule: text('same_country_rule').notNull().default('off'),
    coauthorWindowYears: integer('coauthor_window_years').notNull().default(3),
    status: text('status').notNull().default('open'),
    ...stamps,
  },
  (t) => [uniqueIndex('review_rounds_call_stage_key').on(t.callId, t.stage)],
);

/** An expert invited to a call's pool; the account is linked once they sign in or accept. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    accountId: uuid('account_id').references(() => accounts.id),
    personId: uuid('person_id').references(() => people.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    orcid: text('orcid'),
    institutionId: uuid('institution_id').references(() => institutions.id),
    countryCode: text('country_code').references(() => countries.code),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    statement: text('statement').notNull().default(''),
    minLoad: integer('min_load').notNull().default(0),
    maxLoad: integer('max_load').notNull().default(6),
    status: text('status').notNull().default('invited'),
    invitedBy: text('invited_by').notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    synthetic: text('synthetic'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('experts_call_email_key').on(t.callId, sql`lower(${t.email})`),
    index('experts_account_idx').on(t.accountId),
  ],
);

export const expertPublications = pgTable(
  'expert_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    doi: text('doi'),
    coauthors: jsonb('coauthors').$type<string[]>().notNull().default([]),
  },
  (t) => [index('expert_publications_expert_idx').on(t.expertId)],
);

/** A conflict of interest between an expert and a proposal, with the evidence that shows it. */
export const reviewConflicts = pgTable(
  'review_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    source: text('source').notNull(),
    evidence: jsonb('evidence').$type<{ kind: string; text: string }[]>().notNull().default([]),
    reason: text('reason'),
    pinned: boolean('pinned').notNull().default(false),
    waivedAt: timestamp('waived_at', { withTimezone: true }),
    waivedBy: text('waived_by'),
    waiverReason: text('waiver_reason'),
    createdBy: text('created_by').notNull(),
    ...stamps,
  },
  (t) => [
    uniqueIndex('review_conflicts_pair_source_key').on(t.expertId, t.applicationId, t.source),
    index('review_conflicts_call_idx').on(t.callId),
  ],
);

export const reviewBids = pgTable(
  'review_bids',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    bid: text('bid').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'review_bids_pk', columns: [t.roundId, t.expertId, t.applicationId] })],
);

export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    source: text('source').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_assignments_pair_key').on(t.roundId, t.expertId, t.applicationId),
    index('review_assignments_application_idx').on(t.applicationId),
  ],
);

/** One expert's review of one assigned proposal: per-criterion score and comment, saved as drafts. */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => reviewAssignments.id),
    scores: jsonb('scores').$type<Record<string, { score: number | null; comment: string }>>().notNull().default({}),
    confidence: text('confidence'),
    recommendation: text('recommendation'),
    comment: text('comment').notNull().default(''),
    status: text('status').notNull().default('draft'),
    revision: integer('revision').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    ...stamps,
  },
  (t) => [uniqueIndex('reviews_assignment_key').on(t.assignmentId)],
);

export const panelEntries = pgTable(
  'panel_entries',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    consensus: text('consensus'),
    reasons: text('reasons').notNull().default(''),
    discussion: text('discussion').notNull().default(''),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'panel_entries_pk', columns: [t.roundId, t.applicationId] })],
);

/** The panel's frozen result: what selection reads. Never updated (a trigger refuses it). */
export const panelResults = pgTable('panel_results', {
  roundId: uuid('round_id')
    .primaryKey()
    .references(() => reviewRounds.id),
  result: jsonb('result').notNull(),
  sha256: text('sha256').notNull(),
  frozenBy: text('frozen_by').notNull(),
  frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One reminder per expert, round and threshold (72 h, 24 h before the deadline). */
export const reviewReminders = pgTable(
  'review_reminders',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    thresholdHours: integer('threshold_hours').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'review_reminders_pk', columns: [t.roundId, t.expertId, t.thresholdHours] })],
);
