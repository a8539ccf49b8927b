import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applications, decisionLetters, selectionDecisions } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadReadableApplication } from '../applications/application-access.js';
import { loadSelectionCall } from '../selection/selection-access.js';

const summary = {
  locale: decisionLetters.locale,
  filename: decisionLetters.filename,
  sha256: decisionLetters.sha256,
  createdAt: decisionLetters.createdAt,
};

/** The letters of one application, for its owner or the staff of its program (anyone else: NOT_FOUND). */
export async function listApplicationLetters(db: Db, actor: Actor, applicationId: string) {
  authorize(actor, 'applications.read');
  const { application } = await loadReadableApplication(db, actor, applicationId);
  const rows = await db
    .select({ ...summary, outcome: selectionDecisions.outcome })
    .from(decisionLetters)
    .innerJoin(selectionDecisions, eq(selectionDecisions.id, decisionLetters.decisionId))
    .where(eq(decisionLetters.applicationId, application.id))
    .orderBy(decisionLetters.locale);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** One letter's PDF, under the same rule as the application it belongs to. */
export async function downloadDecisionLetter(db: Db, actor: Actor, applicationId: string, locale: string) {
  authorize(actor, 'applications.read');
  const { application } = await loadReadableApplication(db, actor, applicationId);
  const [row] = await db
    .select()
    .from(decisionLetters)
    .where(and(eq(decisionLetters.applicationId, application.id), eq(decisionLetters.locale, locale)));
  if (!row) throw new AppError('NOT_FOUND', `No ${locale} decision letter for this application.`);
  return { filename: row.filename, sha256: row.sha256, content: row.content };
}

/** Every decision of a call with its letters, for the call's officers and officials. */
export async function listCallLetters(db: Db, actor: Actor, callId: string) {
  authorize(actor, 'selection.read');
  const call = await loadSelectionCall(db, actor, callId);
  const decisions = await db
    .select({ applicationId: applications.id, title: applications.title, outcome: selectionDecisions.outcome })
    .from(selectionDecisions)
    .innerJoin(applications, eq(applications.id, selectionDecisions.applicationId))
    .where(eq(selectionDecisions.callId, call.id))
    .orderBy(applications.title, applications.id);
  const letters = await db
    .select({ applicationId: decisionLetters.applicationId, ...summary })
    .from(decisionLetters)
    .where(eq(decisionLetters.callId, call.id));
  return {
    callId: call.id,
    status: call.status,
    decisions: decisions.map((d) => ({
      ...d,
      letters: letters
        .filter((l) => l.applicationId === d.applicationId)
        .map((l) => ({ locale: l.locale, filename: l.filename, sha256: l.sha256, createdAt: l.createdAt.toISOString() }))
        .sort((a, b) => a.locale.localeCompare(b.locale)),
    })),
  };
}
