import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { type Database, openPostgres } from '../db/connection.js';
import { openEmbeddedFromImage } from '../db/initial-image.js';
import { migrate } from '../db/migrate.js';
import { DEFAULT_HASHING_LIMITS } from '../services/accounts/secrets.js';
import { smtpMailer } from '../services/email/deliver-outbox.js';
import type { JobDefinition } from '../services/jobs/job-definitions.js';
import { DELIVER_OUTBOX, systemJobs } from '../services/jobs/system-duties.js';
import { seedIfEmpty } from '../services/seed/load-seed.js';
import { VERSION } from '../version.js';
import { buildApp } from './app.js';
import { type JobRunner, type JobRunnerOptions, startJobRunner } from './job-runner.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** This server's job loop (scheduled duties, mail). */
  jobs: JobRunner;
  stop(): Promise<void>;
}

/** Tuning of the job runner (tests shorten periods and leases; servers use the defaults). */
export interface JobTuning extends Partial<Pick<JobRunnerOptions, 'workerId' | 'pollMs' | 'leaseSeconds'>> {
  definitions?: (defaults: JobDefinition[]) => JobDefinition[];
}

/**
 * Opens the database, applies migrations, loads the demo data into an empty one, and listens.
 * Scheduled duties and mail delivery run as jobs in the database (see job-runner.ts), so any number
 * of servers may share one PostgreSQL.
 */
export async function startServer(config: Config, options: { jobs?: JobTuning } = {}): Promise<RunningServer> {
  const database: Database & { createdFromImage?: boolean } = config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, config.DB_POOL_SIZE)
    : // The image carries the demo calls (synthetic applications): not for production.
      await openEmbeddedFromImage(config.DATA_DIR, config.SEED_ON_EMPTY && config.NODE_ENV !== 'production');
  try {
    await migrate(database);
    if (config.SEED_ON_EMPTY) await seedIfEmpty(database.db, { environment: config.NODE_ENV });
    let runner: JobRunner | undefined;
    const ctx = { database, version: VERSION, publicUrl: config.PUBLIC_URL, onOutboxChanged: () => runner?.poke(DELIVER_OUTBOX) };
    const app = await buildApp(ctx, {
      logLevel: config.LOG_LEVEL,
      bodyLimit: config.BODY_LIMIT_BYTES,
      validateResponses: config.VALIDATE_RESPONSES,
      trustProxy: config.TRUST_PROXY,
      passwordHashing: hashingLimits(config),
      timeouts: {
        connectionMs: config.CONNECTION_TIMEOUT_MS,
        requestMs: config.REQUEST_TIMEOUT_MS,
        keepAliveMs: config.KEEP_ALIVE_TIMEOUT_MS,
      },
    });
    const url = await app.listen({ port: config.PORT, host: config.HOST });
    // Without SMTP_URL, mail stays in the outbox, where administrators read it.
    const defaults = systemJobs({
      mailer: config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : undefined,
      publicUrl: config.PUBLIC_URL,
    });
    const { definitions, ...tuning } = options.jobs ?? {};
    const jobs = startJobRunner(database.db, { ...tuning, definitions: definitions?.(defaults) ?? defaults, log: app.log });
    runner = jobs;
    if (config.PUBLIC_URL_DEFAULTED && config.PORT === 0) ctx.publicUrl = `http://localhost:${new URL(url).port}`;
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await jobs.stop();
      await app.close();
      await database.close();
    };
    return { app, database, url, jobs, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function hashingLimits(config: Config) {
  return {
    concurrency: config.PASSWORD_HASHING_CONCURRENCY ?? DEFAULT_HASHING_LIMITS.concurrency,
    queue: config.PASSWORD_HASHING_QUEUE ?? DEFAULT_HASHING_LIMITS.queue,
  };
}
