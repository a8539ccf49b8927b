import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/domain/accounts/roles.js';
import { renderTemplate, TEMPLATE_NAMES, type Vars } from '../../src/domain/email/templates.js';

// The server-side half of "a message without a Chinese translation fails": every e-mail template
// renders in every language, the Chinese one is Chinese, and both carry the same variables (a
// translation that drops the link or the deadline would send a useless mail).

const VARS: Vars = {
  name: 'NAME-7f3a',
  link: 'https://orbitshare.example/LINK-91bc',
  hours: 48,
  callTitle: 'CALL-TITLE-5d2e',
  version: 73,
  at: 'AT-2026-03-12',
  deadline: 'DEADLINE-2026-04-01',
  count: 61,
  tokensRevoked: 59,
};
const MARKERS = Object.values(VARS).map(String);
const CJK = /[\u4e00-\u9fff]/;

const markersIn = (text: string) => MARKERS.filter((m) => text.includes(m));

describe('e-mail message catalogues', () => {
  it('lists the templates (the loop below is not empty)', () => {
    expect(TEMPLATE_NAMES).toContain('reset_password');
    expect(TEMPLATE_NAMES).toContain('review_invitation');
  });

  for (const name of TEMPLATE_NAMES) {
    it(`"${name}" exists in ${LOCALES.join(' and ')}, each in its own language, with the same variables`, () => {
      const en = renderTemplate(name, 'en', VARS);
      const zh = renderTemplate(name, 'zh', VARS);
      for (const rendered of [en, zh]) {
        expect(rendered.subject.trim()).not.toBe('');
        expect(rendered.body.trim()).not.toBe('');
      }
      expect(CJK.test(en.subject + en.body), 'the English message contains Chinese').toBe(false);
      expect(CJK.test(zh.subject), 'the Chinese subject is not in Chinese').toBe(true);
      expect(CJK.test(zh.body), 'the Chinese body is not in Chinese').toBe(true);
      expect(markersIn(zh.subject + zh.body)).toEqual(markersIn(en.subject + en.body));
    });
  }

  it('falls back to English for a language it does not have, rather than failing to send', () => {
    const unknown = renderTemplate('reset_password', 'fr' as never, VARS);
    expect(unknown).toEqual(renderTemplate('reset_password', 'en', VARS));
  });
});
