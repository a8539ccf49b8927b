import type { Db } from '../../db/connection.js';
import { deliverOutbox, type Mailer } from './deliver-outbox.js';

export interface MailSender {
  /** Deliver soon (coalesces bursts into one run). */
  poke(): void;
  stop(): Promise<void>;
}

/**
 * Delivers the outbox in the background: right after a change that wrote mail, and every minute for
 * retries. Only one run at a time; a run in flight finishes before stop() returns.
 */
export function startMailSender(db: Db, mailer: Mailer, onError: (error: unknown) => void): MailSender {
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = deliverOutbox(db, mailer)
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, 60_000);
  timer.unref();
  return {
    poke: run,
    stop: async () => {
      clearInterval(timer);
      again = false;
      await running;
    },
  };
}
