import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { loanItems, loans, sampleCustodians } from '../../db/schema.js';
import { readTerms } from '../../domain/agreements/terms.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { agreementNotFound, loadAgreementRow, readsAgreement } from '../agreements/agreement-access.js';
import { translateSignatureError } from '../agreements/translate-errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../calls/call-access.js';
import { splitSample } from '../custody/split-sample.js';

const startOfDay = (at: Date | string) => new Date(`${new Date(at).toISOString().slice(0, 10)}T00:00:00Z`);

export interface LoanItemInput {
  /** The parent (or subsample) to split the lent subsample from. */
  sampleId: string;
  massUg: number;
  /** The decision's sample allocation this subsample draws on. */
  allocationId?: string | null;
  container?: string | null;
}

export interface OpenLoanInput {
  agreementId: string;
  /** Defaults to the end of the agreement's period. */
  dueOn?: string;
  /** Who keeps the subsamples until they are shipped (the agency's curation). */
  custodian: string;
  items: LoanItemInput[];
  /**
   * A loan recorded after the fact (from the curation's paper records, or the demo's loans of
   * 2025): the day it opened, YYYY-MM-DD, which dates its yearly duties. Never in the future, never
   * before its agreement came into force. Defaults to now.
   */
  openedOn?: string;
}

/**
 * The curator prepares the subsamples of an allocation (each split from its parent with the split
 * service) and opens the loan under the sample-loan agreement in force, with its due date; the
 * subsamples stay in the agency's curation, under the loan, until shipped. One transaction: the
 * splits, the loan, its items, the custody periods and the audit rows stand or fall together.
 */
export async function openLoan(db: Db, actor: Actor, input: OpenLoanInput) {
  authorize(actor, 'loans.open');
  const issues = new IssueList();
  if (!input.items.length) issues.add('items', 'VALIDATION_FAILED', 'Prepare at least one subsample.');
  if (!input.custodian?.trim()) issues.add('custodian', 'VALIDATION_FAILED', 'Name who keeps the subsamples until shipment.');
  if (input.dueOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.dueOn))
    issues.add('dueOn', 'VALIDATION_FAILED', 'A due date is YYYY-MM-DD.');
  if (input.openedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.openedOn))
    issues.add('openedOn', 'VALIDATION_FAILED', 'An opening day is YYYY-MM-DD.');
  input.items.forEach((item, i) => {
    if (!Number.isSafeInteger(item.massUg) || item.massUg <= 0)
      issues.add(`items.${i}.massUg`, 'VALIDATION_FAILED', 'A mass is a whole, positive number of micrograms.');
  });
  issues.throwIfAny();
  return db
    .transaction(async (tx) => {
      const agreement = await loadAgreementRow(tx, input.agreementId, true);
      if (!agreement || !readsAgreement(actor, agreement)) throw agreementNotFound(input.agreementId);
      if (agreement.kind !== 'sample_loan' || agreement.status !== 'in_force')
        throw new AppError(
          'CONFLICT',
          `A loan opens under a sample-loan agreement in force; ${agreement.reference} is ${agreement.status.replaceAll('_', ' ')}.`,
        );
      const openedAt = input.openedOn ? new Date(`${input.openedOn}T12:00:00Z`) : undefined;
      if (openedAt && (openedAt.getTime() > Date.now() || (agreement.inForceAt && openedAt < startOfDay(agreement.inForceAt))))
        throw AppError.fromIssues([
          {
            field: 'openedOn',
            code: 'VALIDATION_FAILED',
            message: 'A loan opens on or after the day its agreement came into force, and not in the future.',
          },
        ]);
      const allowed = new Map(
        readTerms(agreement.terms)
          .samples.filter((s) => s.allocationId)
          .map((s) => [s.allocationId!, s.massMg * 1000]),
      );
      const asked = new Map<string, number>();
      for (const [i, item] of input.items.entries()) {
        if (!item.allocationId) continue;
        if (!isUuid(item.allocationId) || !allowed.has(item.allocationId))
          throw AppError.fromIssues([
            { field: `items.${i}.allocationId`, code: 'VALIDATION_FAILED', message: 'Not an allocation of this agreement.' },
          ]);
        asked.set(item.allocationId, (asked.get(item.allocationId) ?? 0) + item.massUg);
      }
      for (const [allocationId, massUg] of asked) {
        const [lent] = await queryRows<{ ug: string }>(
          tx,
          sql`select coalesce(sum(allocated_mass_ug), 0) as ug from loan_items where allocation_id = ${allocationId}`,
        );
        if (Number(lent!.ug) + massUg > allowed.get(allocationId)!)
          throw new AppError(
            'OVER_LIMIT',
            `The subsamples exceed the allocation: ${Number(lent!.ug) + massUg} µg of ${allowed.get(allocationId)} µg.`,
          );
      }
      const [count] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from loans where agreement_id in (select id from agreements where series_id = ${agreement.seriesId})`,
      );
      const [loan] = await tx
        .insert(loans)
        .values({
          reference: `${agreement.reference}-L${count!.n + 1}`,
          agreementId: agreement.id,
          borrowerInstitutionId: agreement.institutionId,
          dueOn: input.dueOn ?? agreement.endsOn ?? sql`(now() + interval '5 years')::date`,
          openedBy: actor.label,
          ...(openedAt ? { openedAt } : {}),
        })
        .returning();
      const items = [];
      for (const item of input.items) {
        const split = await splitSample(tx, actor, item.sampleId, {
          parts: [{ massUg: item.massUg, use: 'research', container: item.container ?? null }],
          reason: `loan ${loan!.reference}`,
        });
        const sub = split.subsamples[0]!;
        await tx
          .update(sampleCustodians)
          .set({ until: sql`now()` })
          .where(and(eq(sampleCustodians.sampleId, sub.id), isNull(sampleCustodians.until)));
        await tx.insert(sampleCustodians).values({
          sampleId: sub.id,
          custodianKind: 'agency',
          holder: input.custodian.trim(),
          loanId: loan!.id,
          recordedBy: actor.label,
        });
        await tx
          .insert(loanItems)
          .values({ loanId: loan!.id, sampleId: sub.id, allocationId: item.allocationId ?? null, allocatedMassUg: item.massUg });
        items.push({ sampleId: sub.id, number: sub.number, massUg: item.massUg, allocationId: item.allocationId ?? null });
      }
      await tx.execute(sql`set constraints loans_agreement_in_force immediate`);
      await recordAudit(tx, actor, {
        action: 'loan.opened',
        subjectType: 'loan',
        subjectId: loan!.id,
        details: {
          reference: loan!.reference,
          agreementId: agreement.id,
          dueOn: loan!.dueOn,
          custodian: input.custodian.trim(),
          items,
        },
      });
      return {
        id: loan!.id,
        reference: loan!.reference,
        agreementId: agreement.id,
        dueOn: loan!.dueOn,
        status: loan!.status,
        items,
      };
    })
    .catch(translateSignatureError);
}
