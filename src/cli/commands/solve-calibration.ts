// `orbitshare solve calibration`: reads review scores, prints calibrated merits with intervals beside
// the raw means, then each reviewer's estimated bias. Warnings (a disconnected review graph) go to
// standard error.
import { readFileSync } from 'node:fs';
import { calibrate } from '../../solvers/calibration/calibrate.js';
import { parseReviewsCsv, ReviewsFormatError } from '../../solvers/calibration/reviews-csv.js';
import { parseCommandArgs } from '../args.js';
import { CliError, EXIT } from '../errors.js';

const HELP = `Usage: orbitshare solve calibration --input FILE.csv

Estimates each proposal's merit and each reviewer's bias jointly from all scores (score = merit +
bias + noise, weighted by confidence: high λ², medium 1, low λ⁻², λ = 1.75; MacKay et al. 2017).
Rows: proposal,reviewer,score,confidence (confidence high|medium|low); a header row is allowed.

Prints CSV: one row per proposal (reviews, raw mean, calibrated merit, 95 % interval low/high), a
blank line, then one row per reviewer (reviews, bias). Calibrated and raw scores are shown side by
side; neither replaces the other.

Options:
  --input FILE  the scores (required)
  -h, --help    show this help
`;

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const fixed = (value: number) => value.toFixed(4);

export async function solveCalibrationCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { input: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}". Run with --help for the options.`);
  if (!values.input) throw new CliError('--input FILE.csv is required. Run with --help for the format.');
  let text: string;
  try {
    text = readFileSync(values.input, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${values.input}: ${(error as Error).message}`);
  }
  let reviews: ReturnType<typeof parseReviewsCsv>;
  try {
    reviews = parseReviewsCsv(text);
  } catch (error) {
    if (error instanceof ReviewsFormatError) throw new CliError(`${values.input}: ${error.message}`);
    throw error;
  }
  if (reviews.length === 0) throw new CliError(`${values.input}: no reviews.`);
  const result = calibrate(reviews);
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  for (const [i, part] of result.components.entries()) {
    process.stderr.write(`  group ${i + 1}: proposals ${part.proposals.join(' ')}; reviewers ${part.reviewers.join(' ')}\n`);
  }
  const lines = ['proposal,reviews,raw_mean,calibrated,low,high'];
  for (const p of result.proposals)
    lines.push([csvCell(p.id), p.reviews, fixed(p.rawMean), fixed(p.merit), fixed(p.low), fixed(p.high)].join(','));
  lines.push('', 'reviewer,reviews,bias');
  for (const r of result.reviewers) lines.push([csvCell(r.id), r.reviews, fixed(r.bias)].join(','));
  console.log(lines.join('\n'));
  return EXIT.ok;
}
