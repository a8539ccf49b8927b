import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESOURCES } from '../../services/registry/resources.js';
import { toCsv } from '../../services/transfer/csv.js';
import { exportRegistry } from '../../services/transfer/export-registry.js';
import { oneOf, parseCommandArgs, RESOURCE_NAMES, resourceNamed } from '../args.js';
import { CLI_ACTOR, withDatabase } from '../database.js';
import { CliError, EXIT } from '../errors.js';

export const HELP = `Usage: orbitshare export [--format json|csv] [--resource NAME] [--out PATH]

Writes the registry, archived records included.

  JSON (default): one document, records keyed by resource name; to PATH or to standard output.
  CSV: one resource per file. With --resource, to PATH (a file, or a directory to write NAME.csv
  into) or to standard output; without --resource, --out names a directory that receives one
  NAME.csv per resource. Empty cell = null; lists (sampleTypes, participants) are JSON in the cell.

Options:
  --format json|csv  output format (default json)
  --resource NAME    only this resource: ${RESOURCE_NAMES()}
  --out PATH         file or directory to write (default: standard output)
  -h, --help         show this help
`;

const summary = (resources: Record<string, unknown[]>) =>
  Object.entries(resources)
    .map(([name, rows]) => `${rows.length} ${name}`)
    .join(', ');

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      format: { type: 'string' },
      resource: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}". Run with --help for the options.`);
  const format = oneOf('format', values.format, ['json', 'csv'] as const) ?? 'json';
  const only = resourceNamed(values.resource);
  const out = values.out;
  if (out === '') throw new CliError('--out needs a path.');
  if (format === 'csv' && !only && !out) {
    throw new CliError('a CSV export of every resource needs --out DIRECTORY (or choose one with --resource NAME).');
  }
  const resources = only ? [only] : RESOURCES;
  const document = await withDatabase(({ db }) => exportRegistry(db, CLI_ACTOR, resources), { existing: true });
  if (Object.values(document.resources).every((rows) => rows.length === 0)) {
    throw new CliError(
      only
        ? `the database holds no ${only.name}: nothing exported.`
        : 'the database is empty (no registry records): nothing exported. Load the programs with "orbitshare seed" first.',
      EXIT.failure,
    );
  }

  if (format === 'json') {
    const text = `${JSON.stringify(document, null, 2)}\n`;
    if (!out) {
      console.log(text.trimEnd());
      return EXIT.ok;
    }
    writeFileSync(out, text);
    console.log(`wrote ${summary(document.resources)} to ${out}`);
    return EXIT.ok;
  }

  const csvOf = (name: string) => {
    const resource = resources.find((r) => r.name === name)!;
    return toCsv(resource.record, resource.idField, document.resources[name] ?? []);
  };
  if (only) {
    const text = csvOf(only.name);
    if (!out) {
      console.log(text.trimEnd());
      return EXIT.ok;
    }
    const target = existsSync(out) && statSync(out).isDirectory() ? join(out, `${only.name}.csv`) : out;
    writeFileSync(target, text);
    console.log(`wrote ${summary(document.resources)} to ${target}`);
    return EXIT.ok;
  }
  const dir = out!;
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new CliError(`--out ${dir} is a file; a CSV export of every resource needs a directory.`);
  mkdirSync(dir, { recursive: true });
  for (const resource of resources) writeFileSync(join(dir, `${resource.name}.csv`), csvOf(resource.name));
  console.log(`wrote ${summary(document.resources)} to ${dir}/ (one NAME.csv per resource)`);
  return EXIT.ok;
}
