import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { accounts, agreementSignatures, agreements, installationFacts } from '../../db/schema.js';
import { renderPdf } from '../../documents/pdf/render-pdf.js';
import { type AgreementTerms, TEMPLATE_OBLIGATIONS } from '../../domain/agreements/terms.js';
import { addMonths } from '../../domain/agreements/working-days.js';
import { SYSTEM } from '../actor.js';
import { insertAgreementVersion, type MilestoneInput } from '../agreements/insert-agreement.js';
import { renderAgreement } from '../agreements/render-agreement.js';
import { recordAudit } from '../audit/record-audit.js';

export const AGREEMENTS_SEED_FACT = 'seed.agreements';
const SIGNATORY_DOMAIN = 'partners.orbitshare.demo';

// Chang'e-5 loans approved 24 Apr 2025: five signed on site that day (which five is not public —
// here the first five listed), two remotely later. Masses per agreement are not public: 100 mg of
// regolith each is a demo value, editable data.
const CE5_LOANS = [
  'ipgp',
  'university-of-cologne',
  'osaka-university',
  'suparco',
  'open-university',
  'brown-university',
  'stony-brook-university',
];
const REMOTE_SIGNED_AT = ['2025-05-06T03:00:00Z', '2025-05-08T02:00:00Z'];
const CEREMONY = new Date('2025-04-24T02:00:00Z'); // 10:00 in Beijing
const GIFTS = [
  { slug: 'roscosmos', year: 2022, at: '2022-06-01T02:00:00Z' },
  { slug: 'cnes', year: 2023, at: '2023-05-06T02:00:00Z' },
];
// Chang'e-8 projects announced 24 Apr 2025; their agreements and dates are not public: drafts sent
// for signature with an illustrative plan of milestones (editable).
const CE8 = [
  { slug: 'infn-lnf', payload: 'Laser retroreflector array' },
  { slug: 'metu', payload: 'Intelligent exploration robot with two micro-rovers' },
  { slug: 'sarao', payload: 'Radio astronomy array' },
];
const CE8_MILESTONES: Omit<MilestoneInput, 'owner'>[] = [
  { kind: 'icd', title: 'Interface control document agreed', dueOn: '2026-06-30' },
  { kind: 'flight_model_delivery', title: 'Flight model delivered', dueOn: '2027-12-31' },
  { kind: 'integration', title: 'Integrated on the lander', dueOn: '2028-06-30' },
  { kind: 'launch', title: 'Launch', dueOn: '2029-06-30' },
  { kind: 'data_delivery', title: 'First science data delivered', dueOn: '2030-03-31' },
];

async function institution(db: Db, slug: string) {
  const [row] = await queryRows<{ id: string; name: string; country_code: string | null }>(
    db,
    sql`select id, name, country_code from institutions where slug = ${slug}`,
  );
  return row;
}

/** A disabled account for a demo signatory: remote signatures name the account that signed. */
async function signatoryAccount(db: Db, email: string, name: string) {
  const [existing] = await db.select().from(accounts).where(sql`lower(${accounts.email}) = lower(${email})`);
  if (existing) return existing;
  const [row] = await db.insert(accounts).values({ email, displayName: name, status: 'disabled' }).returning();
  return row!;
}

const emailOf = (slug: string) => `signatory.${slug}@${SIGNATORY_DOMAIN}`;

