import { z } from 'zod';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import type { SelectionInstance } from './types.js';

const count = z.number().int().nonnegative();

/**
 * The plain instance format of `orbitshare solve selection`: maximise total merit with Σ use ≤ budget
 * per resource, at most countryCap per country, at least minCountries distinct countries.
 */
const InstanceFile = z
  .object({
    budgets: z.array(count),
    countryCap: count.optional(),
    minCountries: count.optional(),
    proposals: z.array(
      z.object({ id: z.string().min(1), country: z.string().min(1), merit: count, use: z.array(count) }).strict(),
    ),
  })
  .strict();

export function parseInstanceFile(text: string): SelectionInstance {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `not JSON: ${(error as Error).message}`);
  }
  const parsed = InstanceFile.safeParse(json);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
      field: i.path.join('.'),
      code: 'VALIDATION_FAILED',
      message: i.message,
    }));
    throw AppError.fromIssues(issues);
  }
  const { budgets, countryCap, minCountries, proposals } = parsed.data;
  return {
    budgets: budgets.map((amount, r) => ({ id: `r${r + 1}`, amount })),
    ...(countryCap !== undefined ? { countryCap } : {}),
    ...(minCountries !== undefined ? { minCountries } : {}),
    proposals,
  };
}
