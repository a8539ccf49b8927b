import type { PdfBlock, PdfDocumentSpec } from '../pdf/document-spec.js';
import { fill, LETTER_TEXTS, type LetterLocale, type LetterOutcome, OUTCOME_NAMES } from './letter-catalogue.js';

/** What a decision letter states; loaded by the service, laid out here (no I/O). */
export interface DecisionLetterFacts {
  reference: string;
  applicantName: string;
  institutions: { name: string; nativeName: string | null; country: string | null }[];
  applicationTitle: string;
  callTitle: string;
  programName: string;
  decidedAt: Date;
  decidedBy: string;
  timeZone: string;
  outcome: LetterOutcome;
  conditions: string | null;
  reason: string;
  /** Selected: mass granted per sample type (mg). */
  allocations: { sampleType: string; massMg: number }[];
  /** Rejected: the panel's frozen evaluation of this proposal (never individual reviews); null without a panel. */
  panel: {
    rank: number | null;
    count: number;
    calibrated: number | null;
    low: number | null;
    high: number | null;
    rawMean: number | null;
    consensus: 'select' | 'conditional' | 'reject' | null;
    reasons: string;
  } | null;
}

const LANGUAGE_TAG: Record<LetterLocale, string> = { en: 'en', zh: 'zh-CN' };
const dash = (n: number | null) => (n === null ? '–' : String(n));

function institutionLine(i: DecisionLetterFacts['institutions'][number]): string {
  const native = i.nativeName && i.nativeName !== i.name ? ` (${i.nativeName})` : '';
  return `${i.name}${native}${i.country ? `, ${i.country}` : ''}`;
}

/** The decision letter as a document spec: the same facts always give the same bytes. */
export function decisionLetterSpec(facts: DecisionLetterFacts, locale: LetterLocale): PdfDocumentSpec {
  const t = LETTER_TEXTS[locale];
  const tag = LANGUAGE_TAG[locale];
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: facts.timeZone }).format(facts.decidedAt);
  const number = new Intl.NumberFormat(tag);
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: t.title, level: 1 },
    {
      kind: 'fields',
      rows: [
        [t.fields.applicant, facts.applicantName],
        [t.fields.institutions, facts.institutions.map(institutionLine).join('; ')],
        [t.fields.application, facts.applicationTitle],
        [t.fields.call, facts.callTitle],
        [t.fields.program, facts.programName],
        [t.fields.decided, date],
        [t.fields.reference, facts.reference],
      ],
    },
    { kind: 'heading', text: fill(t.decisionHeading, { outcome: OUTCOME_NAMES[locale][facts.outcome] }), level: 2 },
    { kind: 'paragraph', text: t.outcome[facts.outcome] },
  ];
  if (facts.outcome === 'conditional' && facts.conditions) {
    blocks.push({ kind: 'heading', text: t.conditionsHeading, level: 2 }, { kind: 'paragraph', text: facts.conditions });
  }
  blocks.push({ kind: 'heading', text: t.reasonsHeading, level: 2 }, { kind: 'paragraph', text: facts.reason });
  if (facts.outcome !== 'rejected' && facts.allocations.length) {
    blocks.push(
      { kind: 'heading', text: t.allocationHeading, level: 2 },
      {
        kind: 'table',
        columns: t.allocationColumns,
        rows: facts.allocations.map((a) => [a.sampleType, number.format(a.massMg)]),
        widths: [300, 120],
      },
    );
  }
  if (facts.outcome === 'rejected') {
    blocks.push({ kind: 'heading', text: t.panelHeading, level: 2 });
    const p = facts.panel;
    if (!p) blocks.push({ kind: 'paragraph', text: t.panelNoResult });
    else {
      const items = [
        ...(p.rank !== null ? [fill(t.panelRank, { rank: p.rank, count: p.count })] : []),
        fill(t.panelScore, { score: dash(p.calibrated), low: dash(p.low), high: dash(p.high), raw: dash(p.rawMean) }),
        ...(p.consensus ? [fill(t.panelConsensus, { consensus: t.consensus[p.consensus] })] : []),
        ...(p.reasons ? [fill(t.panelReasons, { reasons: p.reasons })] : []),
      ];
      blocks.push({ kind: 'list', items }, { kind: 'paragraph', text: t.panelNote, size: 9 });
    }
  }
  blocks.push(
    { kind: 'paragraph', text: t.nextSteps[facts.outcome] },
    { kind: 'signatures', parties: [{ role: `${t.closing} · ${t.signatory}`, name: facts.decidedBy, signed: date }] },
  );
  return {
    title: `${t.title} — ${facts.applicationTitle}`,
    language: tag,
    author: 'Orbitshare',
    subject: facts.callTitle,
    createdAt: facts.decidedAt,
    blocks,
    footer: fill(t.footer, { reference: facts.reference }),
  };
}
