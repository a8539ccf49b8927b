// Infeasibility reasons as sentences an officer can act on.
import type { InfeasibilityReason } from './types.js';

const list = (ids: string[], max = 12) =>
  ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;

export function describeReason(reason: InfeasibilityReason): string {
  switch (reason.kind) {
    case 'supply':
      return `The proposals need ${reason.totalDemand} reviews but the experts' maximum loads add up to ${reason.totalSupply}: invite experts or raise loads by ${reason.totalDemand - reason.totalSupply}, or ask for fewer reviews.`;
    case 'min-load-exceeds-demand':
      return `The experts' minimum loads add up to ${reason.totalMinLoad} but only ${reason.totalDemand} reviews are needed: lower the minimum loads.`;
    case 'too-few-eligible':
      return `Proposal ${reason.proposal} needs ${reason.demand} reviews but only ${reason.eligible.length} experts are eligible (${list(reason.eligible) || 'none'}): add experts or resolve conflicts.`;
    case 'group-too-few-eligible':
      return `Proposals ${list(reason.proposals)} need ${reason.demand} more reviews together, but the experts eligible for them (${list(reason.eligible)}) can give only ${reason.capacity}: add experts for these proposals or raise those experts' loads.`;
    case 'min-load-unreachable':
      return `Expert ${reason.reviewer} must review at least ${reason.minLoad} proposals but no complete assignment gives that (${reason.candidates} proposals are open to them): lower the minimum load or open more proposals to them.`;
    case 'forced-exceeds-demand':
      return `Proposal ${reason.proposal} has ${reason.forced} forced or kept reviewers but needs only ${reason.demand}.`;
    case 'forced-exceeds-load':
      return `Expert ${reason.reviewer} has ${reason.forced} forced or kept assignments, above the maximum load ${reason.maxLoad}.`;
    case 'forced-is-forbidden':
      return `Expert ${reason.reviewer} is forced onto proposal ${reason.proposal} but the pair is forbidden (a conflict): remove one of the two.`;
    case 'no-expert-with-expertise':
      return `Proposal ${reason.proposal} requires an expert in "${reason.expertise}" and no eligible expert has it.`;
    case 'expertise-requirements':
      return `The required expertise of proposals ${list(reason.proposals)} cannot all be met within the experts' loads: add experts with the required expertise or relax a requirement.`;
    case 'unknown-id':
      return `Unknown ${reason.what} "${reason.id}".`;
  }
}
