import type { CallOffers, OfferTotals } from '../../domain/calls/accommodation.js';
import { AppError } from '../../domain/errors.js';
import type { DemoCall } from './demo-calls-data.js';

export interface InstitutionRef {
  id: string;
  name: string;
  countryCode: string | null;
  organisationId: string | null;
}

export interface LoadedCall {
  id: string;
  def: DemoCall;
  offers: CallOffers;
  /** Offer key (`collection/type`, `mission/module`) → offer id. */
  offerIds: Map<string, string>;
  /** Totals of the submitted applications so far, per stage, by offer id. */
  totals: Record<string, Record<string, OfferTotals>>;
}

export const refused = (message: string, issues: { field: string; message: string }[] = []) =>
  new AppError(
    'VALIDATION_FAILED',
    `The demo calls were refused: ${message}${issues.length ? `\n${issues.map((i) => `  ${i.field}: ${i.message}`).join('\n')}` : ''}`,
  );

/** Owners of the demo applications: one disabled account without a password per lead institution. */
export const DEMO_APPLICANT_DOMAIN = 'applicants.orbitshare.demo';
