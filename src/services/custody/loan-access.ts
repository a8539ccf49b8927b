import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';
import { holdsScoped, isAdministrator } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../calls/call-access.js';

// Loans as the custody services see them (the tables are migration 0016's; the pockets 0017's).

export interface LoanRow {
  id: string;
  reference: string;
  agreementId: string;
  borrowerInstitutionId: string;
  borrowerName: string;
  borrowerCountry: string | null;
  dueOn: string;
  status: 'open' | 'closed';
  openedAt: string;
}

export interface LoanItemRow {
  id: string;
  loanId: string;
  sampleId: string;
  number: string;
  sampleType: string;
  collectionId: string;
  toleranceUg: number;
  storeUg: number;
  allocatedUg: number;
  outUg: number;
  shippedUg: number;
  returnedUg: number;
  sampleStatus: string;
}

export const loanNotFound = (id: string) => new AppError('NOT_FOUND', `No loan "${id}".`);

async function loanById(tx: DbOrTx, loanId: string, lock: boolean): Promise<LoanRow | null> {
  if (!isUuid(loanId)) return null;
  const [row] = await queryRows<Record<string, unknown>>(
    tx,
    sql`select l.id, l.reference, l.agreement_id, l.borrower_institution_id, i.name as borrower_name, i.country_code,
          to_char(l.due_on, 'YYYY-MM-DD') as due_on, l.status, l.opened_at
        from loans l join institutions i on i.id = l.borrower_institution_id
        where l.id = ${loanId} ${lock ? sql`for update of l` : sql``}`,
  );
  if (!row) return null;
  return {
    id: String(row.id),
    reference: String(row.reference),
    agreementId: String(row.agreement_id),
    borrowerInstitutionId: String(row.borrower_institution_id),
    borrowerName: String(row.borrower_name),
    borrowerCountry: (row.country_code as string | null) ?? null,
    dueOn: String(row.due_on),
    status: row.status as LoanRow['status'],
    openedAt: new Date(String(row.opened_at)).toISOString(),
  };
}

