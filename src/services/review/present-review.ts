import type { experts, reviewConflicts, reviewRounds, reviews } from '../../db/schema.js';

// What leaves the service layer: ISO strings for times, nothing internal.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentRound = (r: typeof reviewRounds.$inferSelect) => ({
  id: r.id,
  callId: r.callId,
  stage: r.stage as 'letter_of_intent' | 'full_proposal',
  title: r.title,
  deadlineAt: r.deadlineAt.toISOString(),
  reviewsPerProposal: r.reviewsPerProposal,
  collectsBids: r.collectsBids,
  dualAnonymous: r.dualAnonymous,
  sameCountryRule: r.sameCountryRule,
  coauthorWindowYears: r.coauthorWindowYears,
  status: r.status,
});

export const presentExpert = (e: typeof experts.$inferSelect) => ({
  id: e.id,
  callId: e.callId,
  name: e.name,
  email: e.email,
  orcid: e.orcid,
  institutionId: e.institutionId,
  countryCode: e.countryCode,
  keywords: e.keywords,
  statement: e.statement,
  minLoad: e.minLoad,
  maxLoad: e.maxLoad,
  status: e.status,
  synthetic: e.synthetic,
});

export const presentConflict = (c: typeof reviewConflicts.$inferSelect) => ({
  id: c.id,
  expertId: c.expertId,
  applicationId: c.applicationId,
  source: c.source,
  evidence: c.evidence,
  reason: c.reason,
  pinned: c.pinned,
  waivedAt: iso(c.waivedAt),
  waivedBy: c.waivedBy,
  waiverReason: c.waiverReason,
});

export const presentReview = (r: typeof reviews.$inferSelect) => ({
  id: r.id,
  assignmentId: r.assignmentId,
  scores: r.scores,
  confidence: r.confidence,
  recommendation: r.recommendation,
  comment: r.comment,
  status: r.status,
  revision: r.revision,
  submittedAt: iso(r.submittedAt),
});
