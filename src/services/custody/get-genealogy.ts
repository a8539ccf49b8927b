import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadKeptSample, type PresentedSample, presentSample, type SampleRow } from './custody-access.js';

export interface GenealogyNode extends PresentedSample {
  children: GenealogyNode[];
}

/** A sample's ancestors (oldest first) and the tree of everything split from it, to any depth. */
export async function getGenealogy(db: Db, actor: Actor, sampleId: string) {
  authorize(actor, 'custody.read');
  const root = await loadKeptSample(db, actor, sampleId);
  const descendants = await queryRows<Record<string, unknown>>(
    db,
    sql`with recursive tree as (
          select s.* from samples s where s.parent_id = ${root.id}
          union all
          select s.* from samples s join tree t on s.parent_id = t.id)
        select * from tree`,
  );
  const ancestors = await queryRows<Record<string, unknown>>(
    db,
    sql`with recursive up as (
          select s.*, 0 as depth from samples s where s.id = ${root.parentId}
          union all
          select s.*, up.depth + 1 from samples s join up on s.id = up.parent_id)
        select * from up order by depth desc`,
  );
  const nodes = new Map<string, GenealogyNode>();
  const top: GenealogyNode = { ...presentSample(root), children: [] };
  nodes.set(root.id, top);
  const rows = descendants.map(fromSql);
  for (const row of rows) nodes.set(row.id, { ...presentSample(row), children: [] });
  for (const row of rows) nodes.get(row.parentId!)?.children.push(nodes.get(row.id)!);
  // Split order within each parent: by the split number after the last comma.
  const bySplit = (a: GenealogyNode, b: GenealogyNode) => splitOf(a.number) - splitOf(b.number);
  for (const node of nodes.values()) node.children.sort(bySplit);
  return { ancestors: ancestors.map((a) => presentSample(fromSql(a))), tree: top };
}

const splitOf = (number: string) => Number(number.slice(number.lastIndexOf(',') + 1));

function fromSql(r: Record<string, unknown>): SampleRow {
  return {
    id: String(r.id),
    collectionId: String(r.collection_id),
    parentId: (r.parent_id as string | null) ?? null,
    number: String(r.number),
    sampleType: String(r.sample_type),
    container: (r.container as string | null) ?? null,
    storageLocation: (r.storage_location as string | null) ?? null,
    characterisation: (r.characterisation as string | null) ?? null,
    use: r.use as SampleRow['use'],
    declaredMassUg: Number(r.declared_mass_ug),
    weighingToleranceUg: Number(r.weighing_tolerance_ug),
    status: r.status as SampleRow['status'],
    balanceUg: Number(r.balance_ug),
    nextSplit: Number(r.next_split),
    createdAt: new Date(String(r.created_at)),
  };
}
