import { and, asc, eq, isNull, lt, notInArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/connection.js';
import { outbox, outboxAttachments } from '../../db/schema.js';

export interface Mailer {
  send(message: {
    to: string;
    subject: string;
    text: string;
    attachments?: { filename: string; contentType: string; content: Buffer }[];
  }): Promise<void>;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (m) => {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments });
    },
  };
}

const MAX_ATTEMPTS = 8;

/**
 * Sends what the outbox holds unsent, oldest first. Each message is claimed with SKIP LOCKED so two
 * server processes never send one twice; a failure is recorded and retried on the next run.
 */
export async function deliverOutbox(db: Db, mailer: Mailer, limit = 50): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  // A message that fails is tried again on a later run, not again and again in this one.
  const tried: string[] = [];
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(outbox)
        .where(
          and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS), tried.length ? notInArray(outbox.id, tried) : undefined),
        )
        .orderBy(asc(outbox.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!message) return 'empty' as const;
      tried.push(message.id);
      try {
        const attachments = await tx
          .select({
            filename: outboxAttachments.filename,
            contentType: outboxAttachments.contentType,
            content: outboxAttachments.content,
          })
          .from(outboxAttachments)
          .where(eq(outboxAttachments.outboxId, message.id))
          .orderBy(asc(outboxAttachments.filename));
        await mailer.send({
          to: message.toAddress,
          subject: message.subject,
          text: message.body,
          ...(attachments.length ? { attachments } : {}),
        });
        await tx
          .update(outbox)
          .set({ sentAt: new Date(), attempts: sql`${outbox.attempts} + 1`, lastError: null })
          .where(eq(outbox.id, message.id));
        return 'sent' as const;
      } catch (error) {
        await tx
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error instanceof Error ? error.message : String(error) })
          .where(eq(outbox.id, message.id));
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'sent') sent++;
    else failed++;
  }
  return { sent, failed };
}
