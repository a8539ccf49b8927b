// How people are recognised across records that were typed by different hands: an ORCID, an e-mail
// address, a name as it appears in a byline. Pure string rules, used by conflict detection.

/** Free-mail providers: sharing one says nothing about an affiliation, so it never makes a conflict. */
export const WEBMAIL_DOMAINS: ReadonlySet<string> = new Set([
  '126.com',
  '163.com',
  '139.com',
  'aliyun.com',
  'aol.com',
  'foxmail.com',
  'gmail.com',
  'googlemail.com',
  'gmx.de',
  'gmx.net',
  'hotmail.com',
  'icloud.com',
  'live.com',
  'mail.com',
  'mail.ru',
  'me.com',
  'msn.com',
  'naver.com',
  'outlook.com',
  'proton.me',
  'protonmail.com',
  'qq.com',
  'rediffmail.com',
  'sina.com',
  'sohu.com',
  'web.de',
  'yahoo.co.jp',
  'yahoo.com',
  'yandex.com',
  'yandex.ru',
  'yeah.net',
  'zoho.com',
]);

/**
 * The demo's placeholder domain: every demo account, applicant and synthetic expert has an address
 * under it (.demo does not resolve), so sharing it says nothing about an affiliation either.
 */
export const PLACEHOLDER_DOMAINS: ReadonlySet<string> = new Set(['orbitshare.demo']);

// Second-level labels under which universities and agencies register (ox.ac.uk, pku.edu.cn): the
// organisation's domain keeps three labels there, two elsewhere.
const SECOND_LEVEL = new Set(['ac', 'edu', 'gov', 'org', 'co', 'com', 'net', 'res', 'govt', 'nic', 'gob', 'or']);

/** The organisation's registrable domain of an address (dept.ox.ac.uk → ox.ac.uk), or null for webmail. */
export function organisationDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0) return null;
  const host = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  const labels = host.split('.').filter(Boolean);
  if (labels.length < 2) return null;
  const keep = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2] as string) ? 3 : 2;
  const domain = labels.slice(-keep).join('.');
  if (PLACEHOLDER_DOMAINS.has(domain)) return null;
  return WEBMAIL_DOMAINS.has(domain) || WEBMAIL_DOMAINS.has(host) ? null : domain;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** ORCID iDs compared without URL prefix, case-insensitively on the check character. */
export function normaliseOrcid(orcid: string): string | null {
  const match = /(\d{4}-?\d{4}-?\d{4}-?\d{3}[\dXx])\s*$/.exec(orcid.trim());
  if (!match?.[1]) return null;
  const digits = match[1].replace(/-/g, '').toUpperCase();
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}-${digits.slice(12)}`;
}

function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s,]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A byline key: family name and first initial ("Zhang, Wei", "Wei Zhang" and "W. Zhang" all give
 * "zhang w"). Names in a script without letter case and no comma (张伟) are kept whole. Returns null
 * for a name too short to compare.
 */
export function authorKey(name: string): string | null {
  const folded = foldText(name);
  if (!folded) return null;
  if (folded.includes(',')) {
    const [family = '', given = ''] = folded.split(',', 2).map((s) => s.trim());
    if (!family) return null;
    return given ? `${family} ${given[0]}` : family;
  }
  const parts = folded.split(' ').filter(Boolean);
  if (parts.length === 1) return (parts[0] as string).length >= 2 ? (parts[0] as string) : null;
  const family = parts[parts.length - 1] as string;
  return `${family} ${(parts[0] as string)[0]}`;
}

/** A paper's key: its DOI when given, else its folded title and year. */
export function paperKey(paper: { title: string; year: number; doi?: string | null }): string {
  if (paper.doi)
    return `doi:${paper.doi
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\/(dx\.)?doi\.org\//, '')}`;
  return `title:${foldText(paper.title).replace(/,/g, '')}:${paper.year}`;
}
