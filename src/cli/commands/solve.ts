// `orbitshare solve <problem>`: runs a solver on a plain instance file. Each problem lives in its own
// file (solve-<problem>.ts) and is listed here.
import { CliError, EXIT } from '../errors.js';
import { solveAssignmentCommand } from './solve-assignment.js';
import { solveCalibrationCommand } from './solve-calibration.js';
import { solveSelectionCommand } from './solve-selection.js';

interface SolveProblem {
  summary: string;
  run: (args: string[]) => Promise<number>;
}

const PROBLEMS: Record<string, SolveProblem> = {
  assignment: { summary: 'reviewer assignment (total or fair) from a #P,R,D,L instance', run: solveAssignmentCommand },
  calibration: { summary: 'calibrated merits and reviewer biases from review scores', run: solveCalibrationCommand },
  selection: { summary: 'the set of greatest merit within physical budgets and country rules', run: solveSelectionCommand },
};

const HELP = () => `Usage: orbitshare solve <problem> [options]

Runs an optimiser on a plain file, without the database.

Problems:
${Object.entries(PROBLEMS)
  .map(([name, problem]) => `  ${name.padEnd(12)}  ${problem.summary}`)
  .join('\n')}

Run "orbitshare solve <problem> --help" for the options of one problem.
`;

export async function solveCommand(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP());
    return name ? EXIT.ok : EXIT.usage;
  }
  const problem = PROBLEMS[name];
  if (!problem) throw new CliError(`unknown problem "${name}"; use one of: ${Object.keys(PROBLEMS).join(', ')}.`);
  return problem.run(rest);
}
