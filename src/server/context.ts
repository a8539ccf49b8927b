import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.js';
import type { Actor } from '../services/actor.js';

export interface AppContext {
  database: Database;
  version: string;
}

/** The actor behind a request; anonymous until accounts exist. */
export function actorOf(request: FastifyRequest): Actor {
  return { kind: 'anonymous', label: 'anonymous', address: request.ip };
}
