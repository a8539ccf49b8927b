import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
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
import { applications, callSampleOffers, calls } from './calls.js';

/** Mirrors migration 0011. Triggers there freeze decisions and refuse oversubscribed sets. */
export const SELECTION_OUTCOMES = ['selected', 'conditional', 'rejected'] as const;
export type SelectionOutcome = (typeof SELECTION_OUTCOMES)[number];
export const MERIT_SOURCES = ['panel', 'entered'] as const;

/** Integer merit per proposal: the panel's calibrated score × 10, or entered by the officer. */
export const selectionMerits = pgTable(
  'selection_merits',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    merit: integer('merit').notNull(),
    source: text('source').notNull(),
    enteredBy: text('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.applicationId] }),
    check('selection_merits_merit', sql`${t.merit} >= 0 and ${t.merit} <= 1000000`),
    check('selection_merits_source', sql`${t.source} in ('panel', 'entered')`),
  ],
);

export interface SelectionLinks {
  excludes: [string, string][];
  requires: { proposal: string; needs: string }[];
}

/** The call's selection rules (one row per call). */
export const selectionRules = pgTable(
  'selection_rules',
  {
    callId: uuid('call_id')
      .primaryKey()
      .references(() => calls.id),
    countryCap: integer('country_cap'),
    minCountries: integer('min_countries'),
    links: jsonb('links').$type<SelectionLinks>().notNull().default({ excludes: [], requires: [] }),
    mustSelect: jsonb('must_select').$type<{ id: string; reason: string }[]>().notNull().default([]),
    mustReject: jsonb('must_reject').$type<{ id: string; reason: string }[]>().notNull().default([]),
    allowPartialGrants: boolean('allow_partial_grants').notNull().default(false),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('selection_rules_country_cap', sql`${t.countryCap} is null or ${t.countryCap} >= 1`),
    check('selection_rules_min_countries', sql`${t.minCountries} is null or ${t.minCountries} >= 1`),
  ],
);

/** The official's decision per proposal: frozen once written (UPDATE and DELETE are refused). */
export const selectionDecisions = pgTable(
  'selection_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    outcome: text('outcome').notNull(),
    conditions: text('conditions'),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('selection_decisions_application_key').on(t.callId, t.applicationId),
    check('selection_decisions_outcome', sql`${t.outcome} in ('selected', 'conditional', 'rejected')`),
    check('selection_decisions_reason', sql`length(btrim(${t.reason})) > 0`),
    check(
      'selection_decisions_conditions',
      sql`(${t.outcome} = 'conditional') = (${t.conditions} is not null and length(btrim(${t.conditions})) > 0)`,
    ),
  ],
);

/** Sample mass granted to a selected proposal, per sample offer: what custody draws from. */
export const sampleAllocations = pgTable(
  'sample_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => selectionDecisions.id),
    sampleOfferId: uuid('sample_offer_id')
      .notNull()
      .references(() => callSampleOffers.id),
    massMg: bigint('mass_mg', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sample_allocations_decision_offer_key').on(t.decisionId, t.sampleOfferId),
    index('sample_allocations_offer_idx').on(t.sampleOfferId),
    check('sample_allocations_mass', sql`${t.massMg} > 0`),
  ],
);

/**
 * Merged proposals (migration 0014): one project made of several proposals of a call, selected or
 * rejected as a whole with the sum of their resources. Frozen once the call has decisions.
 */
export const selectionMergeGroups = pgTable(
  'selection_merge_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    name: text('name').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('selection_merge_groups_name_key').on(t.callId, t.name),
    uniqueIndex('selection_merge_groups_call_key').on(t.id, t.callId),
    check('selection_merge_groups_name', sql`length(btrim(${t.name})) > 0`),
  ],
);

/** A proposal's membership of a merge group; a proposal is in at most one group of its call. */
export const selectionMergeMembers = pgTable(
  'selection_merge_members',
  {
    groupId: uuid('group_id').notNull(),
    callId: uuid('call_id').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.applicationId] }),
    foreignKey({
      name: 'selection_merge_members_group_fk',
      columns: [t.groupId, t.callId],
      foreignColumns: [selectionMergeGroups.id, selectionMergeGroups.callId],
    }).onDelete('cascade'),
    uniqueIndex('selection_merge_members_application_key').on(t.callId, t.applicationId),
  ],
);
