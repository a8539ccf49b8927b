import { sql } from 'drizzle-orm';
import { check, customType, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, outbox } from './accounts.js';
import { applications, calls } from './calls.js';
import { selectionDecisions } from './selection.js';

/** Mirrors migration 0015. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/** A decision letter, one per decision and language; frozen (a trigger refuses UPDATE and DELETE). */
export const decisionLetters = pgTable(
  'decision_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => selectionDecisions.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    locale: text('locale').notNull(),
    filename: text('filename').notNull(),
    content: bytea('content').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('decision_letters_decision_locale_key').on(t.decisionId, t.locale),
    index('decision_letters_application_idx').on(t.applicationId),
    index('decision_letters_call_idx').on(t.callId),
    check('decision_letters_locale', sql`${t.locale} in ('en', 'zh')`),
  ],
);

/** Files sent with an outbox message (a decision letter's PDF). */
export const outboxAttachments = pgTable(
  'outbox_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outboxId: uuid('outbox_id')
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [index('outbox_attachments_outbox_idx').on(t.outboxId)],
);

/** A person's calendar feed: the SHA-256 of the secret in its URL; rotating replaces it. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id),
    tokenSha256: text('token_sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_key').on(t.tokenSha256)],
);
