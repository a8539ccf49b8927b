import { pgErrorOf } from '../../db/pg-errors.js';
import { AppError } from '../../domain/errors.js';

/** The database's refusals of signatures and loans (migration 0016) as AppErrors. */
export function translateSignatureError(error: unknown): never {
  const pg = pgErrorOf(error);
  const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
  if (pg?.code === '23505' && pg.constraint === 'agreement_signatures_signatory_key')
    throw new AppError('CONFLICT', 'This signatory has already signed.');
  if (pg?.code === '23514' && pg.constraint === 'agreement_signature_hash')
    throw new AppError('CONFLICT', 'The hash confirmed is not the hash of this agreement’s document.', [
      { field: 'documentSha256', code: 'CONFLICT', message: 'The hash does not match the document.' },
    ]);
  if (pg?.code === '23514' && (pg.constraint?.startsWith('agreement_signature') || pg.constraint === 'loans_agreement_in_force'))
    throw new AppError('CONFLICT', message);
  throw error;
}
