import { fieldFromDetail, isDataException, PG, pgErrorOf } from '../../db/pg-errors.js';
import { AppError } from '../../domain/errors.js';

/**
 * Turns the database's refusal of a write into the AppError a person can act on. The database has
 * the last word on uniqueness and references (it sees concurrent writers); this only names the field.
 */
export function translateWriteError(error: unknown, noun: string, idField: string): never {
  if (error instanceof AppError) throw error;
  const pg = pgErrorOf(error);
  if (pg?.code === PG.uniqueViolation) {
    const field = pg.constraint?.endsWith('_pkey') ? idField : (fieldFromDetail(pg.detail) ?? 'id');
    throw new AppError('DUPLICATE', `Another ${noun} already has this ${field}.`, [
      { field, code: 'DUPLICATE', message: `Another ${noun} already has this ${field}.` },
    ]);
  }
  if (pg?.code === PG.foreignKeyViolation) {
    const field = fieldFromDetail(pg.detail) ?? 'id';
    const message = `The record that ${field} refers to does not exist.`;
    throw new AppError('REFERENCE_NOT_FOUND', message, [{ field, code: 'REFERENCE_NOT_FOUND', message }]);
  }
  if (pg?.code === PG.checkViolation) {
    const message = `The ${noun} breaks the rule "${pg.constraint ?? 'check'}".`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: pg.column ?? idField, code: 'VALIDATION_FAILED', message }]);
  }
  if (pg && isDataException(pg.code)) {
    throw new AppError('VALIDATION_FAILED', `A value of the ${noun} cannot be stored (out of range, or of the wrong kind).`);
  }
  throw error;
}
