import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import { type Actor, anonymous } from '../services/actor.js';

export interface AppContext {
  database: Database;
  version: string;
  /** Base URL for links in e-mails. */
  publicUrl?: string;
  /** Asks for a run of the outbox delivery job now (a no-op on a server without SMTP). */
  onOutboxChanged?: () => void;
}

/** The actor behind a request, as the authentication hook resolved it. */
export function actorOf(request: FastifyRequest): Actor {
  return request.actor ?? anonymous(request.ip);
}
