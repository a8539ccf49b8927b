// Shapes of the score calibration (MacKay et al. 2017, "Calibration with confidence").

export type Confidence = 'high' | 'medium' | 'low';

export interface ReviewScore {
  proposal: string;
  reviewer: string;
  score: number;
  confidence: Confidence;
}

export interface CalibrationOptions {
  /** Confidence ratio: weights λ², 1, λ⁻² for high, medium, low (default 1.75). */
  lambda?: number;
  /**
   * Ridge prior on biases, in review-weight units (default 1: as much as one medium-confidence review
   * saying "no bias"). It fixes the gauge: at the optimum the biases of each connected part sum to 0.
   */
  biasPrior?: number;
  /** Normal quantile for the interval (default 1.96, a 95 % interval). */
  z?: number;
}

export interface CalibratedProposal {
  id: string;
  reviews: number;
  rawMean: number;
  merit: number;
  standardError: number;
  low: number;
  high: number;
}

export interface ReviewerBias {
  id: string;
  reviews: number;
  bias: number;
}

export interface ReviewComponent {
  proposals: string[];
  reviewers: string[];
}

export interface CalibrationResult {
  proposals: CalibratedProposal[];
  reviewers: ReviewerBias[];
  /** Estimated noise standard deviation of a medium-confidence review. */
  noiseSd: number;
  /** `posterior`: exact posterior standard errors; `approximate`: bias uncertainty left out (very many reviewers). */
  uncertainty: 'posterior' | 'approximate';
  connected: boolean;
  /** The parts of the review graph when it is not connected (merits are comparable only within one). */
  components: ReviewComponent[];
  warnings: string[];
}