async function signAll(db: Db, id: string, signatures: { method: 'on_site' | 'remote'; at: Date }[]) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  const { pdf, sha256 } = await renderAgreement(db, row!);
  const first = signatures[0]!.at;
  await db
    .update(agreements)
    .set({
      status: 'awaiting_signatures',
      documentPdf: pdf,
      documentSha256: sha256,
      sentAt: first,
      signatureDeadline: new Date(first.getTime() + 14 * 86_400_000),
    })
    .where(eq(agreements.id, id));
  const signatories = await queryRows<{ id: string; email: string; signer_name: string; party_name: string }>(
    db,
    sql`select id, email, signer_name, party_name from agreement_signatories where agreement_id = ${id} order by position`,
  );
  for (const [i, s] of signatories.entries()) {
    const how = signatures[Math.min(i, signatures.length - 1)]!;
    const scan =
      how.method === 'on_site'
        ? await renderPdf({
            title: 'Scanned signed copy',
            language: 'en',
            createdAt: how.at,
            blocks: [
              { kind: 'paragraph', text: `Signed copy of ${row!.reference}: ${s.signer_name}, ${s.party_name}, Beijing.` },
            ],
          })
        : null;
    const account = how.method === 'remote' ? await signatoryAccount(db, s.email, s.signer_name) : null;
    await db.insert(agreementSignatures).values({
      signatoryId: s.id,
      agreementId: id,
      method: how.method,
      signedAt: how.at,
      place: how.method === 'on_site' ? 'Beijing' : null,
      recordedBy: 'system:seed',
      scanFilename: scan ? 'signed-copy.pdf' : null,
      scanPdf: scan,
      scanSha256: scan ? (await import('../../documents/pdf/render-pdf.js')).sha256Hex(scan) : null,
      accountId: account?.id ?? null,
      confirmedSha256: sha256,
    });
  }
  const last = signatures.reduce((m, s) => (s.at > m ? s.at : m), first);
  const startsOn = last.toISOString().slice(0, 10);
  await db
    .update(agreements)
    .set({
      status: 'in_force',
      inForceAt: last,
      startsOn,
      endsOn: row!.durationMonths ? addMonths(startsOn, row!.durationMonths) : null,
    })
    .where(eq(agreements.id, id));
  await recordAudit(db, SYSTEM, {
    action: 'agreement.in_force',
    subjectType: 'agreement',
    subjectId: id,
    details: { reference: row!.reference, seeded: true },
  });
}

/**
 * The demo agreements: the seven Chang'e-5 loan agreements of 2025, the 2022/2023 gifts of 1.5 g to
 * Russia and France, and Chang'e-8 payload agreements with milestones. Idempotent (`seed.agreements`).
 */
