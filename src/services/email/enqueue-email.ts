import type { DbOrTx } from '../../db/connection.js';
import { outbox, outboxAttachments } from '../../db/schema.js';
import type { Locale } from '../../domain/accounts/roles.js';
import { renderTemplate, type TemplateName } from '../../domain/email/templates.js';

export interface EmailRequest {
  to: string;
  template: TemplateName;
  locale: Locale;
  name: string;
  link: string;
  hours: number;
  /** submission_receipt only. */
  callTitle?: string;
  version?: number;
  at?: string;
  /** review_* only. */
  deadline?: string;
  count?: number;
  /** password_changed only. */
  tokensRevoked?: number;
  /** Files sent with the message (a decision letter's PDF). */
  attachments?: { filename: string; contentType: string; content: Buffer }[];
  /** duty_* only. */
  loanReference?: string;
  dutyKind?: string;
}

/**
 * Writes the message to the outbox inside the caller's transaction: it exists exactly when the
 * change that caused it does. Delivery (SMTP, when configured) happens after commit; without SMTP
 * administrators read the outbox in the UI, so no message is lost either way.
 */
export async function enqueueEmail(tx: DbOrTx, request: EmailRequest): Promise<void> {
  const { subject, body } = renderTemplate(request.template, request.locale, request);
  const [row] = await tx
    .insert(outbox)
    .values({ toAddress: request.to, subject, body, template: request.template, locale: request.locale })
    .returning({ id: outbox.id });
  if (request.attachments?.length)
    await tx.insert(outboxAttachments).values(request.attachments.map((a) => ({ outboxId: row!.id, ...a })));
}
