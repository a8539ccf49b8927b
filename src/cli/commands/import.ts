import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { RESOURCE_BY_NAME, RESOURCES, type RegistryResource } from '../../services/registry/resources.js';
import { fromCsv } from '../../services/transfer/csv.js';
import { EXPORT_FORMAT } from '../../services/transfer/export-registry.js';
import { type ImportReport, importRegistry } from '../../services/transfer/import-registry.js';
import { oneOf, parseCommandArgs, RESOURCE_NAMES, resourceNamed } from '../args.js';
import { CLI_ACTOR, withDatabase } from '../database.js';
import { CliError, EXIT } from '../errors.js';

export const HELP = `Usage: orbitshare import <file> [--format json|csv] [--resource NAME] [--dry-run]

Upserts records by id through the registry's rules (a record with an unknown or no id is created,
one with a known id is updated where it differs). All or nothing: one transaction.

  JSON: a document written by "orbitshare export" (or an object keyed by resource name).
  CSV: one resource per file, named by --resource or by the file name (institutions.csv); <file>
  may be a directory of NAME.csv files, as "orbitshare export --format csv --out DIR" writes.
  The format follows the file name (.csv or a directory: CSV; otherwise JSON) unless --format says.

Options:
  --format json|csv  input format
  --resource NAME    only this resource: ${RESOURCE_NAMES()}
  --dry-run          do the work, then roll it back; print what would change
  -h, --help         show this help
`;

type Records = Record<string, unknown[]>;

function readCsvFile(path: string, resource: RegistryResource): unknown[] {
  try {
    return fromCsv(resource.record, readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`${path}: ${(error as Error).message}`, EXIT.failure);
  }
}

function readCsv(path: string, only: RegistryResource | undefined): Records {
  if (statSync(path).isDirectory()) {
    const files = new Set(readdirSync(path));
    const records: Records = {};
    for (const resource of only ? [only] : RESOURCES) {
      const file = `${resource.name}.csv`;
      if (files.has(file)) records[resource.name] = readCsvFile(join(path, file), resource);
    }
    if (Object.keys(records).length === 0) throw new CliError(`${path} holds no NAME.csv file for a registry resource.`);
    return records;
  }
  const resource = only ?? RESOURCE_BY_NAME.get(basename(path, extname(path)));
  if (!resource) {
    throw new CliError(`cannot tell which resource ${path} holds; name the file NAME.csv or give --resource NAME.`);
  }
  return { [resource.name]: readCsvFile(path, resource) };
}

function readJson(path: string, only: RegistryResource | undefined): Records {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`, EXIT.failure);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new CliError(`${path}: expected an object keyed by resource name.`, EXIT.failure);
  }
  const doc = document as Record<string, unknown>;
  if ('format' in doc && doc.format !== EXPORT_FORMAT) {
    throw new CliError(`${path}: format "${String(doc.format)}" is not an Orbitshare registry export.`, EXIT.failure);
  }
  const records = (doc.format === EXPORT_FORMAT ? doc.resources : doc) as Records;
  if (typeof records !== 'object' || records === null) throw new CliError(`${path}: no resources in the document.`, EXIT.failure);
  if (!only) return records;
  if (!(only.name in records)) throw new CliError(`${path} has no "${only.name}".`, EXIT.failure);
  return { [only.name]: records[only.name] as unknown[] };
}

function printReport(report: ImportReport): void {
  const counts = new Map<string, { created: number; updated: number }>();
  for (const [kind, list] of [
    ['created', report.created],
    ['updated', report.updated],
  ] as const) {
    for (const r of list) {
      const c = counts.get(r.resource) ?? { created: 0, updated: 0 };
      c[kind]++;
      counts.set(r.resource, c);
    }
  }
  const prefix = report.dryRun ? 'dry run: would have ' : '';
  console.log(`${prefix}created ${report.created.length}, updated ${report.updated.length}, left ${report.unchanged} unchanged`);
  for (const [name, c] of counts) console.log(`  ${name}: ${c.created} created, ${c.updated} updated`);
  if (report.created.length <= 50) for (const r of report.created) console.log(`  created ${r.resource}/${r.id}`);
  for (const r of report.updated) console.log(`  updated ${r.resource}/${r.id}: ${r.fields?.join(', ')}`);
  if (report.dryRun) console.log('nothing was written');
}

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      format: { type: 'string' },
      resource: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new CliError('which file? Usage: orbitshare import <file> [options]; see --help.');
  if (positionals.length > 1) throw new CliError(`one file at a time (got ${positionals.length}: ${positionals.join(' ')}).`);
  const path = positionals[0]!;
  const only = resourceNamed(values.resource);
  const asked = oneOf('format', values.format, ['json', 'csv'] as const);
  if (!existsSync(path)) throw new CliError(`${path}: no such file or directory.`);
  const isDirectory = statSync(path).isDirectory();
  const format = asked ?? (isDirectory || extname(path).toLowerCase() === '.csv' ? 'csv' : 'json');
  if (isDirectory && format === 'json') throw new CliError(`${path} is a directory; a JSON import reads one file.`);
  const records = format === 'csv' ? readCsv(path, only) : readJson(path, only);
  const report = await withDatabase(({ db }) => importRegistry(db, CLI_ACTOR, records, { dryRun: Boolean(values['dry-run']) }));
  printReport(report);
  return EXIT.ok;
}
