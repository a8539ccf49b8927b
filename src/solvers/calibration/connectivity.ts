// Is the reviewer–proposal graph connected? Calibration compares proposals through shared reviewers;
// proposals in different parts of the graph cannot be put on one scale.
import type { ReviewComponent } from './types.js';

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller root wins, so the grouping never depends on the order of reviews.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Components of the bipartite graph (proposal p is node p, reviewer r is node P + r), sorted by first member. */
export function reviewComponents(
  proposalIds: string[],
  reviewerIds: string[],
  reviewP: Int32Array,
  reviewR: Int32Array,
): { component: Int32Array; components: ReviewComponent[] } {
  const P = proposalIds.length;
  const sets = new UnionFind(P + reviewerIds.length);
  for (let i = 0; i < reviewP.length; i++) sets.union(reviewP[i]!, P + reviewR[i]!);
  const indexOfRoot = new Map<number, number>();
  const components: ReviewComponent[] = [];
  const component = new Int32Array(P + reviewerIds.length);
  for (let v = 0; v < P + reviewerIds.length; v++) {
    const root = sets.find(v);
    let index = indexOfRoot.get(root);
    if (index === undefined) {
      index = components.length;
      indexOfRoot.set(root, index);
      components.push({ proposals: [], reviewers: [] });
    }
    component[v] = index;
    if (v < P) components[index]!.proposals.push(proposalIds[v]!);
    else components[index]!.reviewers.push(reviewerIds[v - P]!);
  }
  return { component, components };
}
