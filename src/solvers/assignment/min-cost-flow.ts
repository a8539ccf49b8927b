// Min-cost flow by successive shortest paths: Dijkstra on reduced costs (node potentials keep them
// non-negative), a binary heap, and early termination at the sink. Typed arrays throughout so that
// a 1.2 M-arc network fits in tens of megabytes. Costs are integers held exactly in float64.
import { IndexedHeap } from './indexed-heap.js';

export class FlowNetwork {
  readonly nodeCount: number;
  arcCount = 0;
  /** Arc a goes from tail[a] to head[a]; a ^ 1 is its reverse (residual) arc. */
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly residual: Int32Array;
  readonly cost: Float64Array;
  /** Forward arcs leaving each node (compressed, insertion order). */
  private start = new Int32Array(0);
  private forward = new Int32Array(0);
  /**
   * Reverse arcs with residual capacity, per node, kept up to date as flow moves: a reverse arc is
   * only usable once its forward arc carries flow, and most never do, so scanning just these keeps
   * an expert's scan to its few assigned proposals instead of all its candidates.
   */
  private reverseStart = new Int32Array(0);
  readonly reverseCount: Int32Array;
  private reverseList = new Int32Array(0);
  private reversePos = new Int32Array(0);

  constructor(nodeCount: number, maxArcs: number) {
    this.nodeCount = nodeCount;
    this.head = new Int32Array(2 * maxArcs);
    this.tail = new Int32Array(2 * maxArcs);
    this.residual = new Int32Array(2 * maxArcs);
    this.cost = new Float64Array(2 * maxArcs);
    this.reverseCount = new Int32Array(nodeCount);
  }

  /** Adds an arc and returns its id (flow on it = residual of id ^ 1). Costs must be ≥ 0. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const a = this.arcCount;
    this.tail[a] = from;
    this.head[a] = to;
    this.residual[a] = capacity;
    this.cost[a] = cost;
    this.tail[a + 1] = to;
    this.head[a + 1] = from;
    this.residual[a + 1] = 0;
    this.cost[a + 1] = -cost;
    this.arcCount += 2;
    return a;
  }

  flowOn(arc: number): number {
    return this.residual[arc ^ 1]!;
  }

  /** Builds the adjacency once all arcs are in. */
  freeze(): void {
    const n = this.nodeCount;
    const start = new Int32Array(n + 1);
    const reverseStart = new Int32Array(n + 1);
    for (let a = 0; a < this.arcCount; a += 2) {
      start[this.tail[a]! + 1]!++;
      reverseStart[this.head[a]! + 1]!++;
    }
    for (let v = 0; v < n; v++) {
      start[v + 1]! += start[v]!;
      reverseStart[v + 1]! += reverseStart[v]!;
    }
    const fill = start.slice(0, n);
    const forward = new Int32Array(this.arcCount >> 1);
    for (let a = 0; a < this.arcCount; a += 2) forward[fill[this.tail[a]!]!++] = a;
    this.start = start;
    this.forward = forward;
    this.reverseStart = reverseStart;
    this.reverseList = new Int32Array(this.arcCount >> 1);
    this.reversePos = new Int32Array(this.arcCount).fill(-1);
  }

  /** Moves one unit along arc a, keeping the lists of usable reverse arcs current. */
  push(a: number): void {
    const r = a ^ 1;
    this.residual[a]!--;
    this.residual[r]!++;
    if ((a & 1) === 0) {
      if (this.residual[r] === 1) {
        const v = this.tail[r]!;
        const at = this.reverseStart[v]! + this.reverseCount[v]!++;
        this.reverseList[at] = r;
        this.reversePos[r] = at;
      }
    } else if (this.residual[a] === 0) {
      const v = this.tail[a]!;
      const at = this.reversePos[a]!;
      const last = this.reverseStart[v]! + --this.reverseCount[v]!;
      const moved = this.reverseList[last]!;
      this.reverseList[at] = moved;
      this.reversePos[moved] = at;
      this.reversePos[a] = -1;
    }
  }

