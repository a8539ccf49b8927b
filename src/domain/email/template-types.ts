// The shape of an e-mail message catalogue: one render function per template, per language.

export const CORE_TEMPLATE_NAMES = [
  'verify_email',
  'reset_password',
  'invitation',
  'signup_exists',
  'submission_receipt',
  'reset_no_account',
  'password_changed',
] as const;
export type CoreTemplateName = (typeof CORE_TEMPLATE_NAMES)[number];

export interface Rendered {
  subject: string;
  body: string;
}

export type Vars = {
  /**
   * The greeting's name, only when the address was verified: a name typed by whoever signed up is
   * sender-chosen text, never sent to an address that has not confirmed it belongs to them.
   */
  name: string;
  link: string;
  hours: number;
  /** submission_receipt: the call, the version written and when (in the call's time zone). */
  callTitle?: string;
  version?: number;
  at?: string;
  /** review_*: the review deadline (in the call's time zone) and how many proposals. */
  deadline?: string;
  count?: number;
  /** password_changed: how many API tokens the reset revoked. */
  tokensRevoked?: number;
  /** duty_*: the loan and the kind of duty. */
  loanReference?: string;
  dutyKind?: string;
};

/** One language's messages for the account and application e-mails. */
export type CoreMessages = Record<CoreTemplateName, (v: Vars) => Rendered>;
