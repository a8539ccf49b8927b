import { CliError, EXIT } from '../errors.js';
import { solveSelectionCommand } from './solve-selection.js';

const HELP = `Usage: orbitshare solve <problem> [options]

Runs an optimiser over a plain instance file and prints its answer (nothing is written).

Problems:
  selection   the set of proposals of greatest merit within physical budgets and country rules

Run "orbitshare solve <problem> --help" for the options of one problem.
`;

const problems: Record<string, (args: string[]) => Promise<number>> = {
  selection: solveSelectionCommand,
};

export async function solveCommand(args: string[]): Promise<number> {
  const [problem, ...rest] = args;
  if (!problem || problem === '--help' || problem === '-h') {
    console.log(HELP);
    return EXIT.ok;
  }
  const run = problems[problem];
  if (!run) throw new CliError(`unknown problem "${problem}"; use one of: ${Object.keys(problems).join(', ')}.`);
  return run(rest);
}
