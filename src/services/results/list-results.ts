import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { calls, programs } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { PUBLIC_CALL_STATUSES } from '../calls/call-access.js';
import { loadCallResults } from './load-call-results.js';

/**
 * Every public call, newest deadline first, with its phase (open, in progress after the deadline,
 * decided) and, for decided calls, the headline. `programSlug` narrows to one program's calls.
 */
export async function listResults(db: Db, actor: Actor, options: { programSlug?: string } = {}) {
  authorize(actor, 'portal.read');
  const rows = await db
    .select({ call: calls, program: { slug: programs.slug, name: programs.name } })
    .from(calls)
    .innerJoin(programs, eq(programs.id, calls.programId))
    .where(inArray(calls.status, [...PUBLIC_CALL_STATUSES]))
    .orderBy(desc(calls.closesAt), calls.slug);
  const out = [];
  for (const { call, program } of rows) {
    if (options.programSlug && program.slug !== options.programSlug) continue;
    const results = call.status === 'decided' ? await loadCallResults(db, call) : null;
    out.push({
      slug: call.slug,
      title: call.title,
      status: call.status,
      phase:
        call.status === 'published' ? ('open' as const) : call.status === 'decided' ? ('decided' as const) : ('past' as const),
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      timeZone: call.timeZone,
      program,
      decidedAt: results?.decidedAt ?? null,
      headline: results?.headline ?? null,
      selected: results ? results.projects.length : null,
    });
  }
  return out;
}