export async function seedDemoAgreements(db: Db): Promise<'loaded' | 'already_loaded' | 'no_registry'> {
  const [fact] = await db.select().from(installationFacts).where(eq(installationFacts.key, AGREEMENTS_SEED_FACT));
  if (fact) return 'already_loaded';
  const programs = await queryRows<{ id: string; slug: string; name: string; agency: string }>(
    db,
    sql`select p.id, p.slug, p.name, coalesce(i.name, 'China National Space Administration') as agency
        from programs p left join institutions i on i.id = p.agency_id where p.slug in ('change-5-sample-loans', 'change-8-cooperation')`,
  );
  const loansProgram = programs.find((p) => p.slug === 'change-5-sample-loans');
  const ce8Program = programs.find((p) => p.slug === 'change-8-cooperation');
  if (!loansProgram || !ce8Program) return 'no_registry';
  const [call] = await queryRows<{ id: string; title: string }>(
    db,
    sql`select id, title from calls where slug = 'change-5-international-2025'`,
  );
  const agency = (role: 'agency') => ({
    partyRole: role,
    partyName: loansProgram.agency,
    signerName: 'Lunar Exploration and Space Program Center',
    email: `signatory.cnsa@${SIGNATORY_DOMAIN}`,
  });
  const loanTerms = (
    partner: { name: string; country_code: string | null },
    massMg: number,
    purpose: string,
  ): AgreementTerms => ({
    program: loansProgram.name,
    callTitle: call?.title ?? null,
    partner: partner.name,
    partnerCountry: partner.country_code,
    purpose,
    samples: [{ sampleType: 'regolith (powder)', massMg, allocationId: null }],
    payloads: [],
    obligations: [...TEMPLATE_OBLIGATIONS.sample_loan],
    conditions: null,
    amendmentNote: null,
  });
  let remote = 0;
  for (const [i, slug] of CE5_LOANS.entries()) {
    const partner = await institution(db, slug);
    if (!partner) continue;
    const row = await insertAgreementVersion(db, SYSTEM, {
      kind: 'sample_loan',
      programId: loansProgram.id,
      callId: call?.id ?? null,
      decisionId: null,
      institutionId: partner.id,
      reference: `CE5-LOAN-2025-${String(i + 1).padStart(3, '0')}`,
      title: `${partner.name}: research on Chang'e-5 lunar samples`,
      terms: loanTerms(partner, 100, 'Research on Chang’e-5 lunar samples approved on 24 April 2025'),
      languages: ['en', 'zh'],
      durationMonths: 60,
      signatories: [
        agency('agency'),
        { partyRole: 'partner', partyName: partner.name, signerName: `Representative of ${partner.name}`, email: emailOf(slug) },
      ],
      milestones: [],
    });
    const onSite = i < 5;
    await signAll(
      db,
      row.id,
      onSite
        ? [{ method: 'on_site', at: CEREMONY }]
        : [
            { method: 'on_site', at: CEREMONY },
            { method: 'remote', at: new Date(REMOTE_SIGNED_AT[remote++]!) },
          ],
    );
  }
  for (const gift of GIFTS) {
    const partner = await institution(db, gift.slug);
    if (!partner) continue;
    const row = await insertAgreementVersion(db, SYSTEM, {
      kind: 'sample_loan',
      programId: loansProgram.id,
      callId: null,
      decisionId: null,
      institutionId: partner.id,
      reference: `CE5-GIFT-${gift.year}`,
      title: `${partner.name}: gift of 1.5 g of Chang'e-5 lunar samples (${gift.year})`,
      terms: loanTerms(partner, 1_500, `Gift of 1.5 g of Chang’e-5 lunar samples (${gift.year})`),
      languages: ['en', 'zh'],
      durationMonths: null,
      signatories: [
        agency('agency'),
        {
          partyRole: 'partner',
          partyName: partner.name,
          signerName: `Representative of ${partner.name}`,
          email: emailOf(gift.slug),
        },
      ],
      milestones: [],
    });
    await signAll(db, row.id, [{ method: 'on_site', at: new Date(gift.at) }]);
  }
  for (const [i, project] of CE8.entries()) {
    const partner = await institution(db, project.slug);
    if (!partner) continue;
    await insertAgreementVersion(db, SYSTEM, {
      kind: 'payload_cooperation',
      programId: ce8Program.id,
      callId: null,
      decisionId: null,
      institutionId: partner.id,
      reference: `CE8-PAYLOAD-${String(i + 1).padStart(3, '0')}`,
      title: `${partner.name}: ${project.payload}`,
      terms: {
        program: ce8Program.name,
        callTitle: null,
        partner: partner.name,
        partnerCountry: partner.country_code,
        purpose: project.payload,
        samples: [],
        payloads: [{ name: project.payload, hostModule: 'Lander', massG: null, avgPowerMw: null, dataMbPerDay: null }],
        obligations: [...TEMPLATE_OBLIGATIONS.payload_cooperation],
        conditions: null,
        amendmentNote: null,
      },
      languages: ['en', 'zh'],
      durationMonths: null,
      signatories: [
        agency('agency'),
        {
          partyRole: 'partner',
          partyName: partner.name,
          signerName: `Representative of ${partner.name}`,
          email: emailOf(project.slug),
        },
      ],
      milestones: CE8_MILESTONES.map((m) => ({ ...m, owner: m.kind === 'launch' ? loansProgram.agency : partner.name })),
    });
  }
  await db
    .insert(installationFacts)
    .values({ key: AGREEMENTS_SEED_FACT, value: { loans: CE5_LOANS.length, gifts: GIFTS.length, payloads: CE8.length } });
  return 'loaded';
}
