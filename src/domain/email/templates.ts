import { LOCALES, type Locale } from '../accounts/roles.js';
import { AGREEMENT_TEMPLATES, type AgreementTemplateName } from './agreement-templates.js';
import { CUSTODY_TEMPLATES, type CustodyTemplateName } from './custody-templates.js';
import { LETTER_TEMPLATES, type LetterTemplateName } from './letter-templates.js';
import { EN } from './messages/en.js';
import { ZH } from './messages/zh.js';
import { REVIEW_TEMPLATES, type ReviewTemplateName } from './review-templates.js';
import { CORE_TEMPLATE_NAMES, type CoreMessages, type CoreTemplateName, type Rendered, type Vars } from './template-types.js';

export type { Rendered, Vars } from './template-types.js';
export type TemplateName =
  | CoreTemplateName
  | ReviewTemplateName
  | LetterTemplateName
  | AgreementTemplateName
  | CustodyTemplateName;

// E-mails follow the recipient's language (accounts.locale): one message catalogue per language
// under messages/, so a translator works on one file and a test checks the languages match.
const CORE: Record<Locale, CoreMessages> = { en: EN, zh: ZH };

export const TEMPLATE_NAMES: readonly TemplateName[] = [
  ...CORE_TEMPLATE_NAMES,
  ...(Object.keys(REVIEW_TEMPLATES) as ReviewTemplateName[]),
];

export function renderTemplate(name: TemplateName, locale: Locale, vars: Vars): Rendered {
  const language = (LOCALES as readonly string[]).includes(locale) ? locale : 'en';
  if ((CORE_TEMPLATE_NAMES as readonly string[]).includes(name)) return CORE[language][name as CoreTemplateName](vars);
  if (name in AGREEMENT_TEMPLATES) return AGREEMENT_TEMPLATES[name as AgreementTemplateName][language](vars);
  if (name in CUSTODY_TEMPLATES) return CUSTODY_TEMPLATES[name as CustodyTemplateName][language](vars);
  if (name in LETTER_TEMPLATES) return LETTER_TEMPLATES[name as LetterTemplateName][language](vars);
  return REVIEW_TEMPLATES[name as ReviewTemplateName][language](vars);
}
