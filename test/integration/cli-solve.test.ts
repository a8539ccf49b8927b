// `orbitshare solve …` through the real executable (bin/orbitshare.js on the compiled dist/), with
// small files whose answers are known by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/orbitshare.js');

function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

/** The bin runs dist/: recompile the server side when the solver or CLI sources are newer. */
function ensureCompiled(): void {
  const built = join(ROOT, 'dist/cli/commands/solve.js');
  const sources = Math.max(newest(join(ROOT, 'src/solvers')), newest(join(ROOT, 'src/cli')));
  if (!existsSync(built) || statSync(built).mtimeMs < sources)
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
}

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('orbitshare solve', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  beforeAll(() => {
    ensureCompiled();
    dir = mkdtempSync(join(tmpdir(), 'orbitshare-solve-'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Two proposals, one review each, loads 1. Total: p0←r0 (10) + p1←r1 (2) = 12, worst 2.
  // Fair: p0←r1 (5) + p1←r0 (6) = 11, worst 5.
  const contested = '#2,2,1,1\n0,0,10\n0,1,5\n1,0,6\n1,1,2\n';

  it('total mode prints the optimum, the worst proposal and the time', () => {
    const { code, stdout } = run(['solve', 'assignment', '--input', file('contested.csv', contested)]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^status: optimal$/m);
    expect(stdout).toMatch(/^total affinity: 12$/m);
    expect(stdout).toMatch(/^worst proposal affinity: 2 \(proposal 1\)$/m);
    expect(stdout).toMatch(/^solve time: \d+\.\d{3} s$/m);
  });

  it('fair mode raises the worst proposal first, then the total', () => {
    const { code, stdout } = run([
      'solve',
      'assignment',
      '--input',
      file('contested.csv', contested),
      '--mode',
      'fair',
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      status: 'optimal',
      mode: 'fair',
      exact: true,
      totalAffinity: 11,
      worstAffinity: 5,
      worstProposal: '0',
    });
    expect(result.assignments).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('1-based ids are read as such', () => {
    const { stdout } = run([
      'solve',
      'assignment',
      '--input',
      file('one.csv', '#2,2,1,1\n1,1,10\n1,2,5\n2,1,6\n2,2,2\n'),
      '--json',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ totalAffinity: 12, worstProposal: '2' });
  });

  it('an infeasible instance says why and exits 1', () => {
    const { code, stdout } = run([
      'solve',
      'assignment',
      '--input',
      file('short.csv', '#3,2,2,2\n0,0,1\n0,1,1\n1,0,1\n1,1,1\n2,1,1\n'),
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^status: infeasible$/m);
    expect(stdout).toContain("The proposals need 6 reviews but the experts' maximum loads add up to 4");
    expect(stdout).toContain('Proposal 2 needs 2 reviews but only 1 experts are eligible (1)');
  });

  it.each([
    [['solve', 'assignment'], /--input FILE.csv is required/],
    [['solve', 'assignment', '--input', '/nonexistent/x.csv'], /cannot read/],
    [['solve', 'assignment', '--input', 'x', '--mode', 'best'], /--mode must be one of: total, fair/],
    [['solve', 'timetable'], /unknown problem "timetable"/],
    [['solve', 'calibration'], /--input FILE.csv is required/],
  ])('bad arguments %j exit 2', (args, message) => {
    const { code, stderr } = run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('a malformed instance names the line and exits 2', () => {
    const { code, stderr } = run(['solve', 'assignment', '--input', file('bad.csv', '#2,2,1,1\n0,0,10\n0,x,5\n')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/line 3: expected "proposal,reviewer,affinity"/);
  });

  it('calibration prints raw and calibrated scores per proposal, then reviewer biases', () => {
    // Reviewer "harsh" scores 2 below "kind" on the two proposals both read, so c (read only by
    // "harsh") is raised above its raw mean and b (read only by "kind") is lowered.
    const scores = [
      'proposal,reviewer,score,confidence',
      'a,kind,8,high',
      'a,harsh,6,high',
      'd,kind,5,medium',
      'd,harsh,3,medium',
      'b,kind,7,medium',
      'c,harsh,6,medium',
    ].join('\n');
    const { code, stdout, stderr } = run(['solve', 'calibration', '--input', file('scores.csv', scores)]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [proposalPart, reviewerPart] = stdout.trim().split('\n\n');
    const rows = proposalPart!.split('\n');
    expect(rows[0]).toBe('proposal,reviews,raw_mean,calibrated,low,high');
    const byId: Record<string, number[]> = Object.fromEntries(
      rows.slice(1).map((row) => [row.split(',')[0], row.split(',').slice(1).map(Number)]),
    );
    expect(byId.a!.slice(0, 2)).toEqual([2, 7]);
    expect(byId.c![1]).toBe(6);
    expect(byId.c![2]).toBeGreaterThan(byId.b![2]!);
    for (const [, , calibrated, low, high] of Object.values(byId)) {
      expect(low).toBeLessThan(calibrated!);
      expect(high).toBeGreaterThan(calibrated!);
    }
    const biases = Object.fromEntries(
      reviewerPart!
        .split('\n')
        .slice(1)
        .map((row) => [row.split(',')[0], Number(row.split(',')[2])]),
    );
    expect(reviewerPart!.split('\n')[0]).toBe('reviewer,reviews,bias');
    expect(biases.kind).toBeGreaterThan(0);
    expect(biases.harsh).toBeLessThan(0);
    expect(biases.kind! + biases.harsh!).toBeCloseTo(0, 3);
  });

  it('calibration warns on standard error when the review graph falls apart', () => {
    const { code, stderr } = run(['solve', 'calibration', '--input', file('split.csv', 'a,x,5,low\nb,x,6,high\nc,y,4,medium\n')]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: The review graph is not connected: 2 separate groups/);
    expect(stderr).toMatch(/group 2: proposals c; reviewers y/);
  });
});
