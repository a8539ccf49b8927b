// The closed vocabularies of expert review; the database checks the same lists.

export const REVIEW_STAGES = ['letter_of_intent', 'full_proposal'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const EXPERT_STATUSES = ['invited', 'accepted', 'declined'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];

export const CONFLICT_SOURCES = ['detected', 'declared_by_expert', 'declared_by_applicant', 'officer'] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

export const BIDS = ['eager', 'willing', 'not_willing', 'conflict'] as const;
export type Bid = (typeof BIDS)[number];

export const ASSIGNMENT_SOURCES = ['manual', 'solver'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

/** 'excluded': a conflict found after the review began took it out of the figures. */
export const REVIEW_STATUSES = ['draft', 'submitted', 'excluded'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type ReviewConfidence = (typeof CONFIDENCES)[number];

export const RECOMMENDATIONS = ['select', 'conditional', 'reject'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
