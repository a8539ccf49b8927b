import { z } from 'zod';
import { JOB_STATUSES } from '../domain/jobs/schedule.js';
import { Timestamp } from './common.js';

export const JobRun = z.object({
  id: z.number().int(),
  kind: z.string().describe('What the job does, e.g. calls.close-expired.'),
  key: z
    .string()
    .nullable()
    .describe('For a scheduled duty, the start of the period this run is for; otherwise the dedupe key, if any.'),
  status: z.enum(JOB_STATUSES).describe('queued → running → done; back to queued to retry; failed once out of attempts.'),
  runAt: Timestamp.describe('Due from (a retry waits its back-off).'),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable().describe('Why the last attempt failed (also kept when a retry then succeeded).'),
  lockedBy: z.string().nullable().describe('The server running it now, or that ran it last.'),
  lockedUntil: Timestamp.nullable().describe('Its lease: past this, another server takes it over.'),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  summary: z.string().nullable().describe('What the run reported, shortened (e.g. the calls it closed).'),
});

export const DutySchedule = z.object({
  kind: z.string(),
  everySeconds: z.number().int(),
  declaredBy: z.string().describe('The server that last declared this duty.'),
  declaredAt: Timestamp,
  lastRun: JobRun.nullable(),
  nextRunAt: Timestamp.describe('When the next period starts (now, if the current period has not been scheduled yet).'),
});

export const JobsOverview = z.object({
  now: Timestamp.describe('The database clock, which every server shares.'),
  duties: z.array(DutySchedule),
  pending: z.array(JobRun).describe('Waiting or running, soonest first.'),
  recent: z.array(JobRun).describe('Finished runs, newest first.'),
  failures: z.array(JobRun).describe('Runs whose last attempt failed, newest first: retrying or given up.'),
});
