import { AppError } from '../errors.js';
import type { AgreementStatus } from './vocabulary.js';

export type AgreementEvent = 'send' | 'all_signed' | 'supersede' | 'terminate' | 'expire' | 'amend';

/** Which event takes an agreement from which status to which. `amend` leaves the version as it is. */
const TRANSITIONS: Record<AgreementEvent, Partial<Record<AgreementStatus, AgreementStatus>>> = {
  send: { draft: 'awaiting_signatures' },
  all_signed: { awaiting_signatures: 'in_force' },
  supersede: { in_force: 'superseded' },
  terminate: { draft: 'terminated', awaiting_signatures: 'terminated', in_force: 'terminated' },
  expire: { in_force: 'expired' },
  amend: { in_force: 'in_force' },
};

export function nextAgreementStatus(status: AgreementStatus, event: AgreementEvent): AgreementStatus {
  const next = TRANSITIONS[event][status];
  if (!next)
    throw new AppError('CONFLICT', `An agreement that is ${status.replaceAll('_', ' ')} cannot ${event.replaceAll('_', ' ')}.`);
  return next;
}

export const canAgreement = (status: AgreementStatus, event: AgreementEvent) => TRANSITIONS[event][status] !== undefined;

/** In force once every signatory has signed (and there is at least one). */
export const everyoneSigned = (signatories: number, signatures: number) => signatories > 0 && signatures >= signatories;
