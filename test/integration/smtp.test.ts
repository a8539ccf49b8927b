import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { requestPasswordReset } from '../../src/services/accounts/request-password-reset.js';
import { anonymous } from '../../src/services/actor.js';
import { deliverOutbox, smtpMailer } from '../../src/services/email/deliver-outbox.js';
import { seedActiveAccount } from '../support/accounts.js';
import { type TestDatabase, testDatabase } from '../support/db.js';

interface Received {
  from: string;
  to: string[];
  data: string;
}

let database: TestDatabase;
let server: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  database = await testDatabase();
  // A real SMTP server on loopback: the message goes over the wire as it would to a relay.
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.dispose();
});

describe('e-mail through SMTP', () => {
  it('delivers outbox messages to a real SMTP server and marks them sent', async () => {
    const person = await seedActiveAccount(database.db, [], { email: 'curator@ipgp.example' });
    await requestPasswordReset(database.db, anonymous('198.51.100.1'), person.email, { base: 'https://orbitshare.example' });
    const result = await deliverOutbox(
      database.db,
      smtpMailer(`smtp://127.0.0.1:${port}`, 'Orbitshare <no-reply@orbitshare.example>'),
    );
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['curator@ipgp.example']);
    expect(received[0]!.from).toBe('no-reply@orbitshare.example');
    expect(received[0]!.data).toContain('Subject: Reset your Orbitshare password');
    const rows = await queryRows<{ sent: boolean }>(database.db, sql`select sent_at is not null as sent from outbox`);
    expect(rows).toEqual([{ sent: true }]);
    // Nothing is sent twice.
    expect(await deliverOutbox(database.db, smtpMailer(`smtp://127.0.0.1:${port}`, 'x@y.z'))).toEqual({ sent: 0, failed: 0 });
  });

  it('keeps a message that could not be delivered, with the reason, for the next run', async () => {
    const person = await seedActiveAccount(database.db, [], { email: 'reviewer@osaka.example' });
    await requestPasswordReset(database.db, anonymous('198.51.100.2'), person.email, { base: 'https://orbitshare.example' });
    const unreachable = smtpMailer('smtp://127.0.0.1:9', 'x@y.z');
    expect(await deliverOutbox(database.db, unreachable)).toEqual({ sent: 0, failed: 1 });
    const [row] = await queryRows<{ sent: boolean; attempts: number; last_error: string }>(
      database.db,
      sql`select sent_at is not null as sent, attempts, last_error from outbox where to_address = ${person.email}`,
    );
    expect(row).toMatchObject({ sent: false, attempts: 1 });
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(await deliverOutbox(database.db, smtpMailer(`smtp://127.0.0.1:${port}`, 'x@y.z'))).toEqual({ sent: 1, failed: 0 });
  });
});
