import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../src/db/connection.js';
import { agreementSignatories, agreementSignatures, agreements, loanItems, loans } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { splitSample } from '../../src/services/custody/split-sample.js';
import { makeParentSample } from './custody-factories.js';
import { makeInstitution, makeProgram } from './factories.js';

let n = 0;

/** A sample-loan agreement in force with `institutionId` (rows written directly: its signing is another use case). */
export async function seedAgreementInForce(db: DbOrTx, institutionId: string, programId?: string): Promise<string> {
  const program = programId ?? String(((await makeProgram(db as Db)) as { id: string }).id);
  const id = crypto.randomUUID();
  await db.insert(agreements).values({
    id,
    seriesId: id,
    reference: `AGR-T${++n}-${Date.now() % 100000}`,
    kind: 'sample_loan',
    programId: program,
    institutionId,
    title: 'Sample loan (test)',
    status: 'awaiting_signatures',
    documentPdf: Buffer.from('%PDF'),
    documentSha256: 'a'.repeat(64),
    sentAt: new Date(),
    createdBy: 'test',
  });
  // Signed on site by its one signatory, then in force: the state the signing use case leaves.
  const [signatory] = await db
    .insert(agreementSignatories)
    .values({
      agreementId: id,
      position: 1,
      partyRole: 'partner',
      partyName: 'Borrower',
      institutionId,
      signerName: 'Test Signer',
      email: `signer-${n}@example.org`,
    })
    .returning({ id: agreementSignatories.id });
  await db.insert(agreementSignatures).values({
    signatoryId: signatory!.id,
    agreementId: id,
    method: 'on_site',
    signedAt: new Date(),
    place: 'Beijing',
    recordedBy: 'test',
    scanFilename: 'signed.pdf',
    scanPdf: Buffer.from('%PDF'),
    scanSha256: 'b'.repeat(64),
    confirmedSha256: 'a'.repeat(64),
  });
  await db.update(agreements).set({ status: 'in_force', inForceAt: new Date() }).where(eq(agreements.id, id));
  return id;
}

export interface SeededLoan {
  loanId: string;
  reference: string;
  institutionId: string;
  parentId: string;
  items: { loanItemId: string; sampleId: string; number: string; massUg: number }[];
}

/**
 * An open loan of freshly split subsamples (`masses`, whole µg, each with `toleranceUg`) of a new
 * parent sample of `collectionId`, to `institutionId` (a new one when omitted): `seedOpenLoan`.
 */
export async function seedOpenLoan(
  db: Db,
  options: {
    collectionId: string;
    masses: number[];
    toleranceUg?: number;
    institutionId?: string;
    parentMassUg?: number;
    openedAt?: Date;
    dueOn?: string;
  },
): Promise<SeededLoan> {
  const institutionId = options.institutionId ?? String(((await makeInstitution(db)) as { id: string }).id);
  const total = options.masses.reduce((a, b) => a + b, 0);
  const parent = await makeParentSample(db, options.collectionId, options.parentMassUg ?? total * 2);
  const split = await splitSample(db, SYSTEM, parent.id, {
    parts: options.masses.map((massUg) => ({ massUg, use: 'research' as const, weighingToleranceUg: options.toleranceUg ?? 0 })),
  });
  const agreementId = await seedAgreementInForce(db, institutionId);
  const reference = `LOAN-T${++n}-${Date.now() % 100000}`;
  const [loan] = await db
    .insert(loans)
    .values({
      reference,
      agreementId,
      borrowerInstitutionId: institutionId,
      dueOn: options.dueOn ?? '2031-04-24',
      openedBy: 'test',
      ...(options.openedAt ? { openedAt: options.openedAt } : {}),
    })
    .returning();
  const rows = await db
    .insert(loanItems)
    .values(split.subsamples.map((s) => ({ loanId: loan!.id, sampleId: s.id, allocatedMassUg: s.declaredMassUg })))
    .returning();
  return {
    loanId: loan!.id,
    reference,
    institutionId,
    parentId: parent.id,
    items: split.subsamples.map((s) => ({
      loanItemId: rows.find((r) => r.sampleId === s.id)!.id,
      sampleId: s.id,
      number: s.number,
      massUg: s.declaredMassUg,
    })),
  };
}
