import { SYSTEM } from '../actor.js';
import { sendAgreementReminders } from '../agreements/send-agreement-reminders.js';
import { closeExpiredCalls } from '../calls/close-expired-calls.js';
import { remindBorrowerDuties } from '../custody/remind-borrower-duties.js';
import { deliverOutbox, type Mailer } from '../email/deliver-outbox.js';
import { sendReviewReminders } from '../review/send-review-reminders.js';
import { STATION_SEED_JOB, seedDemoStation } from '../seed/demo-station.js';
import { requestRunSoon } from './enqueue-job.js';
import { duty, type JobDefinition, task } from './job-definitions.js';
import { purgeFinishedJobs } from './purge-finished-jobs.js';

/** The kind that sends the outbox; the server asks for a run of it whenever it writes mail. */
export const DELIVER_OUTBOX = 'outbox.deliver';

const OUTBOX_BATCH = 50;

/**
 * Every job the servers run, one line each: a recurring duty is `duty(kind, everySeconds, handler)`,
 * and it runs once per period across all servers on the database. Mail delivery is a duty only
 * where SMTP is configured; without it, mail stays in the outbox for administrators to read.
 */
export function systemJobs(options: { mailer?: Mailer; publicUrl?: string }): JobDefinition[] {
  const { mailer } = options;
  return [
    duty('calls.close-expired', 60, async ({ db }) => ({
      closed: await closeExpiredCalls(db, { ...SYSTEM, label: 'system:deadline' }),
    })),
    ...(mailer ? [duty(DELIVER_OUTBOX, 60, ({ db }) => deliverOutboxBatch(db, mailer))] : []),
    duty('reviews.remind', 3600, ({ db }) =>
      sendReviewReminders(db, { ...SYSTEM, label: 'system:reminders' }, { base: options.publicUrl ?? '' }),
    ),
    duty('agreements.remind', 3600, ({ db }) =>
      sendAgreementReminders(db, { ...SYSTEM, label: 'system:reminders' }, { base: options.publicUrl ?? '' }),
    ),
    duty('custody.borrower-duties', 3600, ({ db }) =>
      remindBorrowerDuties(db, { ...SYSTEM, label: 'system:reminders' }, { base: options.publicUrl ?? '' }),
    ),
    duty('jobs.purge-finished', 3600, ({ db }) => purgeFinishedJobs(db, { ...SYSTEM, label: 'system:jobs' })),
    task(STATION_SEED_JOB, ({ db }) => seedDemoStation(db), { maxAttempts: 3 }),
  ];
}

/** One batch of mail; when the batch was full and mail went out, another run follows at once. */
async function deliverOutboxBatch(db: Parameters<typeof deliverOutbox>[0], mailer: Mailer) {
  const outcome = await deliverOutbox(db, mailer, OUTBOX_BATCH);
  if (outcome.sent > 0 && outcome.sent + outcome.failed >= OUTBOX_BATCH) await requestRunSoon(db, DELIVER_OUTBOX);
  return outcome;
}
