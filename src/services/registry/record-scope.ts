import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { programs } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { decideRecordWrite, REGISTRY_WRITE_RULES } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import type { RegistryResource } from './resources.js';

type Row = Record<string, unknown>;

/** The programs a record belongs to: the stored one and, when a change moves it, the new one. */
function programIdsOf(resource: RegistryResource, records: (Row | undefined)[]): string[] {
  const rule = REGISTRY_WRITE_RULES[resource.name];
  if (rule?.owner !== 'program') return [];
  const ids = records.map((r) => r?.[rule.programField]).filter((v): v is string => typeof v === 'string' && v !== '');
  return [...new Set(ids)];
}

const VERB = { create: 'add', update: 'change', archive: 'archive or restore' } as const;

/**
 * The object-level check of a registry write (the policy's REGISTRY_WRITE_RULES), run after the
 * record is loaded. Registry records are public, so a refusal is FORBIDDEN naming why, never a
 * NOT_FOUND that would deny what anyone can read.
 */
export async function assertMayWriteRecord(
  db: DbOrTx,
  actor: Actor,
  resource: RegistryResource,
  op: 'create' | 'update' | 'archive',
  records: (Row | undefined)[],
): Promise<void> {
  const decision = decideRecordWrite(actor, resource.name, op, programIdsOf(resource, records));
  if (decision.allowed) return;
  if (decision.needs === 'administrator')
    throw new AppError('FORBIDDEN', `No write rule is declared for ${resource.name}: only administrators may write them.`);
  if (decision.needs === 'reference') {
    const article = /^[aeiou]/i.test(resource.noun) ? 'An' : 'A';
    const what = resource.name === 'programs' ? 'A new program' : `${article} ${resource.noun}`;
    const why = resource.name === 'programs' ? 'is created by' : 'is shared reference data, kept by';
    throw new AppError(
      'FORBIDDEN',
      `${what} ${why} administrators and registry editors; your roles do not allow you to ${VERB[op]} it.`,
    );
  }
  const names = await programNames(db, decision.programIds);
  const whose = names.length > 0 ? `the program ${names.map((n) => `"${n}"`).join(' and ')}` : 'its program';
  const what = resource.name === 'programs' ? 'it' : `its ${resource.name}`;
  throw new AppError(
    'FORBIDDEN',
    `Only the program officers of ${whose} (or an administrator) may ${VERB[op]} ${what}; you hold no officer role there.`,
  );
}

async function programNames(db: DbOrTx, ids: string[]): Promise<string[]> {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const valid = ids.filter((id) => UUID.test(id));
  const rows =
    valid.length > 0
      ? await db.select({ id: programs.id, name: programs.name }).from(programs).where(inArray(programs.id, valid))
      : [];
  return ids.map((id) => rows.find((r) => r.id === id)?.name ?? id);
}
