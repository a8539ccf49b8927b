import type { FieldIssue } from '../errors.js';
import type { Publication } from './conflict-profiles.js';

// An expert's publications, from the two files people have at hand: a CSV export (title, year,
// doi, co-authors separated by ";") or a BibTeX file. Every bad line is reported, none dropped silently.

export interface ParsedPublications {
  publications: Publication[];
  issues: FieldIssue[];
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out.map((c) => c.trim());
}

function checkYear(year: number, field: string, issues: FieldIssue[]): boolean {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    issues.push({ field, code: 'VALIDATION_FAILED', message: 'The year must be between 1900 and 2200.' });
    return false;
  }
  return true;
}

/** CSV with a header naming at least `title` and `year`; `doi` and `coauthors` (";"-separated) optional. */
export function parsePublicationsCsv(text: string): ParsedPublications {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const issues: FieldIssue[] = [];
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('title') < 0 || col('year') < 0) {
    return {
      publications: [],
      issues: [
        {
          field: 'file',
          code: 'VALIDATION_FAILED',
          message: 'The first line must name the columns, with at least "title" and "year".',
        },
      ],
    };
  }
  const publications: Publication[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = splitCsvLine(line);
    const field = `line ${i + 2}`;
    const title = cells[col('title')] ?? '';
    const year = Number(cells[col('year')]);
    if (!title) {
      issues.push({ field, code: 'VALIDATION_FAILED', message: 'The title is empty.' });
      return;
    }
    if (!checkYear(year, field, issues)) return;
    const doi = col('doi') >= 0 ? cells[col('doi')] || null : null;
    const coauthors =
      col('coauthors') >= 0
        ? (cells[col('coauthors')] ?? '')
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    publications.push({ title, year, doi, coauthors });
  });
  return { publications, issues };
}

/** The value of a BibTeX field in braces or quotes, nested braces allowed; null when absent. */
function bibField(body: string, name: string): string | null {
  const match = new RegExp(`(?:^|[,\\s])${name}\\s*=\\s*`, 'i').exec(body);
  if (!match) return null;
  let i = match.index + match[0].length;
  const open = body[i];
  if (open !== '{' && open !== '"') {
    const bare = /^[^,}\s]+/.exec(body.slice(i));
    return bare ? bare[0] : null;
  }
  const close = open === '{' ? '}' : '"';
  let depth = 0;
  let value = '';
  for (i += 1; i < body.length; i++) {
    const ch = body[i] as string;
    if (open === '{' && ch === '{') depth++;
    else if (ch === close && depth === 0) break;
    else if (open === '{' && ch === '}') depth--;
    value += ch;
  }
  return value.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}

/** BibTeX entries (@article, @inproceedings, …): title, year, doi and the "and"-separated authors. */
export function parsePublicationsBibtex(text: string): ParsedPublications {
  const issues: FieldIssue[] = [];
  const publications: Publication[] = [];
  const entries = text.split(/(?=@\w+\s*\{)/).filter((e) => /^@\w+\s*\{/.test(e.trim()));
  entries.forEach((entry, i) => {
    const kind = /^@(\w+)/.exec(entry.trim())?.[1]?.toLowerCase();
    if (kind === 'comment' || kind === 'string' || kind === 'preamble') return;
    const key = /^@\w+\s*\{\s*([^,\s]*)/.exec(entry.trim())?.[1] || `entry ${i + 1}`;
    const field = `entry ${key}`;
    const title = bibField(entry, 'title');
    const year = Number(bibField(entry, 'year'));
    if (!title) {
      issues.push({ field, code: 'VALIDATION_FAILED', message: 'The entry has no title.' });
      return;
    }
    if (!checkYear(year, field, issues)) return;
    const authors = (bibField(entry, 'author') ?? '')
      .split(/\s+and\s+/i)
      .map((a) => a.trim())
      .filter(Boolean);
    publications.push({ title, year, doi: bibField(entry, 'doi'), coauthors: authors });
  });
  if (entries.length === 0)
    issues.push({ field: 'file', code: 'VALIDATION_FAILED', message: 'No BibTeX entries (@article{…}) were found.' });
  return { publications, issues };
}

/** Picks the parser by the file's content: BibTeX starts an entry with "@", CSV has a header line. */
export function parsePublications(text: string): ParsedPublications {
  return /^\s*@\w+\s*\{/m.test(text) ? parsePublicationsBibtex(text) : parsePublicationsCsv(text);
}
