import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connection.js';
import { SYSTEM } from '../services/actor.js';
import { closeExpiredCalls } from '../services/calls/close-expired-calls.js';

/** Closes calls past their deadline at start and then every minute, while the server runs. */
export function startCallCloser(db: Db, log: FastifyBaseLogger): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running
      .then(() => closeExpiredCalls(db, { ...SYSTEM, label: 'system:deadline' }))
      .then((closed) => {
        if (closed.length > 0) log.info({ closed }, 'closed calls past their deadline');
      })
      .catch((error) => log.error({ err: error }, 'closing calls past their deadline failed'));
  };
  run();
  const timer = setInterval(run, 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
