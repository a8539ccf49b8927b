import { type AgreementTerms, totalSampleMassMg } from '../../domain/agreements/terms.js';
import type { AgreementKind, AgreementLanguage } from '../../domain/agreements/vocabulary.js';
import type { PdfBlock, PdfDocumentSpec } from '../pdf/document-spec.js';
import { WORDING } from './agreement-text.js';

export interface AgreementDocumentInput {
  reference: string;
  version: number;
  kind: AgreementKind;
  title: string;
  terms: AgreementTerms;
  languages: readonly AgreementLanguage[];
  durationMonths: number | null;
  signatories: ReadonlyArray<{
    partyRole: 'agency' | 'partner' | 'co_partner';
    partyName: string;
    signerName: string;
    signerTitle: string | null;
  }>;
  /** Fixed by the caller (the time the draft was made) so the same agreement always hashes the same. */
  createdAt: Date;
}

const grouped = (n: number) => n.toLocaleString('en-US');

function languageSection(input: AgreementDocumentInput, language: AgreementLanguage): PdfBlock[] {
  const w = WORDING[language];
  const { terms } = input;
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: w.kind[input.kind], level: 1 },
    { kind: 'paragraph', text: input.title },
    {
      kind: 'fields',
      rows: [
        [w.reference, input.reference],
        [w.version, String(input.version)],
        [w.program, terms.program],
        ...(terms.callTitle ? ([[w.call, terms.callTitle]] as const) : []),
        [w.partner, terms.partnerCountry ? `${terms.partner} (${terms.partnerCountry})` : terms.partner],
        [w.purpose, terms.purpose],
        ...(input.durationMonths ? ([[w.duration, w.months(input.durationMonths)]] as const) : []),
      ],
    },
    { kind: 'heading', text: w.parties, level: 2 },
    { kind: 'list', items: input.signatories.map((s) => `${w.roles[s.partyRole]}: ${s.partyName}`) },
  ];
  if (terms.samples.length) {
    blocks.push(
      { kind: 'heading', text: w.samples, level: 2 },
      {
        kind: 'table',
        columns: [w.sampleType, w.massMg],
        rows: [...terms.samples.map((s) => [s.sampleType, grouped(s.massMg)] as const), ['Σ', grouped(totalSampleMassMg(terms))]],
      },
    );
  }
  if (terms.payloads.length) {
    blocks.push(
      { kind: 'heading', text: w.payloads, level: 2 },
      {
        kind: 'table',
        columns: w.payloadColumns,
        rows: terms.payloads.map((p) => [
          p.name,
          p.hostModule,
          p.massG === null ? '—' : grouped(p.massG),
          p.avgPowerMw === null ? '—' : grouped(p.avgPowerMw),
          p.dataMbPerDay === null ? '—' : grouped(p.dataMbPerDay),
        ]),
      },
    );
  }
  blocks.push(
    { kind: 'heading', text: w.obligations, level: 2 },
    { kind: 'list', items: terms.obligations.map((o) => w.obligation[o]) },
  );
  if (terms.conditions)
    blocks.push({ kind: 'heading', text: w.conditions, level: 2 }, { kind: 'paragraph', text: terms.conditions });
  if (input.version > 1) {
    blocks.push({ kind: 'paragraph', text: w.amendment(input.version) });
    if (terms.amendmentNote) blocks.push({ kind: 'paragraph', text: terms.amendmentNote });
  }
  blocks.push(
    { kind: 'paragraph', text: w.entry },
    { kind: 'heading', text: w.signatures, level: 2 },
    {
      kind: 'signatures',
      parties: input.signatories.map((s) => ({
        role: w.roles[s.partyRole],
        name: s.signerTitle ? `${s.signerName}, ${s.signerTitle} — ${s.partyName}` : `${s.signerName} — ${s.partyName}`,
      })),
    },
  );
  return blocks;
}

/** The agreement as signatories read it: one section per language, each complete and equally valid. */
export function agreementDocument(input: AgreementDocumentInput): PdfDocumentSpec {
  const blocks: PdfBlock[] = [];
  input.languages.forEach((language, i) => {
    if (i > 0) blocks.push({ kind: 'pageBreak' });
    blocks.push(...languageSection(input, language));
  });
  return {
    title: `${input.reference} v${input.version} — ${input.title}`,
    language: input.languages[0] === 'zh' ? 'zh-CN' : 'en',
    author: 'Orbitshare',
    subject: WORDING.en.kind[input.kind],
    createdAt: input.createdAt,
    blocks,
    footer: `${input.reference} · v${input.version}`,
  };
}

export interface CertificateInput {
  reference: string;
  version: number;
  partner: string;
  terms: AgreementTerms;
  inForceAt: Date;
  endsOn: string | null;
  documentSha256: string;
  signers: readonly string[];
}

/** The sample certificate of an agreement in force, in English and Chinese. */
export function certificateDocument(input: CertificateInput): PdfDocumentSpec {
  const blocks: PdfBlock[] = [];
  (['en', 'zh'] as const).forEach((language, i) => {
    const w = WORDING[language];
    if (i > 0) blocks.push({ kind: 'pageBreak' });
    blocks.push(
      { kind: 'heading', text: w.certificateTitle, level: 1 },
      { kind: 'paragraph', text: w.certificateBody(input.partner, `${input.reference} v${input.version}`) },
      {
        kind: 'fields',
        rows: [
          [w.inForceSince, input.inForceAt.toISOString().slice(0, 10)],
          ...(input.endsOn ? ([[w.validUntil, input.endsOn]] as const) : []),
          [w.signedBy, input.signers.join('; ')],
          [w.documentHash, input.documentSha256],
        ],
      },
      {
        kind: 'table',
        columns: [w.sampleType, w.massMg],
        rows: input.terms.samples.map((s) => [s.sampleType, grouped(s.massMg)] as const),
      },
    );
  });
  return {
    title: `${WORDING.en.certificateTitle} — ${input.reference}`,
    language: 'en',
    author: 'Orbitshare',
    createdAt: input.inForceAt,
    blocks,
    footer: `${input.reference} · ${input.documentSha256.slice(0, 16)}`,
  };
}
