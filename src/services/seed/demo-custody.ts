import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { installationFacts } from '../../db/schema.js';
import { type Actor, SYSTEM } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { confirmReceipt } from '../custody/confirm-receipt.js';
import { dispatchShipment } from '../custody/dispatch-shipment.js';
import { fileInventory } from '../custody/file-inventory.js';
import { fileResearchOutput } from '../custody/file-research-output.js';
import { prepareShipment } from '../custody/prepare-shipment.js';
import { recordHandover } from '../custody/record-handover.js';
import { recordLoanUse } from '../custody/record-loan-use.js';
import { registerSample } from '../custody/register-sample.js';
import { splitSample } from '../custody/split-sample.js';
import { openLoan } from '../loans/open-loan.js';
import { AGREEMENTS_SEED_FACT } from './demo-agreements.js';
import {
  CURATION,
  CUSTODY_GIFTS,
  CUSTODY_LOANS,
  CUSTODY_PARENTS,
  type DemoCustodyLoan,
  SYNTHETIC_CUSTODY,
} from './demo-custody-data.js';

/** The installation fact recording that the custody demo is loaded. */
export const CUSTODY_SEED_FACT = 'seed.custody';

// Every step below is one use case (one transaction, its ledger entries, custodians and audit rows),
// called as the system: the demo has no curator or borrower accounts that could sign in for them.
const actor: Actor = SYSTEM;

async function agreementOf(db: Db, reference: string) {
  const [row] = await queryRows<{ id: string; institution_id: string }>(
    db,
    sql`select id, institution_id from agreements where reference = ${reference} and status = 'in_force'`,
  );
  return row;
}

async function itemsOf(db: Db, loanId: string) {
  return queryRows<{ id: string; sample_id: string; out_ug: string; number: string }>(
    db,
    sql`select li.id, li.sample_id, li.out_ug::text as out_ug, s.number from loan_items li join samples s on s.id = li.sample_id
        where li.loan_id = ${loanId} order by s.number`,
  );
}

/** Prepared, dispatched, handed over on the way and received, each item weighed as packed (tolerance 0). */
async function ship(
  db: Db,
  loanId: string,
  direction: 'outbound' | 'return',
  route: DemoCustodyLoan['shipment'],
  items: { loanItemId: string; massUg?: number }[],
) {
  const container = `${route.tracking}-C1`;
  const shipment = await prepareShipment(db, actor, loanId, direction, {
    courier: route.courier,
    trackingNumber: route.tracking,
    sealedContainerIds: [container],
    items: items.map((i) => ({ ...i, containerId: container })),
  });
  await dispatchShipment(db, actor, shipment.id, { place: route.from });
  for (const stop of route.via) await recordHandover(db, actor, shipment.id, stop);
  const packed = await queryRows<{ id: string; packed: string }>(
    db,
    sql`select id, packed_mass_ug::text as packed from shipment_items where shipment_id = ${shipment.id} order by id`,
  );
  await confirmReceipt(db, actor, shipment.id, {
    place: route.to,
    items: packed.map((p) => ({ shipmentItemId: p.id, measuredMassUg: Number(p.packed) })),
  });
  return shipment;
}

/** The borrower's yearly duties that have come due: inventories (unless `skipInventory`) and reports. */
async function fileDuties(
  db: Db,
  loanId: string,
  loan: Pick<DemoCustodyLoan, 'location' | 'reportTitle'>,
  skipInventory: boolean,
) {
  const due = await queryRows<{ kind: string; period: number }>(
    db,
    sql`select kind, period from borrower_duties where loan_id = ${loanId} and status = 'open' and due_on < current_date
        order by due_on, kind`,
  );
  for (const duty of due) {
    const items = await itemsOf(db, loanId);
    if (duty.kind === 'annual_inventory' && !skipInventory)
      await fileInventory(db, actor, loanId, {
        lines: items
          .filter((i) => Number(i.out_ug) > 0)
          .map((i) => ({ loanItemId: i.id, massUg: Number(i.out_ug), state: 'intact' as const, location: loan.location })),
        note: `Inventory of year ${duty.period}. ${SYNTHETIC_CUSTODY}.`,
      });
    if (duty.kind === 'research_report')
      await fileResearchOutput(db, actor, loanId, {
        kind: 'report',
        title: `${loan.reportTitle}: year ${duty.period} report`,
        summary: `${SYNTHETIC_CUSTODY}: the borrower's reports are not public.`,
        sampleIds: items.map((i) => i.sample_id),
      });
  }
}

/**
 * The Chang'e-5 custody demo, after the agreements demo: parent samples registered and split into
 * working portions, the seven loans of 2025 (opened on their agreements in force, subsamples split
 * for each, shipped with hand-overs and received), the 1.5 g gifts to Russia (2022) and France (2023)
 * on the same path, a destructive analysis, one partial return, and the yearly duties filed except
 * one annual inventory, left overdue, which blocks its borrower from new allocations. Idempotent
 * through installation_facts (`seed.custody`).
 */
