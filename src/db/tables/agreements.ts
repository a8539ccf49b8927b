import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementLanguage,
  type AgreementStatus,
  CUSTODIAN_KINDS,
  type CustodianKind,
  LOAN_STATUSES,
  type LoanStatus,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  type MilestoneKind,
  type MilestoneStatus,
  PARTY_ROLES,
  type PartyRole,
  SIGNATURE_METHODS,
  type SignatureMethod,
} from '../../domain/agreements/vocabulary.js';
import { institutions, programs } from '../schema.js';
import { accounts } from './accounts.js';
import { calls } from './calls.js';
import { samples } from './custody.js';
import { sampleAllocations, selectionDecisions } from './selection.js';
import { inList } from './sql-helpers.js';

// Mirrors migration 0016, where the triggers live: signatures only while awaiting signatures and for
// the document's exact hash; no open loan without a sample-loan agreement in force with its borrower
// (checked at commit); exactly one current custodian per sample.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** Per call: how long loans run and how many working days partners have to sign. */
export const agreementSettings = pgTable(
  'agreement_settings',
  {
    callId: uuid('call_id')
      .primaryKey()
      .references(() => calls.id),
    loanDurationMonths: integer('loan_duration_months').notNull().default(60),
    signatureWorkingDays: integer('signature_working_days').notNull().default(10),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('agreement_settings_duration', sql`${t.loanDurationMonths} between 1 and 600`),
    check('agreement_settings_working_days', sql`${t.signatureWorkingDays} between 1 and 250`),
  ],
);

/** One version of an agreement; an amendment is a new version of the same series. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seriesId: uuid('series_id').notNull(),
    version: integer('version').notNull().default(1),
    supersedesId: uuid('supersedes_id').references((): any => agreements.id),
    reference: text('reference').notNull(),
    kind: text('kind').$type<AgreementKind>().notNull(),
    /** The program whose officers manage it (a gift outside any call still has one). */
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    callId: uuid('call_id').references(() => calls.id),
    decisionId: uuid('decision_id').references(() => selectionDecisions.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    title: text('title').notNull(),
    status: text('status').$type<AgreementStatus>().notNull().default('draft'),
    terms: jsonb('terms').$type<Record<string, unknown>>().notNull().default({}),
    languages: text('languages').array().$type<AgreementLanguage[]>().notNull().default(sql`'{en,zh}'`),
    documentPdf: bytea('document_pdf'),
    documentSha256: text('document_sha256'),
    durationMonths: integer('duration_months'),
    signatureDeadline: timestamp('signature_deadline', { withTimezone: true }),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    inForceAt: timestamp('in_force_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedReason: text('closed_reason'),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agreements_series_version_key').on(t.seriesId, t.version),
    uniqueIndex('agreements_reference_version_key').on(t.reference, t.version),
    uniqueIndex('agreements_one_pending_version').on(t.seriesId).where(sql`status in ('draft', 'awaiting_signatures')`),
    uniqueIndex('agreements_one_in_force_version').on(t.seriesId).where(sql`status = 'in_force'`),
    index('agreements_call_idx').on(t.callId),
    index('agreements_program_idx').on(t.programId, t.status),
    index('agreements_institution_idx').on(t.institutionId, t.status),
    check('agreements_kind', inList('kind', AGREEMENT_KINDS)),
    check('agreements_status', inList('status', AGREEMENT_STATUSES)),
  ],
);

/** A party to an agreement and the person who signs for it. */
export const agreementSignatories = pgTable(
  'agreement_signatories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    position: integer('position').notNull(),
    partyRole: text('party_role').$type<PartyRole>().notNull(),
    partyName: text('party_name').notNull(),
    institutionId: uuid('institution_id').references(() => institutions.id),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title'),
    email: text('email').notNull(),
  },
  (t) => [
    uniqueIndex('agreement_signatories_position_key').on(t.agreementId, t.position),
    check('agreement_signatories_role', inList('party_role', PARTY_ROLES)),
  ],
);

/** A signature, never changed: on site with the scanned copy, or remote confirming the hash. */
export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    signatoryId: uuid('signatory_id')
      .notNull()
      .references(() => agreementSignatories.id),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    method: text('method').$type<SignatureMethod>().notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    place: text('place'),
    recordedBy: text('recorded_by').notNull(),
    scanFilename: text('scan_filename'),
    scanPdf: bytea('scan_pdf'),
    scanSha256: text('scan_sha256'),
    accountId: uuid('account_id').references(() => accounts.id),
    confirmedSha256: text('confirmed_sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agreement_signatures_signatory_key').on(t.signatoryId),
    index('agreement_signatures_agreement_idx').on(t.agreementId),
    check('agreement_signatures_method', inList('method', SIGNATURE_METHODS)),
  ],
);

/** Payload cooperation milestones: ICD, flight-model delivery, integration, launch, data delivery. */
export const payloadMilestones = pgTable(
  'payload_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    kind: text('kind').$type<MilestoneKind>().notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    owner: text('owner').notNull(),
    status: text('status').$type<MilestoneStatus>().notNull().default('planned'),
    doneOn: date('done_on'),
    note: text('note'),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payload_milestones_agreement_idx').on(t.agreementId, t.dueOn),
    check('payload_milestones_kind', inList('kind', MILESTONE_KINDS)),
    check('payload_milestones_status', inList('status', MILESTONE_STATUSES)),
  ],
);

/** A loan of subsamples under a sample-loan agreement in force (the database refuses otherwise). */
export const loans = pgTable(
  'loans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    borrowerInstitutionId: uuid('borrower_institution_id')
      .notNull()
      .references(() => institutions.id),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<LoanStatus>().notNull().default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    openedBy: text('opened_by').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
  },
  (t) => [
    uniqueIndex('loans_reference_key').on(t.reference),
    index('loans_agreement_idx').on(t.agreementId),
    index('loans_borrower_idx').on(t.borrowerInstitutionId, t.status),
    check('loans_status', inList('status', LOAN_STATUSES)),
  ],
);

/** A subsample lent under a loan, with the mass allocated to it (µg) and the allocation it draws on. */
export const loanItems = pgTable(
  'loan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    loanId: uuid('loan_id')
      .notNull()
      .references(() => loans.id),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    allocationId: uuid('allocation_id').references(() => sampleAllocations.id),
    allocatedMassUg: bigint('allocated_mass_ug', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('loan_items_loan_sample_key').on(t.loanId, t.sampleId),
    index('loan_items_sample_idx').on(t.sampleId),
    check('loan_items_mass', sql`${t.allocatedMassUg} > 0`),
  ],
);

/**
 * Custody periods of a sample; the open one (`until` null) is its current custodian. Exactly one
 * is open per sample (partial unique index + a commit-time trigger); a new sample opens with the
 * agency's curation. To hand a sample over, close the current period and insert the next one in the
 * same transaction.
 */
export const sampleCustodians = pgTable(
  'sample_custodians',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    custodianKind: text('custodian_kind').$type<CustodianKind>().notNull(),
    holder: text('holder').notNull(),
    institutionId: uuid('institution_id').references(() => institutions.id),
    loanId: uuid('loan_id').references(() => loans.id),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
    until: timestamp('until', { withTimezone: true }),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    uniqueIndex('sample_custodians_one_current').on(t.sampleId).where(sql`"until" is null`),
    check('sample_custodians_kind', inList('custodian_kind', CUSTODIAN_KINDS)),
  ],
);
