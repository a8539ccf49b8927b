import type { CallApplicationRow } from '../../contracts/calls.js';
import type { Db } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadCallForApplications } from './call-access.js';
import { type CallApplicationsFilter, queryCallApplications } from './list-call-applications.js';

const COLUMNS: [string, (r: CallApplicationRow) => string | number | null][] = [
  ['id', (r) => r.id],
  ['title', (r) => r.title],
  ['stage', (r) => r.stage],
  ['status', (r) => r.status],
  ['lead_institution', (r) => r.leadInstitution?.name ?? null],
  ['lead_country', (r) => r.leadCountry],
  ['check_result', (r) => r.checkResult],
  ['version', (r) => r.submittedVersion],
  ['submitted_at', (r) => r.submittedAt],
  ['requested_mass_mg', (r) => r.requestedMassMg],
  ['requested_mass_g', (r) => r.requestedMassG],
  ['requested_power_mw', (r) => r.requestedPowerMw],
  ['requests', (r) => r.requests],
];

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: CallApplicationRow[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const r of rows) lines.push(COLUMNS.map(([, get]) => cell(get(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The officer's list of applications as a file: CSV (one row each) or JSON. */
export async function exportCallApplications(
  db: Db,
  actor: Actor,
  callId: string,
  options: CallApplicationsFilter & { format: 'csv' | 'json' },
) {
  authorize(actor, 'calls.applications.read');
  const call = await loadCallForApplications(db, actor, callId);
  const { format, ...filter } = options;
  const rows = await queryCallApplications(db, call.id, filter);
  const filename = `${call.slug}-applications.${format}`;
  if (format === 'json') return { filename, contentType: 'application/json; charset=utf-8', body: JSON.stringify(rows, null, 2) };
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names in every script).
  return { filename, contentType: 'text/csv; charset=utf-8', body: `\uFEFF${toCsv(rows)}` };
}
