import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { programs } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { callNotFound, loadCallRow, PUBLIC_CALL_STATUSES } from '../calls/call-access.js';
import { type CallResults, loadCallResults } from './load-call-results.js';

export interface PublicCallResults {
  call: {
    slug: string;
    title: string;
    status: string;
    timeZone: string;
    opensAt: string;
    closesAt: string;
    program: { slug: string; name: string };
  };
  /** Null until the call is decided. */
  results: CallResults | null;
}

/** A public call with its results once decided; a draft or cancelled call does not exist here. */
export async function getCallResults(db: Db, actor: Actor, slug: string): Promise<PublicCallResults> {
  authorize(actor, 'portal.read');
  const call = await loadCallRow(db, slug);
  if (!call || !PUBLIC_CALL_STATUSES.includes(call.status as never)) throw callNotFound(slug);
  const [program] = await db
    .select({ slug: programs.slug, name: programs.name })
    .from(programs)
    .where(eq(programs.id, call.programId));
  return {
    call: {
      slug: call.slug,
      title: call.title,
      status: call.status,
      timeZone: call.timeZone,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      program: program!,
    },
    results: call.status === 'decided' ? await loadCallResults(db, call) : null,
  };
}

const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  // Quote always; a leading formula character is defused so a spreadsheet shows it as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** One row per selected institution: project, outcome, institution, role, home, sample mass lent. */
export function resultsCsv(results: PublicCallResults): string {
  const header = [
    'call',
    'project',
    'outcome',
    'institution',
    'native_name',
    'role',
    'country_or_region',
    'home_kind',
    'organisation',
    'samples_mg',
  ];
  const lines = [header.join(',')];
  for (const p of results.results?.projects ?? []) {
    const samples = p.allocations.map((a) => `${a.sampleType}: ${a.massMg}`).join('; ');
    for (const i of p.institutions)
      lines.push(
        [results.call.slug, p.title, p.outcome, i.name, i.nativeName, i.role, i.countryCode, i.homeKind, i.organisation, samples]
          .map(csvCell)
          .join(','),
      );
  }
  return `${lines.join('\r\n')}\r\n`;
}