export async function seedDemoCustody(db: Db): Promise<'loaded' | 'already_loaded' | 'no_agreements'> {
  const [fact] = await db.select().from(installationFacts).where(eq(installationFacts.key, CUSTODY_SEED_FACT));
  if (fact) return 'already_loaded';
  const [agreements] = await db.select().from(installationFacts).where(eq(installationFacts.key, AGREEMENTS_SEED_FACT));
  const [collection] = await queryRows<{ id: string }>(
    db,
    sql`select id from sample_collections where slug = 'change-5-samples'`,
  );
  if (!agreements || !collection) return 'no_agreements';

  // Parents and their working portions: the loans split from a portion, so the genealogy is three deep.
  const portions = new Map<string, string>();
  for (const parent of CUSTODY_PARENTS) {
    const row = await registerSample(db, actor, collection.id, {
      number: parent.number,
      sampleType: parent.sampleType,
      massUg: parent.massUg,
      weighingToleranceUg: parent.toleranceUg,
      use: 'storage',
      container: parent.container,
      storageLocation: parent.storageLocation,
      characterisation: `${parent.characterisation} ${SYNTHETIC_CUSTODY}: numbers and masses are illustrative.`,
    });
    const split = await splitSample(db, actor, row.id, {
      parts: parent.portions.map((p) => ({
        massUg: p.massUg,
        use: p.use,
        container: p.container,
        storageLocation: p.storageLocation,
        weighingToleranceUg: parent.toleranceUg,
      })),
      reason: 'working portions for the international loans and display',
    });
    for (const [i, s] of split.subsamples.entries()) portions.set(`${parent.number}/${i}`, s.id);
  }

  const opened: { reference: string; loanId: string; spec: DemoCustodyLoan }[] = [];
  for (const spec of [...CUSTODY_LOANS, ...CUSTODY_GIFTS]) {
    const agreement = await agreementOf(db, spec.agreement);
    if (!agreement) continue;
    const from = portions.get(spec.portion)!;
    const loan = await openLoan(db, actor, {
      agreementId: agreement.id,
      custodian: CURATION,
      openedOn: spec.openedOn,
      ...(spec.dueOn ? { dueOn: spec.dueOn } : {}),
      items: spec.subsamplesUg.map((massUg) => ({
        sampleId: from,
        massUg,
        container: `Sealed vial under N2 (${spec.agreement})`,
      })),
    });
    const rows = await itemsOf(db, loan.id);
    await ship(
      db,
      loan.id,
      'outbound',
      spec.shipment,
      rows.map((r) => ({ loanItemId: r.id })),
    );
    opened.push({ reference: loan.reference, loanId: loan.id, spec });
  }

  for (const { loanId, spec } of opened) {
    const rows = await itemsOf(db, loanId);
    if (spec.consumedUg)
      await recordLoanUse(db, actor, loanId, {
        loanItemId: rows[0]!.id,
        kind: 'consume',
        massUg: spec.consumedUg,
        reason: `${spec.analysis ?? 'Destructive analysis'}. ${SYNTHETIC_CUSTODY}.`,
      });
    // The subsample of exactly that mass comes back whole (a subsample has one custodian at a time).
    const back = rows.find((r) => Number(r.out_ug) === spec.partialReturnUg);
    if (back && spec.returnShipment)
      await ship(db, loanId, 'return', spec.returnShipment, [{ loanItemId: back.id, massUg: spec.partialReturnUg }]);
  }

  // The duties that came due since the loans opened (what the scheduled duty materialises), then the
  // borrowers file theirs — all but the one overdue inventory.
  await db.execute(sql`select refresh_borrower_duties(30)`);
  for (const { loanId, spec } of opened) await fileDuties(db, loanId, spec, spec.inventoryOverdue === true);

  const value = {
    version: 1,
    loans: opened.filter((o) => !o.spec.gift).map((o) => o.reference),
    gifts: opened.filter((o) => o.spec.gift).map((o) => o.reference),
    blocked: opened.filter((o) => o.spec.inventoryOverdue).map((o) => o.spec.agreement),
    synthetic: `${SYNTHETIC_CUSTODY}s: sample numbers, masses, couriers and dates of shipment are illustrative; the borrowers and agreements are the real ones.`,
  };
  await db.transaction(async (tx) => {
    await tx.insert(installationFacts).values({ key: CUSTODY_SEED_FACT, value });
    await recordAudit(tx, SYSTEM, {
      action: 'seed.loaded',
      subjectType: 'installation',
      subjectId: CUSTODY_SEED_FACT,
      details: value,
    });
  });
  return 'loaded';
}
