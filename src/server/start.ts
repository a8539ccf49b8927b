import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { type Database, openPostgres } from '../db/connection.js';
import { openEmbeddedFromImage } from '../db/initial-image.js';
import { migrate } from '../db/migrate.js';
import { smtpMailer } from '../services/email/deliver-outbox.js';
import { type MailSender, startMailSender } from '../services/email/mail-sender.js';
import { seedIfEmpty } from '../services/seed/load-seed.js';
import { VERSION } from '../version.js';
import { buildApp } from './app.js';
import { startCallCloser } from './call-closer.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, applies migrations, loads the demo data into an empty one, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database: Database & { createdFromImage?: boolean } = config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, config.DB_POOL_SIZE)
    : // The image carries the demo calls (synthetic applications): not for production.
      await openEmbeddedFromImage(config.DATA_DIR, config.SEED_ON_EMPTY && config.NODE_ENV !== 'production');
  try {
    await migrate(database);
    if (config.SEED_ON_EMPTY)
      await seedIfEmpty(database.db, { environment: config.NODE_ENV, firstStart: database.createdFromImage });
    // Without SMTP_URL, mail stays in the outbox, where administrators read it.
    let sender: MailSender | undefined;
    const ctx = { database, version: VERSION, publicUrl: config.PUBLIC_URL, onOutboxChanged: () => sender?.poke() };
    const app = await buildApp(ctx, {
      logLevel: config.LOG_LEVEL,
      bodyLimit: config.BODY_LIMIT_BYTES,
      validateResponses: config.VALIDATE_RESPONSES,
    });
    if (config.SMTP_URL) {
      sender = startMailSender(database.db, smtpMailer(config.SMTP_URL, config.MAIL_FROM), (error) =>
        app.log.error({ err: error }, 'mail delivery failed'),
      );
      sender.poke();
    }
    const closer = startCallCloser(database.db, app.log);
    const url = await app.listen({ port: config.PORT, host: config.HOST });
    if (config.PUBLIC_URL_DEFAULTED && config.PORT === 0) ctx.publicUrl = `http://localhost:${new URL(url).port}`;
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await closer.stop();
      await sender?.stop();
      await app.close();
      await database.close();
    };
    return { app, database, url, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}
