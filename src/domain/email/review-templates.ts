import type { Locale } from '../accounts/roles.js';
import type { Rendered, Vars } from './templates.js';

export type ReviewTemplateName = 'review_invitation' | 'review_assigned' | 'review_reminder';

// Messages to expert reviewers, in English and Chinese. Only the program office's own words and
// the call's title appear: nothing an applicant typed reaches an expert by e-mail.
export const REVIEW_TEMPLATES: Record<ReviewTemplateName, Record<Locale, (v: Vars) => Rendered>> = {
  review_invitation: {
    en: (v) => ({
      subject: `Orbitshare: invitation to review for "${v.callTitle}"`,
      body: `Dear ${v.name},\n\nThe program office invites you to serve as an expert reviewer for the call "${v.callTitle}". Reviews are due by ${v.deadline}.\n\nAccept or decline, declare conflicts and state your expertise here:\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：邀请您评审“${v.callTitle}”`,
      body: `${v.name}，您好：\n\n项目办公室邀请您担任征集“${v.callTitle}”的评审专家，评审截止时间为 ${v.deadline}。\n\n请在此接受或谢绝邀请、申报利益冲突并填写您的专业领域：\n\n${v.link}\n`,
    }),
  },
  review_assigned: {
    en: (v) => ({
      subject: `Orbitshare: ${v.count} proposal(s) to review for "${v.callTitle}"`,
      body: `Dear ${v.name},\n\n${v.count} proposal(s) of the call "${v.callTitle}" were assigned to you. Reviews are due by ${v.deadline}.\n\nYour review workspace:\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：“${v.callTitle}”有 ${v.count} 份申请待您评审`,
      body: `${v.name}，您好：\n\n征集“${v.callTitle}”的 ${v.count} 份申请已分配给您评审，截止时间为 ${v.deadline}。\n\n评审工作区：\n\n${v.link}\n`,
    }),
  },
  review_reminder: {
    en: (v) => ({
      subject: `Orbitshare: ${v.count} review(s) due by ${v.deadline}`,
      body: `Dear ${v.name},\n\n${v.count} of your reviews for the call "${v.callTitle}" are not submitted yet. They are due by ${v.deadline}.\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：${v.count} 份评审将于 ${v.deadline} 截止`,
      body: `${v.name}，您好：\n\n您在征集“${v.callTitle}”中还有 ${v.count} 份评审尚未提交，截止时间为 ${v.deadline}。\n\n${v.link}\n`,
    }),
  },
};
