import { z } from 'zod';
import { LOCALES, ROLES, SCOPE_TYPES, TOKEN_SCOPES } from '../domain/accounts/roles.js';
import { Timestamp, Uuid } from './common.js';

const Email = z.email().max(254).describe('E-mail address; case does not matter.');
const Password = z.string().min(1).max(200).describe('At least 10 characters.');
const Token = z.string().min(10).max(200).describe('The token from the e-mail link.');

export const GrantShape = z.object({
  id: Uuid,
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES).nullable(),
  scopeId: z.string().nullable().describe('Id of the institution, call, program or sample collection the role applies to.'),
});

export const Account = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  status: z.enum(['pending', 'active', 'disabled']),
  locale: z.enum(LOCALES),
  emailVerifiedAt: Timestamp.nullable(),
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
  grants: z.array(GrantShape),
});

export const SignUpBody = z.object({
  email: Email,
  displayName: z.string().trim().min(1).max(200),
  password: Password,
  institutionId: Uuid.describe('The institution you apply for.'),
  locale: z.enum(LOCALES).default('en'),
});
export const SignInBody = z.object({ email: Email, password: Password });
export const EmailBody = z.object({ email: Email });
export const TokenBody = z.object({ token: Token });
export const NewPasswordBody = z.object({ token: Token, password: Password });
export const LocaleBody = z.object({ locale: z.enum(LOCALES).describe('The language of your e-mails.') });

export const Me = z.object({
  account: Account.nullable().describe('null when nobody is signed in.'),
  csrfToken: z.string().nullable().describe('Send it as the x-csrf-token header on every write made with the session cookie.'),
});
export const SignedIn = z.object({ account: Account, csrfToken: z.string() });
export const Accepted = z.object({ message: z.string() });

export const Session = z.object({
  id: Uuid,
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  current: z.boolean(),
});

export const ApiToken = z.object({
  id: Uuid,
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it.'),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  expiresAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export const NewApiToken = ApiToken.extend({ token: z.string().describe('The secret. Shown this once; store it now.') });
export const CreateTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

export const GrantBody = z.object({ role: z.enum(ROLES), scopeId: z.string().max(100).nullable().optional() });
export const InviteBody = z.object({
  email: Email,
  displayName: z.string().trim().min(1).max(200),
  locale: z.enum(LOCALES).default('en'),
  grants: z.array(GrantBody).max(20).default([]),
});

export const OutboxMessage = z.object({
  id: Uuid,
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  template: z.string(),
  locale: z.string(),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});

export const AuditRow = z.object({
  id: z.number().int(),
  at: Timestamp,
  actor: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  details: z.record(z.string(), z.unknown()),
  address: z.string().nullable(),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
});
