import { sql } from 'drizzle-orm';
import type { SearchHit, SearchResults } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { type Row, str } from './refs.js';

const LIMIT = 50;

/** The query as an ILIKE pattern that matches it literally (% and _ are not wildcards here). */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Search across the registry (programs, missions, institutions, countries, organisations, projects,
 * sample collections),
 * the published calls and the decided ones (results). Ranked by where the words occur: the whole
 * title (100), its start (60), anywhere in the title or the native name (40), the summary (10). Plain
 * ILIKE runs the same on PostgreSQL 15 and PGlite and handles Chinese, which has no word breaks for
 * full-text search; the registry is small (hundreds of rows), so a scan is fast.
 */
export async function searchPortal(db: DbOrTx, actor: Actor, q: string): Promise<SearchResults> {
  authorize(actor, 'portal.read');
  const query = q.trim();
  const like = likePattern(query);
  const prefix = `${likePattern(query).slice(1)}`;
  const rows = await queryRows<Row>(
    db,
    sql`with hits as (
        select 'program' as kind, g.name as title, g.native_name as native, '/programs/' || g.slug as path, g.summary as body
          from programs g where g.archived_at is null
        union all
        select 'mission', m.name, m.native_name, '/missions/' || m.slug, m.summary from missions m where m.archived_at is null
        union all
        select 'institution', i.name, i.native_name, '/institutions/' || i.slug, i.acronym from institutions i where i.archived_at is null
        union all
        select 'country', c.name, c.native_name, '/countries/' || c.code, c.code from countries c where c.archived_at is null
        union all
        select 'organisation', o.name, o.native_name, '/countries', o.acronym from organisations o where o.archived_at is null
        union all
        select 'project', p.title, null, '/programs/' || g.slug, p.summary
          from projects p join programs g on g.id = p.program_id and g.archived_at is null where p.archived_at is null
        union all
        select case when k.status = 'decided' then 'result' else 'call' end, k.title, null, '/calls/' || k.slug, k.summary
          from calls k where k.status in ('published', 'closed', 'in_review', 'decided')
        union all
        select 'sample_collection', s.name, null, '/samples/' || s.slug, array_to_string(s.sample_types, ', ') || ' ' || coalesce(s.note, '')
          from sample_collections s where s.archived_at is null
      )
      select kind, title, native, path, body,
        (case when lower(title) = lower(${query}) or lower(coalesce(native, '')) = lower(${query}) then 100
              when title ilike ${prefix} or native ilike ${prefix} then 60
              when title ilike ${like} or native ilike ${like} then 40
              else 10 end)::int as score
      from hits
      where title ilike ${like} or native ilike ${like} or body ilike ${like}
      order by score desc, length(title), title
      limit ${LIMIT}`,
  );
  const items: SearchHit[] = rows.map((r) => ({
    kind: r.kind as SearchHit['kind'],
    title: String(r.title),
    nativeTitle: str(r.native),
    path: String(r.path),
    snippet: Number(r.score) === 10 ? snippet(String(r.body ?? ''), query) : null,
    score: Number(r.score),
  }));
  return { query, items };
}

/** About 160 characters of the summary around the first match. */
function snippet(body: string, query: string): string {
  const at = body.toLowerCase().indexOf(query.toLowerCase());
  const start = Math.max(0, at - 60);
  const text = body.slice(start, start + 160);
  return `${start > 0 ? '…' : ''}${text}${start + 160 < body.length ? '…' : ''}`;
}
