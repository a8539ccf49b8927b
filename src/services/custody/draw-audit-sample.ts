import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { auditSampleItems, auditSamples } from '../../db/schema.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { drawAuditSample } from '../../domain/samples/audit-sample.js';
import { authorize, isAdministrator } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * Draws subsamples held by borrowers for inspection, at random but reproducibly: the population
 * (every subsample of the curator's collections a borrower holds now, by number in code-point
 * order, so that no database collation changes it) and the seed are recorded with the draw, so
 * anyone can re-run it and get the same items.
 */
export async function drawAuditSampleForInspection(db: Db, actor: Actor, input: { size: number; seed?: string }) {
  authorize(actor, 'custody.write');
  const issues = new IssueList();
  if (!Number.isInteger(input.size) || input.size < 1 || input.size > 1000)
    issues.add('size', 'VALIDATION_FAILED', 'Draw 1 to 1,000 subsamples.');
  issues.throwIfAny();
  const seed = input.seed?.trim() || randomBytes(16).toString('hex');
  const collections = isAdministrator(actor)
    ? null
    : actor.kind === 'account'
      ? actor.grants.filter((g) => g.role === 'curator' && g.scopeId).map((g) => g.scopeId!)
      : [];
  return db.transaction(async (tx) => {
    const population = await queryRows<{ id: string; number: string; loan_id: string | null; holder: string }>(
      tx,
      sql`select s.id, s.number, c.loan_id, c.holder from samples s join sample_custodians c on c.sample_id = s.id and c."until" is null
          where c.custodian_kind = 'borrower' ${
            collections
              ? sql`and s.collection_id in (${
                  collections.length
                    ? sql.join(
                        collections.map((id) => sql`${id}::uuid`),
                        sql`, `,
                      )
                    : sql`null`
                })`
              : sql``
          }
          order by s.number collate "C"`,
    );
    if (population.length === 0)
      throw new AppError('CONFLICT', 'No borrower holds a subsample of your collections: there is nothing to inspect.');
    const drawn = drawAuditSample(population, input.size, seed);
    const [row] = await tx
      .insert(auditSamples)
      .values({ seed, size: drawn.length, population: population.length, drawnBy: actor.label })
      .returning();
    await tx
      .insert(auditSampleItems)
      .values(
        drawn.map((d, i) => ({ auditSampleId: row!.id, position: i + 1, sampleId: d.id, loanId: d.loan_id, holder: d.holder })),
      );
    await recordAudit(tx, actor, {
      action: 'custody.audit_sample_drawn',
      subjectType: 'audit_sample',
      subjectId: row!.id,
      details: { seed, population: population.length, numbers: drawn.map((d) => d.number) },
    });
    return {
      id: row!.id,
      seed,
      population: population.length,
      items: drawn.map((d, i) => ({ position: i + 1, sampleId: d.id, number: d.number, holder: d.holder, loanId: d.loan_id })),
    };
  });
}

/** The draws made so far, newest first, with their items. */
export async function listAuditSamples(db: Db, actor: Actor) {
  authorize(actor, 'custody.read');
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select a.id, a.seed, a.size, a.population, a.drawn_by as "drawnBy", a.drawn_at as "drawnAt",
          coalesce((select json_agg(json_build_object('position', i.position, 'number', s.number, 'holder', i.holder) order by i.position)
            from audit_sample_items i join samples s on s.id = i.sample_id where i.audit_sample_id = a.id), '[]') as items
        from audit_samples a ${isAdministrator(actor) ? sql`` : sql`where a.drawn_by = ${actor.label}`}
        order by a.drawn_at desc limit 50`,
  );
  return { draws: rows.map((r) => ({ ...r, drawnAt: new Date(String(r.drawnAt)).toISOString() })) };
}
