import type { Db, DbOrTx } from '../../db/connection.js';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { setArchivedIn } from '../registry/archive-record.js';
import { createRecordIn } from '../registry/create-record.js';
import { getRecord, loadRow } from '../registry/get-record.js';
import { RESOURCE_BY_NAME, RESOURCES, type RegistryResource } from '../registry/resources.js';
import { updateRecordIn } from '../registry/update-record.js';

type Row = Record<string, unknown>;

export interface ImportedRecord {
  resource: string;
  id: string;
  /** The fields an update changed, or that it archived or restored the record. */
  fields?: string[];
}

export interface ImportReport {
  dryRun: boolean;
  created: ImportedRecord[];
  updated: ImportedRecord[];
  unchanged: number;
}

interface Planned {
  resource: RegistryResource;
  path: string;
  id?: string;
  input: Row;
  archived: boolean;
}

class RollBack extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function importError(issues: FieldIssue[]): AppError {
  const noun = issues.length === 1 ? 'problem' : 'problems';
  const lines = issues.map((i) => `  ${i.field}: ${i.message}`);
  return new AppError(
    issues[0]?.code ?? 'VALIDATION_FAILED',
    `The import has ${issues.length} ${noun}; nothing was written:\n${lines.join('\n')}`,
    issues,
  );
}

/** Checks the shape of every record against the resource's input contract, all at once. */
function planImport(records: Record<string, unknown[]>): Planned[] {
  const issues: FieldIssue[] = [];
  const planned: Planned[] = [];
  for (const name of Object.keys(records)) {
    if (!RESOURCE_BY_NAME.has(name)) {
      const known = RESOURCES.map((r) => r.name).join(', ');
      issues.push({ field: name, code: 'VALIDATION_FAILED', message: `unknown resource; use one of: ${known}` });
    }
  }
  // The registry's resource list is in dependency order: parents are imported before their children.
  for (const resource of RESOURCES) {
    const list = records[resource.name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issues.push({ field: resource.name, code: 'VALIDATION_FAILED', message: 'expected a list of records' });
      continue;
    }
    const fields = Object.keys(resource.input.shape);
    const mine: Planned[] = [];
    list.forEach((record, i) => {
      const path = `${resource.name}[${i}]`;
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        issues.push({ field: path, code: 'VALIDATION_FAILED', message: 'expected an object' });
        return;
      }
      const row = record as Row;
      const picked = Object.fromEntries(fields.filter((f) => row[f] !== undefined).map((f) => [f, row[f]]));
      const parsed = resource.input.safeParse(picked);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          issues.push({ field: `${path}.${issue.path.join('.')}`, code: 'VALIDATION_FAILED', message: issue.message });
        }
        return;
      }
      let id: string | undefined;
      if (resource.naturalId) id = String(parsed.data[resource.idField]);
      else if (row[resource.idField] != null) {
        id = String(row[resource.idField]);
        if (!UUID.test(id))
          issues.push({ field: `${path}.${resource.idField}`, code: 'VALIDATION_FAILED', message: `"${id}" is not a uuid` });
      }
      const archived = row.archivedAt != null && row.archivedAt !== '';
      mine.push({ resource, path, id, input: parsed.data as Row, archived });
    });
    // Within a resource that refers to itself (a region's sovereign country), referenced ones first.
    if (resource.name === 'countries')
      mine.sort((a, b) => Number(a.input.sovereignCode != null) - Number(b.input.sovereignCode != null));
    planned.push(...mine);
  }
  if (issues.length > 0) throw importError(issues);
  return planned;
}

/** Comparable form of a field value; a child collection (participants) compares as a set. */
function canonical(value: unknown, unordered: boolean): string {
  if (Array.isArray(value) && unordered) return JSON.stringify(value.map((v) => JSON.stringify(v)).sort());
  return JSON.stringify(value ?? null);
}

async function applyOne(tx: DbOrTx, actor: Actor, p: Planned, report: ImportReport): Promise<void> {
  const { resource } = p;
  const existing = p.id ? await loadRow(tx, resource, p.id) : undefined;
  if (!existing) {
    const created = await createRecordIn(tx, actor, resource, p.id ? { ...p.input, [resource.idField]: p.id } : p.input);
    const id = String(created?.[resource.idField]);
    if (p.archived) await setArchivedIn(tx, actor, resource, id, true);
    report.created.push({ resource: resource.name, id });
    return;
  }
  const id = String(p.id);
  const current = await getRecord(tx, actor, resource, id);
  // Compare after the domain rule has normalised the input (upper-case codes, bare ROR ids, …).
  const merged = resource.check({ ...current, ...p.input });
  const childField = resource.children?.field;
  const changed = Object.keys(p.input).filter(
    (k) => canonical(merged[k], k === childField) !== canonical(current[k], k === childField),
  );
  const wasArchived = current.archivedAt != null;
  if (changed.length === 0 && wasArchived === p.archived) {
    report.unchanged++;
    return;
  }
  if (wasArchived && (changed.length > 0 || !p.archived)) await setArchivedIn(tx, actor, resource, id, false);
  if (changed.length > 0) await updateRecordIn(tx, actor, resource, id, Object.fromEntries(changed.map((k) => [k, p.input[k]])));
  if (p.archived && (changed.length > 0 || !wasArchived)) await setArchivedIn(tx, actor, resource, id, true);
  const fields = [...changed];
  if (wasArchived !== p.archived) fields.push(p.archived ? '(archived)' : '(restored)');
  report.updated.push({ resource: resource.name, id, fields });
}

/**
 * Upserts records by id through the registry use cases, so the domain rules and audit rows apply
 * as for the API. All or nothing: one transaction; with `dryRun` it is rolled back after the work,
 * and the report says what would have changed. `records` is keyed by resource name.
 */
export async function importRegistry(
  db: Db,
  actor: Actor,
  records: Record<string, unknown[]>,
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  const planned = planImport(records);
  const report: ImportReport = { dryRun: Boolean(options.dryRun), created: [], updated: [], unchanged: 0 };
  try {
    await db.transaction(async (tx) => {
      for (const p of planned) {
        try {
          await applyOne(tx, actor, p, report);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const issues = error.issues.length
            ? error.issues.map((i) => ({ ...i, field: `${p.path}.${i.field}` }))
            : [{ field: p.path, code: error.code, message: error.message }];
          throw importError(issues);
        }
      }
      if (options.dryRun) throw new RollBack(report);
    });
  } catch (error) {
    if (error instanceof RollBack) return error.report;
    throw error;
  }
  return report;
}