export async function loanItemsOf(tx: DbOrTx, loanId: string): Promise<LoanItemRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select li.id, li.loan_id, li.sample_id, s.number, s.sample_type, s.collection_id, s.weighing_tolerance_ug, s.balance_ug,
          li.allocated_mass_ug, li.out_ug, li.shipped_ug, li.returned_ug, s.status
        from loan_items li join samples s on s.id = li.sample_id
        where li.loan_id = ${loanId} order by s.number`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    loanId: String(r.loan_id),
    sampleId: String(r.sample_id),
    number: String(r.number),
    sampleType: String(r.sample_type),
    collectionId: String(r.collection_id),
    toleranceUg: Number(r.weighing_tolerance_ug),
    storeUg: Number(r.balance_ug),
    allocatedUg: Number(r.allocated_mass_ug),
    outUg: Number(r.out_ug),
    shippedUg: Number(r.shipped_ug),
    returnedUg: Number(r.returned_ug),
    sampleStatus: String(r.status),
  }));
}

/** Curators of a collection any of the loan's subsamples belongs to (administrators: every loan). */
export function curatesLoan(actor: Actor, items: readonly LoanItemRow[]): boolean {
  if (isAdministrator(actor)) return true;
  return items.some((i) => holdsScoped(actor, ['curator'], 'sample_collection', i.collectionId));
}

/** People of the borrowing institution: applicants scoped to it (administrators too). */
export function borrowsLoan(actor: Actor, loan: LoanRow): boolean {
  return holdsScoped(actor, ['applicant'], 'institution', loan.borrowerInstitutionId);
}

/** The loan and its items for its curator or its borrower; NOT_FOUND to anyone else, so existence does not leak. */
export async function loadLoan(tx: DbOrTx, actor: Actor, loanId: string, as: 'curator' | 'borrower' | 'either', lock = false) {
  const loan = await loanById(tx, loanId, lock);
  if (!loan) throw loanNotFound(loanId);
  const items = await loanItemsOf(tx, loan.id);
  const curator = curatesLoan(actor, items);
  const borrower = borrowsLoan(actor, loan);
  const allowed = as === 'curator' ? curator : as === 'borrower' ? borrower : curator || borrower;
  if (!allowed) throw loanNotFound(loanId);
  return { loan, items, viewer: { curator, borrower } };
}

export function refuseClosed(loan: LoanRow): void {
  if (loan.status !== 'open') throw new AppError('CONFLICT', `Loan ${loan.reference} is closed.`);
}

export interface Custodian {
  kind: 'agency' | 'courier' | 'borrower';
  holder: string;
  institutionId?: string | null;
  loanId?: string | null;
}

/** Hands samples to a new custodian: the open custody period of each closes and the next opens, at once. */
export async function moveCustodian(tx: DbOrTx, actor: Actor, sampleIds: readonly string[], to: Custodian): Promise<void> {
  if (sampleIds.length === 0) return;
  const ids = sql.join(
    sampleIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  // The clock at the hand-over, not the transaction's start: a writer that queued behind another
  // hand-over of the same sample must not close a period before the other opened it.
  await tx.execute(
    sql`update sample_custodians set "until" = greatest(clock_timestamp(), since) where sample_id in (${ids}) and "until" is null`,
  );
  await tx.execute(sql`insert into sample_custodians (sample_id, custodian_kind, holder, institution_id, loan_id, since, recorded_by)
    select s.id, ${to.kind}, ${to.holder}, ${to.institutionId ?? null}, ${to.loanId ?? null},
      (select max("until") from sample_custodians c where c.sample_id = s.id), ${actor.label}
    from unnest(array[${ids}]) as s(id)`);
}

export async function setSampleStatus(tx: DbOrTx, sampleIds: readonly string[], status: string): Promise<void> {
  if (sampleIds.length === 0) return;
  const ids = sql.join(
    sampleIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`update samples set status = ${status} where id in (${ids})`);
}

/**
 * Returning (or accounting for) everything closes the loan: every item has left the store, nothing
 * is out any more, no shipment is under way and no discrepancy is open. The final accounting is then
 * fulfilled and the duties still open are waived.
 */
export async function closeLoanIfSettled(tx: DbOrTx, actor: Actor, loanId: string): Promise<boolean> {
  const [state] = await queryRows<{ settled: boolean }>(
    tx,
    sql`select not exists (select 1 from loan_items li where li.loan_id = ${loanId} and (li.out_ug > 0 or li.shipped_ug = 0))
          and not exists (select 1 from shipments sh where sh.loan_id = ${loanId} and sh.status in ('prepared', 'in_transit'))
          and not exists (select 1 from custody_discrepancies d join loan_items li on li.id = d.loan_item_id
                          where li.loan_id = ${loanId} and d.status = 'open')
          and exists (select 1 from loan_items li where li.loan_id = ${loanId}) as settled`,
  );
  if (!state?.settled) return false;
  const closed = await queryRows<{ id: string }>(
    tx,
    sql`update loans set status = 'closed', closed_at = now(), closed_by = ${actor.label} where id = ${loanId} and status = 'open' returning id`,
  );
  if (closed.length === 0) return false;
  await tx.execute(sql`insert into borrower_duties (loan_id, kind, period, due_on, status, fulfilled_at, fulfilled_by)
    select id, 'final_accounting', 0, due_on, 'fulfilled', now(), ${actor.label} from loans where id = ${loanId}
    on conflict (loan_id, kind, period) do update set status = 'fulfilled', fulfilled_at = now(), fulfilled_by = ${actor.label}
    where borrower_duties.status = 'open'`);
  await tx.execute(sql`update borrower_duties set status = 'waived', fulfilled_at = now(), fulfilled_by = ${actor.label}, note = 'loan closed'
    where loan_id = ${loanId} and status = 'open'`);
  await recordAudit(tx, actor, {
    action: 'loan.closed',
    subjectType: 'loan',
    subjectId: loanId,
    details: { reason: 'all returned or accounted for' },
  });
  return true;
}

/** A short reference for a shipment: the loan's, a direction letter and a counter. */
export async function nextShipmentReference(tx: DbOrTx, loan: LoanRow, direction: 'outbound' | 'return'): Promise<string> {
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from shipments where loan_id = ${loan.id}`);
  return `${loan.reference}-${direction === 'outbound' ? 'S' : 'R'}${(row?.n ?? 0) + 1}`;
}
