// `orbitshare solve assignment`: reads a #P,R,D,L instance, solves it in a worker thread and prints
// the status, total affinity, worst proposal's affinity and solve time.
import { readFileSync } from 'node:fs';
import { describeReason } from '../../solvers/assignment/describe.js';
import { InstanceFormatError, parseInstanceCsv } from '../../solvers/assignment/instance-csv.js';
import { solveAssignmentInWorker } from '../../solvers/assignment/runner.js';
import { type AssignmentProgress, type AssignmentResult, isSolved } from '../../solvers/assignment/types.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { CliError, EXIT } from '../errors.js';

const HELP = `Usage: orbitshare solve assignment --input FILE.csv [--mode total|fair] [--json] [--time-limit SECONDS]

Assigns reviewers to proposals: every proposal gets exactly D reviews, no reviewer more than L,
only listed pairs. The file's first line is "#P,R,D,L"; then one "proposal,reviewer,affinity" row per
allowed pair (integers; ids 0-based when any row uses 0, else 1-based).

  total  maximise the total affinity (exact min-cost flow)
  fair   maximise the worst-served proposal's affinity first, then the total (exact MILP on
         small instances; at scale a flow heuristic, printed with its proven bound)

Exit status: 0 with an assignment, 1 when there is none (infeasible, with the reasons, or out of
time), 2 on bad arguments or a malformed file. Progress goes to standard error on long solves.

Options:
  --input FILE          the instance (required)
  --mode total|fair     objective (default total)
  --json                print the result as JSON, assignments included
  --time-limit SECONDS  stop after this long (default: none in total mode, 25 s for the fair heuristic)
  -h, --help            show this help
`;

function progressPrinter(started: number) {
  let last = 0;
  return (progress: AssignmentProgress) => {
    const now = performance.now();
    if (now - started < 1000 || now - last < 1000) return;
    last = now;
    process.stderr.write(
      `progress: ${progress.phase}: ${progress.done}/${progress.total} (${((now - started) / 1000).toFixed(1)} s)\n`,
    );
  };
}

function printText(result: AssignmentResult, seconds: number, size: string): void {
  console.log(`status: ${result.status}`);
  console.log(`mode: ${result.mode} (${result.stats.method})`);
  console.log(`instance: ${size}`);
  if (isSolved(result)) {
    console.log(`total affinity: ${result.totalAffinity}`);
    const worst = result.worstProposal;
    console.log(`worst proposal affinity: ${worst ? `${worst.affinity} (proposal ${worst.id})` : 'none'}`);
    if (!result.exact) {
      console.log(
        `proven bounds: worst proposal affinity <= ${result.bounds.worstAffinity}, total affinity <= ${result.bounds.totalAffinity}`,
      );
    }
  } else {
    for (const reason of result.reasons) console.log(`reason: ${describeReason(reason)}`);
  }
  console.log(`solve time: ${seconds.toFixed(3)} s`);
}

export async function solveAssignmentCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      input: { type: 'string' },
      mode: { type: 'string' },
      json: { type: 'boolean' },
      'time-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}". Run with --help for the options.`);
  if (!values.input) throw new CliError('--input FILE.csv is required. Run with --help for the format.');
  const mode = oneOf('mode', values.mode, ['total', 'fair'] as const) ?? 'total';
  let timeLimitMs: number | undefined;
  if (values['time-limit'] !== undefined) {
    const seconds = Number(values['time-limit']);
    if (!(seconds > 0)) throw new CliError(`--time-limit must be a positive number of seconds (got "${values['time-limit']}").`);
    timeLimitMs = seconds * 1000;
  }
  let text: string;
  try {
    text = readFileSync(values.input, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${values.input}: ${(error as Error).message}`);
  }
  let snapshot: ReturnType<typeof parseInstanceCsv>;
  try {
    snapshot = parseInstanceCsv(text);
  } catch (error) {
    if (error instanceof InstanceFormatError) throw new CliError(`${values.input}: ${error.message}`);
    throw error;
  }
  const started = performance.now();
  const result = await solveAssignmentInWorker(snapshot, { mode, timeLimitMs, onProgress: progressPrinter(started) });
  const seconds = (performance.now() - started) / 1000;
  const size = `${snapshot.proposals.length} proposals, ${snapshot.reviewers.length} reviewers, ${snapshot.pairs.proposal.length} candidate pairs`;
  if (values.json) {
    const summary = {
      status: result.status,
      mode: result.mode,
      method: result.stats.method,
      solveSeconds: Number(seconds.toFixed(3)),
      ...(isSolved(result)
        ? {
            exact: result.exact,
            totalAffinity: result.totalAffinity,
            worstAffinity: result.worstProposal?.affinity ?? null,
            worstProposal: result.worstProposal?.id ?? null,
            bounds: result.bounds,
            assignments: result.assignments.map((a) => [Number(a.proposal), Number(a.reviewer)]),
          }
        : { reasons: result.reasons.map((reason) => ({ ...reason, message: describeReason(reason) })) }),
    };
    console.log(JSON.stringify(summary));
  } else {
    printText(result, seconds, size);
  }
  return isSolved(result) ? EXIT.ok : EXIT.failure;
}
