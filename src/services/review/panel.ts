import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/connection.js';
import { applications, panelEntries, panelResults, reviewRounds } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Recommendation } from '../../domain/review/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { computeRoundCalibration } from './calibrate-round.js';
import { loadManagedRound, loadReadableRound } from './review-access.js';

export interface PanelEntryInput {
  consensus: Recommendation | null;
  reasons: string;
  discussion: string;
}

async function frozenResult(db: DbOrTx, roundId: string) {
  const [row] = await db.select().from(panelResults).where(eq(panelResults.roundId, roundId));
  return row;
}

/** The panel's discussion and consensus per proposal, and its frozen result once there is one. */
export async function getPanel(db: Db, actor: Actor, roundId: string) {
  authorize(actor, 'review.read');
  const { round } = await loadReadableRound(db, actor, roundId);
  const entries = await db.select().from(panelEntries).where(eq(panelEntries.roundId, round.id));
  const frozen = await frozenResult(db, round.id);
  return {
    entries: entries.map((e) => ({
      applicationId: e.applicationId,
      consensus: e.consensus,
      reasons: e.reasons,
      discussion: e.discussion,
    })),
    frozen: frozen
      ? { frozenAt: frozen.frozenAt.toISOString(), frozenBy: frozen.frozenBy, sha256: frozen.sha256, result: frozen.result }
      : null,
  };
}

/** The officer records the panel's consensus on one proposal (select / conditional / reject, with reasons). */
export async function recordPanelEntry(db: Db, actor: Actor, roundId: string, applicationId: string, input: PanelEntryInput) {
  authorize(actor, 'review.manage');
  if (input.consensus && input.reasons.trim().length === 0) {
    throw new AppError('VALIDATION_FAILED', 'A consensus needs its reasons.', [
      { field: 'reasons', code: 'VALIDATION_FAILED', message: 'Say why the panel recommends this.' },
    ]);
  }
  return db.transaction(async (tx) => {
    const { round } = await loadManagedRound(tx, actor, roundId);
    if (await frozenResult(tx, round.id)) throw new AppError('CONFLICT', 'The panel’s result is frozen.');
    const [application] = await tx
      .select({ id: applications.id, callId: applications.callId })
      .from(applications)
      .where(eq(applications.id, applicationId));
    if (!application || application.callId !== round.callId)
      throw new AppError('NOT_FOUND', `No proposal "${applicationId}" in this round.`);
    const values = {
      consensus: input.consensus,
      reasons: input.reasons.trim(),
      discussion: input.discussion,
      updatedBy: actor.label,
      updatedAt: sql`now()`,
    };
    const [row] = await tx
      .insert(panelEntries)
      .values({ roundId: round.id, applicationId, ...values })
      .onConflictDoUpdate({ target: [panelEntries.roundId, panelEntries.applicationId], set: values })
      .returning();
    await recordAudit(tx, actor, {
      action: 'panel.entry_recorded',
      subjectType: 'review_round',
      subjectId: round.id,
      details: { applicationId, consensus: input.consensus },
    });
    return { applicationId: row!.applicationId, consensus: row!.consensus, reasons: row!.reasons, discussion: row!.discussion };
  });
}

/**
 * Freezes the panel's result: the ranking (raw and calibrated with intervals) and the consensus of
 * every proposal, hashed and stored once; the database refuses any later change. Every proposal
 * needs a consensus first. The round closes; selection reads this record.
 */
export async function freezePanel(db: Db, actor: Actor, roundId: string) {
  authorize(actor, 'review.manage');
  return db.transaction(async (tx) => {
    const { round } = await loadManagedRound(tx, actor, roundId);
    await tx.execute(sql`select id from review_rounds where id = ${round.id} for update`);
    if (await frozenResult(tx, round.id)) throw new AppError('CONFLICT', 'The panel’s result is already frozen.');
    const calibration = await computeRoundCalibration(tx, round);
    const entries = new Map(
      (await tx.select().from(panelEntries).where(eq(panelEntries.roundId, round.id))).map((e) => [e.applicationId, e]),
    );
    const missing = calibration.proposals.filter((p) => !entries.get(p.applicationId)?.consensus);
    if (missing.length) {
      throw new AppError(
        'CONFLICT',
        `${missing.length} proposal(s) have no consensus yet.`,
        missing.map((p) => ({
          field: `consensus.${p.applicationId}`,
          code: 'CONFLICT' as const,
          message: `“${p.title}” has no consensus.`,
        })),
      );
    }
    const result = {
      roundId: round.id,
      callId: round.callId,
      stage: round.stage,
      warnings: calibration.warnings,
      ranking: calibration.proposals.map((p) => {
        const e = entries.get(p.applicationId)!;
        return { ...p, consensus: e.consensus, reasons: e.reasons };
      }),
      experts: calibration.experts,
    };
    const sha256 = createHash('sha256').update(JSON.stringify(result)).digest('hex');
    const [row] = await tx.insert(panelResults).values({ roundId: round.id, result, sha256, frozenBy: actor.label }).returning();
    await tx.update(reviewRounds).set({ status: 'closed', updatedAt: sql`now()` }).where(eq(reviewRounds.id, round.id));
    await recordAudit(tx, actor, {
      action: 'panel.frozen',
      subjectType: 'review_round',
      subjectId: round.id,
      details: { sha256, proposals: result.ranking.length },
    });
    return { frozenAt: row!.frozenAt.toISOString(), frozenBy: row!.frozenBy, sha256, result };
  });
}
