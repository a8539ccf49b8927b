import type { Locale } from '../accounts/roles.js';
import type { Rendered, Vars } from './templates.js';

export type AgreementTemplateName =
  | 'agreement_signature_request'
  | 'agreement_signature_reminder'
  | 'milestone_reminder'
  | 'agreement_in_force';

// Messages to signatories and partners, in English and Chinese. `callTitle` carries the agreement's
// reference and title, `deadline` the signature deadline or the milestone's due date (in force: the
// day it ends, or empty), `at` the day it comes into force.
export const AGREEMENT_TEMPLATES: Record<AgreementTemplateName, Record<Locale, (v: Vars) => Rendered>> = {
  agreement_signature_request: {
    en: (v) => ({
      subject: `Orbitshare: agreement ${v.callTitle} awaits your signature`,
      body: `Dear ${v.name},\n\nThe agreement ${v.callTitle} is ready for signature. Please read it, check its SHA-256 and sign by ${v.deadline}:\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：协议 ${v.callTitle} 待您签署`,
      body: `${v.name}，您好：\n\n协议 ${v.callTitle} 已可签署。请阅读协议、核对其 SHA-256，并于 ${v.deadline} 前签署：\n\n${v.link}\n`,
    }),
  },
  agreement_signature_reminder: {
    en: (v) => ({
      subject: `Orbitshare: reminder — sign agreement ${v.callTitle} by ${v.deadline}`,
      body: `Dear ${v.name},\n\nThe agreement ${v.callTitle} still awaits your signature. The deadline is ${v.deadline}.\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：提醒——请于 ${v.deadline} 前签署协议 ${v.callTitle}`,
      body: `${v.name}，您好：\n\n协议 ${v.callTitle} 仍待您签署，截止时间为 ${v.deadline}。\n\n${v.link}\n`,
    }),
  },
  milestone_reminder: {
    en: (v) => ({
      subject: `Orbitshare: ${v.count} milestone(s) of ${v.callTitle} due by ${v.deadline}`,
      body: `Dear ${v.name},\n\n${v.count} milestone(s) of the cooperation ${v.callTitle} are not done yet; the first is due on ${v.deadline}.\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：${v.callTitle} 有 ${v.count} 个节点将于 ${v.deadline} 到期`,
      body: `${v.name}，您好：\n\n合作项目 ${v.callTitle} 有 ${v.count} 个节点尚未完成，最早的一个将于 ${v.deadline} 到期。\n\n${v.link}\n`,
    }),
  },
  agreement_in_force: {
    en: (v) => ({
      subject: `Orbitshare: agreement ${v.callTitle} is in force`,
      body: `Dear ${v.name},\n\nEvery party has signed the agreement ${v.callTitle}. It is in force from ${v.at}${v.deadline ? ` until ${v.deadline}` : ''}. The signed document (English and Chinese, with its SHA-256) is attached.\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：协议 ${v.callTitle} 已生效`,
      body: `${v.name}，您好：\n\n协议 ${v.callTitle} 已由各方签署，自 ${v.at} 起生效${v.deadline ? `，有效期至 ${v.deadline}` : ''}。已签署的协议文本（中英文，附 SHA-256）见附件。\n\n${v.link}\n`,
    }),
  },
};
