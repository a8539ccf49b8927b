import { readFileSync } from 'node:fs';
import { AppError } from '../../domain/errors.js';
import { parseInstanceFile } from '../../solvers/selection/instance-file.js';
import { runSelection } from '../../solvers/selection/runner.js';
import { validateInstance } from '../../solvers/selection/validate.js';
import { parseCommandArgs } from '../args.js';
import { CliError, EXIT } from '../errors.js';

export const HELP = `Usage: orbitshare solve selection --input FILE.json [--time-limit S] [--json]

Chooses the set of proposals of greatest total merit within the budgets, with HiGHS (exact MILP),
and prints status, objective, proven bound, gap, number selected and time. The input:
  {"budgets":[b1..bM], "countryCap":N, "minCountries":K,
   "proposals":[{"id":"…", "country":"…", "merit":int, "use":[u1..uM]}]}
Σ use ≤ budget per resource, at most countryCap per country, at least minCountries countries.

Options:
  --input FILE      the instance (JSON)
  --time-limit S    seconds the search may take (default 60); then the best set found and its gap
  --json            print the whole result (with the selected ids) as JSON
  -h, --help        show this help

Exit status: 0 when a set is found, 1 when the rules cannot all hold (the conflicting ones are named), 2 on bad arguments.
`;

export async function solveSelectionCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      input: { type: 'string' },
      'time-limit': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}". Run with --help for the options.`);
  if (!values.input) throw new CliError('--input FILE.json is required.');
  const limitText = values['time-limit'];
  const timeLimitSec = limitText === undefined ? 60 : Number(limitText);
  if (!Number.isFinite(timeLimitSec) || timeLimitSec <= 0)
    throw new CliError(`--time-limit must be a positive number of seconds (got "${limitText}").`);
  let text: string;
  try {
    text = readFileSync(values.input, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${values.input}: ${(error as Error).message}`);
  }
  let instance: ReturnType<typeof parseInstanceFile>;
  try {
    instance = parseInstanceFile(text);
    validateInstance(instance);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.issues.map((i) => `\n  ${i.field}: ${i.message}`).join('');
    throw new CliError(`${values.input} is not a valid instance: ${error.message}${details}`);
  }
  const { result, elapsedMs } = await runSelection(instance, { timeLimitSec });
  const seconds = elapsedMs / 1000;
  if (values.json) {
    console.log(JSON.stringify({ ...result, seconds: Number(seconds.toFixed(3)) }, null, 2));
  } else {
    const show = (v: number | null) => (v === null ? '-' : String(v));
    console.log(`status     ${result.status}`);
    console.log(`objective  ${show(result.objective)}`);
    console.log(`bound      ${show(result.bound)}`);
    console.log(`gap        ${result.gap === null ? '-' : `${(result.gap * 100).toFixed(4)} %`}`);
    console.log(`selected   ${result.selected.length} of ${instance.proposals.length}`);
    console.log(`time       ${seconds.toFixed(3)} s`);
    if (result.conflict) console.log(`conflict   ${result.conflict.join(', ')}`);
  }
  return result.status === 'infeasible' ? EXIT.failure : EXIT.ok;
}
