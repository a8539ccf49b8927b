import type { Locale } from '../accounts/roles.js';
import { CUSTODY_TEMPLATES, type CustodyTemplateName } from './custody-templates.js';
import { REVIEW_TEMPLATES, type ReviewTemplateName } from './review-templates.js';

type CoreTemplateName =
  | 'verify_email'
  | 'reset_password'
  | 'invitation'
  | 'signup_exists'
  | 'submission_receipt'
  | 'reset_no_account'
  | 'password_changed';
export type TemplateName = CoreTemplateName | ReviewTemplateName | CustodyTemplateName;

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

const dear = (v: Vars) => (v.name ? `Dear ${v.name},` : 'Hello,');
const greetZh = (v: Vars) => (v.name ? `${v.name}，您好：` : '您好：');

// Plain text, in English and Chinese. The link carries a single-use token; nothing else is secret.
const TEMPLATES: Record<CoreTemplateName, Record<Locale, (v: Vars) => Rendered>> = {
  verify_email: {
    en: (v) => ({
      subject: 'Confirm your Orbitshare e-mail address',
      body: `Hello,\n\nPlease confirm your e-mail address to activate your Orbitshare account:\n\n${v.link}\n\nThe link works once and for ${v.hours} hours. If you did not sign up, ignore this message.\n`,
    }),
    zh: (v) => ({
      subject: '请确认您的 Orbitshare 电子邮箱',
      body: `您好：\n\n请点击以下链接确认电子邮箱，以激活您的 Orbitshare 账户：\n\n${v.link}\n\n该链接只能使用一次，${v.hours} 小时内有效。如果您没有注册，请忽略此邮件。\n`,
    }),
  },
  reset_password: {
    en: (v) => ({
      subject: 'Reset your Orbitshare password',
      body: `${dear(v)}\n\nSomeone asked to reset the password of your Orbitshare account. To choose a new one:\n\n${v.link}\n\nThe link works once and for ${v.hours} hours. If it was not you, ignore this message: your password is unchanged.\n`,
    }),
    zh: (v) => ({
      subject: '重置您的 Orbitshare 密码',
      body: `${greetZh(v)}\n\n有人申请重置您的 Orbitshare 账户密码。如需设置新密码，请打开：\n\n${v.link}\n\n该链接只能使用一次，${v.hours} 小时内有效。如果不是您本人操作，请忽略此邮件，您的密码不会改变。\n`,
    }),
  },
  invitation: {
    en: (v) => ({
      subject: 'You are invited to Orbitshare',
      body: `Dear ${v.name},\n\nYou have been invited to Orbitshare. Choose your password to activate your account:\n\n${v.link}\n\nThe link works once and for ${v.hours} hours.\n`,
    }),
    zh: (v) => ({
      subject: '邀请您加入 Orbitshare',
      body: `${v.name}，您好：\n\n您已受邀加入 Orbitshare。请打开以下链接设置密码并激活账户：\n\n${v.link}\n\n该链接只能使用一次，${v.hours} 小时内有效。\n`,
    }),
  },
  signup_exists: {
    en: (v) => ({
      subject: 'Sign-up attempt on Orbitshare',
      body: `${dear(v)}\n\nSomeone tried to sign up to Orbitshare with this e-mail address, which already has an account. If you forgot your password, reset it here:\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: 'Orbitshare 注册提醒',
      body: `${greetZh(v)}\n\n有人尝试使用此电子邮箱注册 Orbitshare，但该邮箱已有账户。如果您忘记了密码，可在此重置：\n\n${v.link}\n`,
    }),
  },
  reset_no_account: {
    en: () => ({
      subject: 'Password reset request on Orbitshare',
      body: `Hello,\n\nSomeone asked to reset the password of an Orbitshare account with this e-mail address, but no active account uses it. If it was you, you may have signed up with another address. If it was not you, ignore this message.\n`,
    }),
    zh: () => ({
      subject: 'Orbitshare 密码重置请求',
      body: `您好：\n\n有人申请重置使用此电子邮箱的 Orbitshare 账户密码，但没有有效账户使用此邮箱。如果是您本人，您可能使用了其他邮箱注册。如果不是您本人操作，请忽略此邮件。\n`,
    }),
  },
  password_changed: {
    en: (v) => ({
      subject: 'Your Orbitshare password was changed',
      body: `${dear(v)}\n\nThe password of your Orbitshare account was changed with a reset link. Every session was signed out and your API tokens were revoked (${v.tokensRevoked ?? 0} revoked); create new ones on your account page. If it was not you, reset your password again now:\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: '您的 Orbitshare 密码已更改',
      body: `${greetZh(v)}\n\n您的 Orbitshare 账户密码已通过重置链接更改。所有会话均已退出，您的 API 令牌已全部撤销（共 ${v.tokensRevoked ?? 0} 个），请在账户页面重新创建。如果不是您本人操作，请立即再次重置密码：\n\n${v.link}\n`,
    }),
  },
  submission_receipt: {
    en: (v) => ({
      subject: `Orbitshare: your application to "${v.callTitle}" was received`,
      body: `Dear ${v.name},\n\nWe received your application to the call "${v.callTitle}" (version ${v.version}) on ${v.at}.\n\nYou may amend it until the deadline; each submission is kept as a new version. See it here:\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：已收到您对“${v.callTitle}”的申请`,
      body: `${v.name}，您好：\n\n我们已于 ${v.at} 收到您对征集“${v.callTitle}”的申请（第 ${v.version} 版）。\n\n截止时间前您仍可修改并重新提交，每次提交都会保存为新版本。查看申请：\n\n${v.link}\n`,
    }),
  },
};

export function renderTemplate(name: TemplateName, locale: Locale, vars: Vars): Rendered {
  const all: Record<TemplateName, Record<Locale, (v: Vars) => Rendered>> = {
    ...TEMPLATES,
    ...REVIEW_TEMPLATES,
    ...CUSTODY_TEMPLATES,
  };
  return all[name][locale](vars);
}