  /** Calls `visit` for every arc leaving u with residual capacity. */
  forEachResidualArc(u: number, visit: (arc: number) => void): void {
    for (let k = this.start[u]!; k < this.start[u + 1]!; k++) if (this.residual[this.forward[k]!]! > 0) visit(this.forward[k]!);
    const from = this.reverseStart[u]!;
    for (let k = from; k < from + this.reverseCount[u]!; k++) visit(this.reverseList[k]!);
  }

  /** For the hot loop: forward arcs of u are forward[start[u]..start[u+1]), usable reverse ones likewise. */
  adjacency() {
    return {
      start: this.start,
      forward: this.forward,
      reverseStart: this.reverseStart,
      reverseCount: this.reverseCount,
      reverseList: this.reverseList,
    };
  }
}

/**
 * Sends units one at a time from source nodes to one sink along shortest paths of the residual
 * network. Valid for any order of sources as long as the initial costs are non-negative (potentials
 * start at 0), which the callers guarantee by shifting costs.
 */
export class ShortestPathSolver {
  readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly parentArc: Int32Array;
  private readonly seen: Int32Array;
  private readonly closed: Int32Array;
  private readonly poppedList: Int32Array;
  private readonly heap: IndexedHeap;
  private generation = 0;

  constructor(private readonly net: FlowNetwork) {
    const n = net.nodeCount;
    this.potential = new Float64Array(n);
    this.dist = new Float64Array(n);
    this.parentArc = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.closed = new Int32Array(n);
    this.poppedList = new Int32Array(n);
    this.heap = new IndexedHeap(n);
  }

  /** Pushes one unit from `source` to `sink` along a cheapest path; false when the sink is unreachable. */
  augment(source: number, sink: number): boolean {
    const { head, residual, cost } = this.net;
    const { potential, dist, parentArc, seen, closed, poppedList, heap } = this;
    const { start, forward, reverseStart, reverseCount, reverseList } = this.net.adjacency();
    const gen = ++this.generation;
    let popped = 0;
    heap.clear();
    seen[source] = gen;
    dist[source] = 0;
    parentArc[source] = -1;
    heap.push(source, 0);
    let reached = false;
    while (heap.size > 0) {
      const u = heap.pop();
      closed[u] = gen;
      poppedList[popped++] = u;
      if (u === sink) {
        reached = true;
        break;
      }
      const du = dist[u]! + potential[u]!;
      for (let pass = 0; pass < 2; pass++) {
        const list = pass === 0 ? forward : reverseList;
        const from = pass === 0 ? start[u]! : reverseStart[u]!;
        const to = pass === 0 ? start[u + 1]! : from + reverseCount[u]!;
        for (let k = from; k < to; k++) {
          const a = list[k]!;
          if (residual[a]! <= 0) continue;
          const v = head[a]!;
          if (closed[v] === gen) continue;
          const nd = du + cost[a]! - potential[v]!;
          if (seen[v] !== gen) {
            seen[v] = gen;
            dist[v] = nd;
            parentArc[v] = a;
            heap.push(v, nd);
          } else if (nd < dist[v]!) {
            dist[v] = nd;
            parentArc[v] = a;
            heap.decrease(v, nd);
          }
        }
      }
    }
    // Potentials of settled nodes move by their distance beyond the last settled one, which keeps
    // every residual reduced cost non-negative (early termination, unsettled nodes unchanged).
    const limit = dist[poppedList[popped - 1]!]!;
    for (let i = 0; i < popped; i++) {
      const v = poppedList[i]!;
      potential[v]! += dist[v]! - limit;
    }
    if (!reached) return false;
    for (let v = sink; v !== source; ) {
      const a = parentArc[v]!;
      this.net.push(a);
      v = this.net.tail[a]!;
    }
    return true;
  }
}
