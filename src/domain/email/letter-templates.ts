import type { Locale } from '../accounts/roles.js';
import type { Rendered, Vars } from './templates.js';

export type LetterTemplateName = 'decision_letter';

// The e-mail that carries a decision letter (the PDF is attached). The decision itself is stated
// in the letter; the message only says where it is.
export const LETTER_TEMPLATES: Record<LetterTemplateName, Record<Locale, (v: Vars) => Rendered>> = {
  decision_letter: {
    en: (v) => ({
      subject: `Orbitshare: the decision on your application to "${v.callTitle}"`,
      body: `Dear ${v.name},\n\nThe selection for the call "${v.callTitle}" is decided. The decision letter on your application is attached (PDF), in English; the Chinese version can be downloaded from your application page:\n\n${v.link}\n`,
    }),
    zh: (v) => ({
      subject: `Orbitshare：您对“${v.callTitle}”申请的评选决定`,
      body: `${v.name}，您好：\n\n征集“${v.callTitle}”的评选已作出决定。关于您申请的决定函（PDF，中文版）见附件；英文版可在申请页面下载：\n\n${v.link}\n`,
    }),
  },
};
