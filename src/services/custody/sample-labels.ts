import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { type Db, queryRows } from '../../db/connection.js';
import type { PdfBlock } from '../../documents/pdf/document-spec.js';
import { renderPdf } from '../../documents/pdf/render-pdf.js';
import { formatMg } from '../../domain/samples/ledger.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadKeptSample } from './custody-access.js';
import { loadLoan } from './loan-access.js';

/** Where a label's QR code leads: the public page that confirms the number is a real sample. */
export const verificationUrl = (base: string, number: string) => `${base}/verify/samples/${encodeURIComponent(number)}`;

async function labelsPdf(title: string, rows: { number: string; sampleType: string; massUg: number }[], base: string) {
  const blocks: PdfBlock[] = [{ kind: 'heading', text: title }];
  for (const row of rows) {
    const url = verificationUrl(base, row.number);
    const png = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
    blocks.push(
      { kind: 'heading', level: 2, text: row.number },
      {
        kind: 'fields',
        rows: [
          ['Type', row.sampleType],
          ['Mass', formatMg(row.massUg)],
          ['Verify', url],
        ],
      },
      { kind: 'image', png, width: 96 },
    );
  }
  // A fixed date: the same samples give the same bytes.
  return renderPdf({ title, language: 'en', createdAt: new Date('2025-01-01T00:00:00Z'), blocks, footer: title });
}

/** Labels of a loan's subsamples (curator): number, type, mass lent, QR code of the verification URL. */
export async function loanLabels(db: Db, actor: Actor, loanId: string, base: string) {
  authorize(actor, 'custody.read');
  const { loan, items } = await loadLoan(db, actor, loanId, 'curator');
  return labelsPdf(
    `Labels — loan ${loan.reference}`,
    items.map((i) => ({ number: i.number, sampleType: i.sampleType, massUg: i.allocatedUg })),
    base,
  );
}

/** Labels of a sample and the subsamples split directly from it (curator). */
export async function sampleLabels(db: Db, actor: Actor, sampleId: string, base: string) {
  authorize(actor, 'custody.read');
  const sample = await loadKeptSample(db, actor, sampleId);
  // In split order: ,2 before ,10 (a split's subsamples share one creation time).
  const children = await queryRows<{ number: string; sample_type: string; declared: string }>(
    db,
    sql`select number, sample_type, declared_mass_ug::text as declared from samples where parent_id = ${sample.id} order by created_at, length(number), number`,
  );
  return labelsPdf(
    `Labels — ${sample.number}`,
    [
      { number: sample.number, sampleType: sample.sampleType, massUg: sample.declaredMassUg },
      ...children.map((c) => ({ number: c.number, sampleType: c.sample_type, massUg: Number(c.declared) })),
    ],
    base,
  );
}

/** What anyone scanning a label may learn: the number is real, its type, declared mass and who holds it (kind only). */
export async function verifySample(db: Db, actor: Actor, number: string) {
  authorize(actor, 'custody.verify');
  const [row] = await queryRows<{
    number: string;
    sample_type: string;
    declared: string;
    status: string;
    custodian: string | null;
  }>(
    db,
    sql`select s.number, s.sample_type, s.declared_mass_ug::text as declared, s.status, c.custodian_kind as custodian
        from samples s left join sample_custodians c on c.sample_id = s.id and c."until" is null where s.number = ${number}`,
  );
  if (!row) return { number, genuine: false as const };
  return {
    number: row.number,
    genuine: true as const,
    sampleType: row.sample_type,
    declaredMassUg: Number(row.declared),
    status: row.status,
    custodian: row.custodian,
  };
}
