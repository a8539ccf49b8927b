import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { type DbOrTx, queryRows } from '../../src/db/connection.js';

/** Sign-in, mail and audit helpers over an app and its database, for the account tests. */
export function authClient(app: FastifyInstance, db: DbOrTx) {
  const call = (opts: InjectOptions) => app.inject(opts);
  return {
    call,
    /** `remoteAddress` is the socket's peer: the client as the server sees it without a trusted proxy. */
    signIn: (email: string, password: string, extra: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
      call({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, ...extra }),
    async mailsTo(to: string): Promise<{ subject: string; body: string; template: string }[]> {
      return queryRows(
        db,
        sql`select subject, body, template from outbox where lower(to_address) = lower(${to}) order by created_at, id`,
      );
    },
    async lastMailTo(to: string): Promise<{ subject: string; body: string; template: string }> {
      const rows = await queryRows<{ subject: string; body: string; template: string }>(
        db,
        sql`select subject, body, template from outbox where lower(to_address) = lower(${to}) order by created_at desc limit 1`,
      );
      expect(rows[0], `no mail to ${to}`).toBeDefined();
      return rows[0]!;
    },
    async auditRows(action: string, subjectId: string): Promise<{ address: string | null; details: Record<string, unknown> }[]> {
      return queryRows(
        db,
        sql`select address, details from audit_log where action = ${action} and subject_id = ${subjectId} order by id`,
      );
    },
  };
}

export const tokenIn = (body: string) => /token=([\w-]+)/.exec(body)?.[1] ?? '';
export const sessionCookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'osid')?.value;
