// Infeasibility in terms an officer acts on: not enough reviews in total, a proposal (or a group of
// proposals) with too few eligible experts and who they are, an expert whose minimum load cannot be
// met, a required expertise nobody eligible has.
import type { Instance } from './instance.js';
import type { FlowNetwork } from './min-cost-flow.js';
import type { InfeasibilityReason } from './types.js';

const sum = (values: Int32Array) => values.reduce((total, v) => total + Math.max(0, v), 0);

/** Cheap checks run before any solve; each one alone proves infeasibility. */
export function precheck(instance: Instance): InfeasibilityReason[] {
  const { demand0, maxLoad0, minLoad0, demand, maxLoad, pairP, pairR, proposalIds, reviewerIds } = instance;
  const reasons: InfeasibilityReason[] = [];
  const totalDemand = sum(demand0);
  const totalSupply = sum(maxLoad0);
  if (totalDemand > totalSupply) reasons.push({ kind: 'supply', totalDemand, totalSupply });
  const totalMinLoad = sum(minLoad0);
  if (totalMinLoad > totalDemand) reasons.push({ kind: 'min-load-exceeds-demand', totalMinLoad, totalDemand });

  const eligible: number[][] = proposalIds.map(() => []);
  const candidates = new Int32Array(reviewerIds.length);
  for (let k = 0; k < pairP.length; k++) {
    candidates[pairR[k]!]!++;
    if (maxLoad[pairR[k]!]! > 0) eligible[pairP[k]!]!.push(pairR[k]!);
  }
  for (let k = 0; k < instance.fixedR.length; k++) candidates[instance.fixedR[k]!]!++;
  for (let p = 0; p < proposalIds.length; p++) {
    if (eligible[p]!.length < demand[p]!) {
      const fixed = [...instance.fixedP.keys()].filter((k) => instance.fixedP[k] === p).map((k) => instance.fixedR[k]!);
      reasons.push({
        kind: 'too-few-eligible',
        proposal: proposalIds[p]!,
        demand: demand0[p]!,
        eligible: [...fixed, ...eligible[p]!].sort((a, b) => a - b).map((r) => reviewerIds[r]!),
      });
    }
    for (const e of instance.required[p]!) {
      if (!eligible[p]!.some((r) => instance.reviewerExpertise[r]!.includes(e))) {
        reasons.push({ kind: 'no-expert-with-expertise', proposal: proposalIds[p]!, expertise: instance.expertiseNames[e]! });
      }
    }
  }
  for (let r = 0; r < reviewerIds.length; r++) {
    if (candidates[r]! < minLoad0[r]!) {
      reasons.push({
        kind: 'min-load-unreachable',
        reviewer: reviewerIds[r]!,
        minLoad: minLoad0[r]!,
        candidates: candidates[r]!,
      });
    }
  }
  return reasons;
}

/**
 * After a flow left some proposals short: the proposals reachable from them in the residual network
 * form a group whose reachable experts are all fully loaded (Hall's condition fails), so the group
 * needs more reviews than its eligible experts can give. Names the group and those experts.
 */
export function explainShortfall(instance: Instance, net: FlowNetwork, unfilled: number[]): InfeasibilityReason[] {
  const P = instance.demand.length;
  const sink = P + instance.maxLoad.length;
  const reached = new Uint8Array(net.nodeCount);
  const queue = [...unfilled];
  for (const p of unfilled) reached[p] = 1;
  while (queue.length > 0) {
    const u = queue.pop()!;
    net.forEachResidualArc(u, (a) => {
      const v = net.head[a]!;
      if (!reached[v] && v !== sink) {
        reached[v] = 1;
        queue.push(v);
      }
    });
  }
  const group: number[] = [];
  for (let p = 0; p < P; p++) if (reached[p]) group.push(p);
  const inGroup = new Set(group);
  // What the group can get at most: the full capacity of the experts it reaches, plus one review
  // from each pair it already holds with an expert outside (that expert cannot give more to it).
  const eligible = new Set<number>();
  let capacity = 0;
  for (let k = 0; k < instance.pairP.length; k++) {
    if (!inGroup.has(instance.pairP[k]!)) continue;
    const r = instance.pairR[k]!;
    eligible.add(r);
    if (!reached[P + r] && net.flowOn(2 * k) > 0) capacity++;
  }
  for (const r of eligible) if (reached[P + r]) capacity += Math.max(0, instance.maxLoad[r]!);
  let demand = 0;
  for (const p of group) demand += instance.demand[p]!;
  if (group.length === 1) {
    const p = group[0]!;
    return [
      {
        kind: 'too-few-eligible',
        proposal: instance.proposalIds[p]!,
        demand: instance.demand0[p]!,
        eligible: [...eligible].sort((a, b) => a - b).map((r) => instance.reviewerIds[r]!),
      },
    ];
  }
  return [
    {
      kind: 'group-too-few-eligible',
      proposals: group.map((p) => instance.proposalIds[p]!),
      demand,
      capacity,
      eligible: [...eligible].sort((a, b) => a - b).map((r) => instance.reviewerIds[r]!),
    },
  ];
}

/** Experts whose minimum load no complete assignment meets, with how many proposals they could take. */
export function explainMinLoads(instance: Instance, reviewers: number[]): InfeasibilityReason[] {
  const candidates = new Int32Array(instance.reviewerIds.length);
  for (let k = 0; k < instance.pairR.length; k++) candidates[instance.pairR[k]!]!++;
  for (let k = 0; k < instance.fixedR.length; k++) candidates[instance.fixedR[k]!]!++;
  return reviewers.map((r) => ({
    kind: 'min-load-unreachable' as const,
    reviewer: instance.reviewerIds[r]!,
    minLoad: instance.minLoad0[r]!,
    candidates: candidates[r]!,
  }));
}
