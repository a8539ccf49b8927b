import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  DUTY_KINDS,
  DUTY_STATUSES,
  type DutyKind,
  type DutyStatus,
  INVENTORY_STATES,
  type InventoryState,
} from '../../domain/samples/duties.js';
import {
  DISCREPANCY_RESOLUTIONS,
  type DiscrepancyResolution,
  SHIPMENT_DIRECTIONS,
  SHIPMENT_STATUSES,
  type ShipmentDirection,
  type ShipmentStatus,
} from '../../domain/samples/shipment.js';
import { samples } from './custody.js';
import { inList } from './sql-helpers.js';

// Mirrors migration 0017: shipments and their chain of custody, discrepancies resolved once, the
// borrower's duties, inventories, research outputs and audit samples. The loan pockets
// (`loan_items.out_ug`, `shipped_ug`, `returned_ug`) and `ledger_entries.loan_item_id` are columns
// added there to the tables of 0012 and 0016; the ledger trigger keeps them.

export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    loanId: uuid('loan_id').notNull(),
    direction: text('direction').$type<ShipmentDirection>().notNull(),
    courier: text('courier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    sealedContainerIds: text('sealed_container_ids').array().notNull().default(sql`'{}'`),
    status: text('status').$type<ShipmentStatus>().notNull().default('prepared'),
    preparedBy: text('prepared_by').notNull(),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: text('received_by'),
  },
  (t) => [
    uniqueIndex('shipments_reference_key').on(t.reference),
    index('shipments_loan_idx').on(t.loanId, t.status),
    check('shipments_direction', inList('direction', SHIPMENT_DIRECTIONS)),
    check('shipments_status', inList('status', SHIPMENT_STATUSES)),
  ],
);

export const shipmentItems = pgTable(
  'shipment_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
    loanItemId: uuid('loan_item_id').notNull(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    packedMassUg: bigint('packed_mass_ug', { mode: 'number' }).notNull(),
    containerId: text('container_id').notNull(),
    measuredMassUg: bigint('measured_mass_ug', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('shipment_items_item_key').on(t.shipmentId, t.loanItemId),
    index('shipment_items_sample_idx').on(t.sampleId),
  ],
);

/** The chain of custody: append-only hand-overs of a shipment, in order. */
export const custodyHandovers = pgTable(
  'custody_handovers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
    position: integer('position').notNull(),
    fromHolder: text('from_holder').notNull(),
    toHolder: text('to_holder').notNull(),
    toKind: text('to_kind').$type<'agency' | 'courier' | 'borrower'>().notNull(),
    place: text('place').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: text('recorded_by').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('custody_handovers_position_key').on(t.shipmentId, t.position)],
);

export const custodyDiscrepancies = pgTable(
  'custody_discrepancies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shipmentItemId: uuid('shipment_item_id')
      .notNull()
      .references(() => shipmentItems.id),
    loanItemId: uuid('loan_item_id').notNull(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    direction: text('direction').$type<ShipmentDirection>().notNull(),
    expectedUg: bigint('expected_ug', { mode: 'number' }).notNull(),
    measuredUg: bigint('measured_ug', { mode: 'number' }).notNull(),
    toleranceUg: bigint('tolerance_ug', { mode: 'number' }).notNull(),
    status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
    openedBy: text('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    resolution: text('resolution').$type<DiscrepancyResolution>(),
    resolvedMassUg: bigint('resolved_mass_ug', { mode: 'number' }),
    resolutionNote: text('resolution_note'),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('custody_discrepancies_item_key').on(t.shipmentItemId),
    check('custody_discrepancies_resolution', sql`${t.resolution} is null or ${inList('resolution', DISCREPANCY_RESOLUTIONS)}`),
  ],
);

export const borrowerDuties = pgTable(
  'borrower_duties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    loanId: uuid('loan_id').notNull(),
    kind: text('kind').$type<DutyKind>().notNull(),
    period: integer('period').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<DutyStatus>().notNull().default('open'),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    fulfilledBy: text('fulfilled_by'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('borrower_duties_period_key').on(t.loanId, t.kind, t.period),
    check('borrower_duties_kind', inList('kind', DUTY_KINDS)),
    check('borrower_duties_status', inList('status', DUTY_STATUSES)),
  ],
);

export const borrowerDutyReminders = pgTable(
  'borrower_duty_reminders',
  {
    dutyId: uuid('duty_id')
      .notNull()
      .references(() => borrowerDuties.id),
    stage: text('stage').$type<'due_soon' | 'overdue'>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dutyId, t.stage] })],
);

export const inventoryReports = pgTable('inventory_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  loanId: uuid('loan_id').notNull(),
  dutyId: uuid('duty_id').references(() => borrowerDuties.id),
  filedBy: text('filed_by').notNull(),
  filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
  note: text('note'),
});

export const inventoryLines = pgTable(
  'inventory_lines',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => inventoryReports.id),
    loanItemId: uuid('loan_item_id').notNull(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    massUg: bigint('mass_ug', { mode: 'number' }).notNull(),
    state: text('state').$type<InventoryState>().notNull(),
    location: text('location').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.loanItemId] }), check('inventory_lines_state', inList('state', INVENTORY_STATES))],
);

export const researchOutputs = pgTable('research_outputs', {
  id: uuid('id').primaryKey().defaultRandom(),
  loanId: uuid('loan_id').notNull(),
  kind: text('kind').$type<'report' | 'publication'>().notNull(),
  title: text('title').notNull(),
  doi: text('doi'),
  summary: text('summary'),
  dutyId: uuid('duty_id').references(() => borrowerDuties.id),
  filedBy: text('filed_by').notNull(),
  filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const researchOutputSamples = pgTable(
  'research_output_samples',
  {
    outputId: uuid('output_id')
      .notNull()
      .references(() => researchOutputs.id),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
  },
  (t) => [primaryKey({ columns: [t.outputId, t.sampleId] })],
);

export const auditSamples = pgTable('audit_samples', {
  id: uuid('id').primaryKey().defaultRandom(),
  seed: text('seed').notNull(),
  size: integer('size').notNull(),
  population: integer('population').notNull(),
  drawnBy: text('drawn_by').notNull(),
  drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
});

export const auditSampleItems = pgTable(
  'audit_sample_items',
  {
    auditSampleId: uuid('audit_sample_id')
      .notNull()
      .references(() => auditSamples.id),
    position: integer('position').notNull(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    loanId: uuid('loan_id'),
    holder: text('holder').notNull(),
  },
  (t) => [primaryKey({ columns: [t.auditSampleId, t.position] })],
);

/**
 * Migration 0019: which collections each loan draws on, kept by a trigger on loan items, so that a
 * curator's loans are one join on (collection, loan) rather than a look at every item's sample.
 */
export const loanCollections = pgTable(
  'loan_collections',
  {
    collectionId: uuid('collection_id').notNull(),
    loanId: uuid('loan_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.loanId] }), index('loan_collections_loan_idx').on(t.loanId)],
);
