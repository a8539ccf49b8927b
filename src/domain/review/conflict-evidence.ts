// Evidence gathered for one proposal at a time, per expert, one line per distinct fact. Experts are
// array slots stamped with the proposal's generation, so opening the next proposal costs nothing
// and no map is built per proposal.
import { CONFLICT_KINDS, type ConflictEvidence, type ConflictKind } from './conflict-profiles.js';

const KIND_ORDER = new Map(CONFLICT_KINDS.map((kind, i) => [kind, i]));
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class EvidenceBook {
  private readonly stamp: Int32Array;
  private readonly lists: ConflictEvidence[][];
  private generation = 0;
  private touched: number[] = [];

  constructor(experts: number) {
    this.stamp = new Int32Array(experts);
    this.lists = new Array(experts);
  }

  /** Starts the next proposal's book. */
  open(): void {
    this.generation++;
    this.touched = [];
  }

  add(expert: number, kind: ConflictKind, text: string): void {
    if (this.stamp[expert] !== this.generation) {
      this.stamp[expert] = this.generation;
      this.lists[expert] = [{ kind, text }];
      this.touched.push(expert);
      return;
    }
    // An expert holds a handful of facts per proposal: a scan beats hashing the sentence.
    const list = this.lists[expert]!;
    for (const known of list) if (known.kind === kind && known.text === text) return;
    list.push({ kind, text });
  }

  /** The experts with evidence on this proposal, ordered by `rank`. */
  touchedByRank(rank: Int32Array): number[] {
    return this.touched.sort((a, b) => rank[a]! - rank[b]!);
  }

  /** An expert's evidence by kind (in the order of CONFLICT_KINDS), then text. */
  sortedEvidence(expert: number): ConflictEvidence[] {
    return this.lists[expert]!.sort(
      (a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || byText(a.text, b.text),
    );
  }
}
