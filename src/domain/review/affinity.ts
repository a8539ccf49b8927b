// How well an expert fits a proposal, computed here from the texts, with no outside service:
// keyword overlap (the expert's declared expertise against the proposal's keywords) plus BM25
// similarity of the experimental scheme against the expert's statement and publication titles.
// Scores are integers 0–100 so the assignment solver works in exact integer arithmetic.

export interface ExpertText {
  expertId: string;
  keywords: readonly string[];
  statement: string;
  publicationTitles: readonly string[];
}

export interface ProposalText {
  proposalId: string;
  keywords: readonly string[];
  /** The experimental scheme and the title: what the expert will judge. */
  text: string;
}

export interface AffinityOptions {
  /** Share of the score from keyword overlap; the rest from text similarity. Default 0.5. */
  keywordWeight?: number;
  /** Keep only each proposal's best N experts (sparse candidates for large calls); default all. */
  topPerProposal?: number;
}

export interface Affinity {
  proposalId: string;
  expertId: string;
  /** 0–100. */
  score: number;
  keywordOverlap: number;
  textSimilarity: number;
}

const STOP = new Set(
  'a an and are as at be by for from has have in into is it its of on or our that the their this to we will with using use used which these those than then can may also between during after before over under via per'.split(
    ' ',
  ),
);

/**
 * Words in Latin, Cyrillic and similar scripts, folded and lightly stemmed; Han, Kana and Hangul
 * text, which has no spaces, as overlapping character pairs (the usual unit for CJK retrieval).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const folded = text.normalize('NFKC').toLowerCase();
  for (const run of folded.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu) ??
    []) {
    if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(run)) {
      const chars = [...run];
      if (chars.length === 1) out.push(run);
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
    } else if (run.length > 1 && !STOP.has(run)) {
      out.push(stem(run));
    }
  }
  return out;
}

/** Plural and -ing/-ed endings only: enough to meet "isotopes"/"isotope", never a full stemmer. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const keywordSet = (keywords: readonly string[]) => new Set(keywords.map((k) => tokenize(k).join(' ')).filter(Boolean));

/** Overlap of two keyword lists as the share of the proposal's keywords the expert covers (0–1). */
export function keywordOverlap(expert: readonly string[], proposal: readonly string[]): number {
  const mine = keywordSet(proposal);
  if (mine.size === 0) return 0;
  const theirs = keywordSet(expert);
  let hit = 0;
  for (const k of mine) if (theirs.has(k)) hit++;
  return hit / mine.size;
}

const K1 = 1.2;
const B = 0.75;

/**
 * BM25 with the experts' texts as the documents and each proposal as the query, normalised per
 * proposal by its best expert so that a long scheme does not outweigh a short one.
 */
function bm25(experts: readonly ExpertText[], proposals: readonly ProposalText[]): Map<number, Float64Array> {
  const docs = experts.map((e) => tokenize([...e.keywords, e.statement, ...e.publicationTitles].join(' ')));
  const avg = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length) || 1;
  const postings = new Map<string, { doc: number; tf: number }[]>();
  docs.forEach((tokens, doc) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      const list = postings.get(term);
      const entry = { doc, tf: n };
      if (list) list.push(entry);
      else postings.set(term, [entry]);
    }
  });
  const result = new Map<number, Float64Array>();
  proposals.forEach((proposal, p) => {
    const scores = new Float64Array(experts.length);
    for (const term of new Set(tokenize(proposal.text))) {
      const list = postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const len = (docs[doc] as string[]).length;
        scores[doc] = (scores[doc] as number) + (idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * len) / avg));
      }
    }
    let best = 0;
    for (const s of scores) best = Math.max(best, s);
    if (best > 0) for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) / best;
    result.set(p, scores);
  });
  return result;
}

/** Affinity of every expert to every proposal (or each proposal's best N), sorted by proposal then expert. */
export function computeAffinities(
  experts: readonly ExpertText[],
  proposals: readonly ProposalText[],
  options: AffinityOptions = {},
): Affinity[] {
  const w = options.keywordWeight ?? 0.5;
  const text = bm25(experts, proposals);
  const out: Affinity[] = [];
  proposals.forEach((proposal, p) => {
    const sims = text.get(p) as Float64Array;
    // A proposal without keywords is judged on its text alone.
    const weight = proposal.keywords.length > 0 ? w : 0;
    let rows = experts.map((expert, e) => {
      const kw = keywordOverlap(expert.keywords, proposal.keywords);
      const sim = sims[e] as number;
      return {
        proposalId: proposal.proposalId,
        expertId: expert.expertId,
        score: Math.round(100 * (weight * kw + (1 - weight) * sim)),
        keywordOverlap: Math.round(kw * 1000) / 1000,
        textSimilarity: Math.round(sim * 1000) / 1000,
      };
    });
    if (options.topPerProposal !== undefined) {
      rows = rows.sort((a, b) => b.score - a.score || (a.expertId < b.expertId ? -1 : 1)).slice(0, options.topPerProposal);
    }
    out.push(...rows.sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0)));
  });
  return out.sort((a, b) => (a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0));
}
