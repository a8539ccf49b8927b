import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  LEDGER_KINDS,
  type LedgerKind,
  SAMPLE_STATUSES,
  SAMPLE_USES,
  type SampleStatus,
  type SampleUse,
} from '../../domain/samples/vocabulary.js';
import { sampleCollections } from '../schema.js';
import { inList } from './sql-helpers.js';

// Samples and their mass ledger (migration 0012, where the triggers that keep the ledger balanced
// live: non-negative balances, split pairs balanced at commit, append-only entries, returns within
// what was shipped, weighing differences within tolerance). Masses in whole micrograms.

export const samples = pgTable(
  'samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => sampleCollections.id),
    parentId: uuid('parent_id').references((): any => samples.id),
    /** `CE5C0400` for a parent; a subsample's number (`CE5C0400,12`) is assigned by the database. */
    number: text('number').notNull(),
    sampleType: text('sample_type').notNull(),
    container: text('container'),
    storageLocation: text('storage_location'),
    characterisation: text('characterisation'),
    use: text('use').$type<SampleUse>().notNull().default('storage'),
    declaredMassUg: bigint('declared_mass_ug', { mode: 'number' }).notNull(),
    weighingToleranceUg: bigint('weighing_tolerance_ug', { mode: 'number' }).notNull().default(0),
    status: text('status').$type<SampleStatus>().notNull().default('in_store'),
    /** The sum of the sample's ledger entries, kept by the ledger trigger; never written directly. */
    balanceUg: bigint('balance_ug', { mode: 'number' }).notNull().default(0),
    /** The next split number of this parent, drawn under its row lock by the numbering trigger. */
    nextSplit: integer('next_split').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('samples_number_key').on(t.number),
    index('samples_parent_idx').on(t.parentId),
    index('samples_collection_idx').on(t.collectionId),
    check('samples_number_shape', sql`${t.number} ~ '^[A-Z0-9]+(,[1-9][0-9]*)*$'`),
    check('samples_use', inList('use', SAMPLE_USES)),
    check('samples_status', inList('status', SAMPLE_STATUSES)),
    check('samples_declared_mass_positive', sql`${t.declaredMassUg} > 0`),
    check('samples_tolerance_non_negative', sql`${t.weighingToleranceUg} >= 0`),
    check('samples_balance_non_negative', sql`${t.balanceUg} >= 0`),
  ],
);

/** Append-only: every change of a sample's mass, signed, in whole micrograms. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    kind: text('kind').$type<LedgerKind>().notNull(),
    deltaUg: bigint('delta_ug', { mode: 'number' }).notNull(),
    counterpartSampleId: uuid('counterpart_sample_id').references(() => samples.id),
    reason: text('reason'),
    /** Set for entries under a loan (migration 0017): ship, receive, return, return_receipt, and what the borrower consumes or loses. */
    loanItemId: uuid('loan_item_id'),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_sample_idx').on(t.sampleId, t.kind) /* INCLUDE (delta_ug, loan_item_id): migration 0019 */,
    check('ledger_entries_kind', inList('kind', LEDGER_KINDS)),
  ],
);
