import { z } from 'zod';

export const Uuid = z.uuid().describe('Record id (UUID).');
/**
 * Years the system accepts in dates and timestamps. Far outside them a value is a typing slip, and
 * some (year 0, 5 or 6 digits) are refused by PostgreSQL or JavaScript's Date only after the checks.
 */
export const YEARS = { earliest: 1900, latest: 2200 } as const;
const yearInRange = (year: number) => year >= YEARS.earliest && year <= YEARS.latest;
const YEAR_MESSAGE = `The year must be between ${YEARS.earliest} and ${YEARS.latest}.`;

// Checked with zod's ISO parsers, but published as plain strings with a format: the parsers' regular
// expressions (leap years and all) in the OpenAPI document make swagger-ui's example generator hang.
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const Timestamp = z
  .string()
  .refine((value) => isoDateTime.safeParse(value).success, {
    message: 'Not an ISO 8601 date and time with Z or an offset, e.g. 2025-09-30T15:59:00Z.',
    abort: true,
  })
  .refine((value) => yearInRange(new Date(value).getUTCFullYear()), YEAR_MESSAGE)
  .meta({
    format: 'date-time',
    description: `ISO 8601 date and time with Z or an offset, e.g. 2025-09-30T15:59:00Z; years ${YEARS.earliest}–${YEARS.latest}.`,
  });
export const IsoDate = z
  .string()
  .refine((value) => isoDate.safeParse(value).success, { message: 'Not a calendar date, YYYY-MM-DD.', abort: true })
  .refine((value) => yearInRange(Number(value.slice(0, 4))), YEAR_MESSAGE)
  .meta({ format: 'date', description: `Calendar date, YYYY-MM-DD; years ${YEARS.earliest}–${YEARS.latest}.` });
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens')
  .max(80)
  .describe('URL name, e.g. "change-8".');
export const Name = z.string().trim().min(1).max(300);
export const LongText = z.string().max(20_000);
export const Confidence = z
  .enum(['confirmed', 'unconfirmed'])
  .describe('"unconfirmed" marks a fact the sources disagree on; confidenceNote says why.');

/** Optional on create, and may be cleared with null on update. */
export const opt = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const Stamps = {
  createdAt: Timestamp,
  updatedAt: Timestamp,
  archivedAt: Timestamp.nullable().describe(
    'Set when the record was archived; archived records are hidden from lists by default.',
  ),
};

export const ListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('1-based page number.'),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/)
    .optional()
    .describe('A sortable field; prefix with "-" for descending, e.g. "-launchYear".'),
  q: z.string().max(200).optional().describe('Case-insensitive text search over names.'),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().describe('Number of matching records over all pages.'),
  });

export const FieldIssue = z.object({
  field: z.string().describe('Dotted path of the offending field, e.g. "orcid" or "participants.0.role".'),
  code: z.string(),
  message: z.string(),
});

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable error code; see the error table in the API description.'),
    detail: z.string(),
    field: z.string().optional().describe('The field at fault, when there is one.'),
    errors: z.array(FieldIssue).optional().describe('Every field at fault, all at once.'),
    instance: z.string().optional(),
  })
  .describe('RFC 9457 problem details.');
