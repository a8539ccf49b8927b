/**
 * The one error type the domain, services and policies throw. Each code has one meaning and one
 * HTTP status (see server/problem.ts); clients may rely on the codes, never on the messages.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'The request has fields that are missing or invalid.',
  INVALID_ISO_CODE: 'Not an assigned ISO 3166-1 alpha-2 country or region code.',
  INVALID_ORCID: 'Not a valid ORCID iD (format or check digit).',
  INVALID_ROR: 'Not a valid ROR id (format or checksum).',
  INELIGIBLE: 'The team does not meet the eligibility rules of the call.',
  OVER_LIMIT: 'A request exceeds what the call offers (mass, power, size, temperature, data or sample mass).',
  REFERENCE_NOT_FOUND: 'A referenced record does not exist.',
  UNAUTHENTICATED: 'Sign in (or send a valid API token) to do this.',
  FORBIDDEN: 'Your roles do not allow this.',
  INVALID_CREDENTIALS: 'The e-mail address or the password is wrong.',
  INVALID_TOKEN: 'The link or token is invalid, used or expired.',
  CSRF_FAILED: 'The request lacks the CSRF token of your session.',
  WEAK_PASSWORD: 'The password is too weak.',
  NOT_FOUND: 'No such record (or it is not visible to you).',
  DUPLICATE: 'A record with the same unique value already exists.',
  ARCHIVED: 'The record is archived and cannot be changed.',
  CONFLICT: 'The change conflicts with the current state of the record.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts.',
  INVALID_FILE: 'The uploaded file is not of the type asked for (checked by its content, not its name).',
  RATE_LIMITED: 'Too many requests; try again later.',
  INTERNAL: 'An unexpected error occurred; nothing was changed.',
  BORROWER_BLOCKED: 'The borrowing institution has an overdue duty under a sample loan: no new allocations until it is filed.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with one field; `field` is a dotted path into the request body or query. */
export interface FieldIssue {
  field: string;
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  /** Extra facts for the transport, e.g. how long to wait after RATE_LIMITED. */
  readonly meta: { retryAfterSeconds?: number };

  constructor(code: ErrorCode, message?: string, issues: FieldIssue[] = [], meta: AppError['meta'] = {}) {
    super(message ?? ERROR_CODES[code]);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
    this.meta = meta;
  }

  /** The field the error is about, when there is exactly one (or the first one). */
  get field(): string | undefined {
    return this.issues[0]?.field;
  }

  static fromIssues(issues: FieldIssue[]): AppError {
    const only = issues.length === 1 ? issues[0] : undefined;
    if (only) return new AppError(only.code, only.message, issues);
    return new AppError('VALIDATION_FAILED', `${issues.length} fields are invalid.`, issues);
  }
}

/** Collects field issues so a whole input is checked and every problem reported at once. */
export class IssueList {
  readonly issues: FieldIssue[] = [];

  add(field: string, code: ErrorCode, message: string): void {
    this.issues.push({ field, code, message });
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw AppError.fromIssues(this.issues);
  }
}
