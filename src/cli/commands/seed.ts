import { seedRegistry } from '../../services/seed/load-seed.js';
import { parseCommandArgs } from '../args.js';
import { CLI_ACTOR, withDatabase } from '../database.js';
import { CliError, EXIT } from '../errors.js';

export const HELP = `Usage: orbitshare seed [--dry-run]

Loads the demo data (the real programs: Chang'e-5 to -8, Tianwen-3, the China Space Station, ILRS,
SVOM) into the registry, in one transaction, through the same rules as the API. Loading the same
version again does nothing.

Options:
  --dry-run   do the work, then roll it back; print what would be loaded
  -h, --help  show this help
`;

const describe = (created: Record<string, number>) =>
  Object.entries(created)
    .map(([name, n]) => `${n} ${name}`)
    .join(', ') || 'nothing';

export async function seedCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}". Run with --help for the options.`);
  const dryRun = Boolean(values['dry-run']);
  const result = await withDatabase(({ db }) => seedRegistry(db, CLI_ACTOR, undefined, { dryRun }));
  if (result.outcome === 'already_loaded') console.log(`demo data version ${result.version} is already loaded; nothing to do`);
  else if (result.outcome === 'would_load') {
    console.log(`dry run: would load demo data version ${result.version}: ${describe(result.created)}; nothing was written`);
  } else console.log(`loaded demo data version ${result.version}: ${describe(result.created)}`);
  return EXIT.ok;
}
