/** The parts of a PostgreSQL error the services translate; drizzle wraps driver errors in `cause`. */
export interface PgErrorInfo {
  code: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

export function pgErrorOf(error: unknown): PgErrorInfo | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; constraint?: string; detail?: string; column?: string; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, constraint: candidate.constraint, detail: candidate.detail, column: candidate.column };
    }
    current = candidate.cause;
  }
  return null;
}

export const PG = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  serializationFailure: '40001',
  invalidTextRepresentation: '22P02',
} as const;

/**
 * SQLSTATE class 22, "data exception": a value the database cannot hold or convert (out of range,
 * bad text for the type, a NUL character, an invalid time zone displacement). It is always the
 * input's fault, never the server's.
 */
export const isDataException = (code: string) => code.startsWith('22');

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The API field named by "Key (country_code)=(XX) …" or "Key (lower(email))=(…)". */
export function fieldFromDetail(detail: string | undefined): string | undefined {
  const match = detail && /Key \((?:\w+\()?(\w+)\)?\)=/.exec(detail);
  return match?.[1] ? camel(match[1]) : undefined;
}
