import { and, eq, sql } from 'drizzle-orm';
import { ApplicationDocument } from '../../contracts/application-document.js';
import type { Db } from '../../db/connection.js';
import { applications } from '../../db/schema.js';
import type { ApplicationStage } from '../../domain/calls/vocabulary.js';
import { submissionWindow } from '../../domain/calls/window.js';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { windowInput } from '../calls/present-call.js';
import { isEditable, loadOwnApplication } from './application-access.js';

/** Parses a draft document: its shape must hold (types, bounds), but it may be incomplete. */
export function parseDraftDocument(document: unknown): ApplicationDocument {
  const parsed = ApplicationDocument.safeParse(document ?? {});
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
    field: ['document', ...i.path.map(String)].join('.'),
    code: 'VALIDATION_FAILED',
    message: i.message,
  }));
  throw AppError.fromIssues(issues);
}

/**
 * Saves the draft as the applicant types (the UI calls this every few seconds). Optimistic
 * concurrency: the write names the revision it started from and fails with CONFLICT when another
 * tab saved in between. Deliberately NOT audited: a row per keystroke would drown the audit log;
 * submissions freeze the content in application_versions and are audited there.
 */
export async function saveDraft(db: Db, actor: Actor, id: string, input: { document: unknown; baseRevision: number }) {
  authorize(actor, 'applications.write');
  const document = parseDraftDocument(input.document);
  const { application, call } = await loadOwnApplication(db, actor, id);
  if (!isEditable(application.status))
    throw new AppError(
      'CONFLICT',
      `This application is ${application.status.replace('_', ' ')}; its draft can no longer change.`,
    );
  const window = submissionWindow(windowInput(call), application.stage as ApplicationStage, new Date());
  if (!window.open) throw new AppError('CONFLICT', `${window.reason ?? 'The call is closed.'} The draft can no longer change.`);
  const [saved] = await db
    .update(applications)
    .set({ draft: document, title: document.title, draftRevision: sql`${applications.draftRevision} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(applications.id, application.id),
        eq(applications.draftRevision, input.baseRevision),
        sql`${applications.status} in ('draft', 'submitted')`,
      ),
    )
    .returning({ draftRevision: applications.draftRevision, updatedAt: applications.updatedAt });
  if (!saved) {
    const [now] = await db
      .select({ draftRevision: applications.draftRevision, status: applications.status })
      .from(applications)
      .where(eq(applications.id, application.id));
    throw new AppError(
      'CONFLICT',
      `The draft was saved elsewhere meanwhile: its current revision is ${now?.draftRevision}, not ${input.baseRevision}. Reload it before saving.`,
      [{ field: 'baseRevision', code: 'CONFLICT', message: `The current revision is ${now?.draftRevision}.` }],
    );
  }
  return { id: application.id, draftRevision: saved.draftRevision, savedAt: saved.updatedAt.toISOString() };
}
