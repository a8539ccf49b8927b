import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the real bin (bin/orbitshare.js → dist/), rebuilding dist/ first when the sources are newer.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = join(ROOT, 'dist/cli/commands/solve-selection.js');

function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

function orbitshare(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/orbitshare.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const instance = {
  budgets: [15_000, 40_000],
  countryCap: 1,
  minCountries: 2,
  proposals: [
    { id: 'A', country: 'FR', merit: 90, use: [9_000, 10_000] },
    { id: 'B', country: 'IT', merit: 80, use: [8_000, 10_000] },
    { id: 'C', country: 'FR', merit: 40, use: [3_000, 5_000] },
    { id: 'D', country: 'PK', merit: 35, use: [2_000, 30_000] },
  ],
};

describe('orbitshare solve selection (the built CLI)', () => {
  let dir: string;
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orbitshare-select-'));
    const sources = Math.max(newest(join(ROOT, 'src/solvers')), newest(join(ROOT, 'src/cli')));
    if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < sources)
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints status, objective, bound, gap, number selected and time', () => {
    const { code, stdout } = orbitshare('solve', 'selection', '--input', file('call.json', instance), '--time-limit', '10');
    expect(code).toBe(0);
    // FR may send one: A (90) + D (35) fit both budgets; A + B would exceed the 15 kg; B + C make 120.
    expect(stdout).toMatch(/^status +optimal$/m);
    expect(stdout).toMatch(/^objective +125$/m);
    expect(stdout).toMatch(/^bound +125$/m);
    expect(stdout).toMatch(/^gap +0\.0000 %$/m);
    expect(stdout).toMatch(/^selected +2 of 4$/m);
    expect(stdout).toMatch(/^time +\d+\.\d{3} s$/m);
  });

  it('prints the whole result as JSON with --json', () => {
    const { code, stdout } = orbitshare('solve', 'selection', '--input', file('call.json', instance), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      status: 'optimal',
      objective: 125,
      bound: 125,
      gap: 0,
      selected: ['A', 'D'],
      used: [11_000, 40_000],
    });
    expect(typeof result.seconds).toBe('number');
  });

  it('exits 1 and names the conflicting rules when they cannot all hold', () => {
    const { code, stdout } = orbitshare('solve', 'selection', '--input', file('five.json', { ...instance, minCountries: 5 }));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^status +infeasible$/m);
    expect(stdout).toMatch(/^conflict +minCountries$/m);
  });

  it.each([
    [['solve', 'selection'], /--input FILE.json is required/],
    [['solve', 'selection', '--input', '/nonexistent/call.json'], /cannot read \/nonexistent\/call.json/],
    [['solve', 'selection', '--input', 'x.json', '--time-limit', 'soon'], /--time-limit must be a positive number/],
    [['solve', 'selection', '--input', 'x.json', '--fast'], /Unknown option '--fast'/],
    [['solve', 'selection', 'extra'], /unexpected argument "extra"/],
    [['solve', 'seating'], /unknown problem "seating"/],
  ])('exits 2 on bad arguments: %s', (args, message) => {
    const { code, stderr } = orbitshare(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 on a file that is not a valid instance, naming the field', () => {
    const notJson = orbitshare('solve', 'selection', '--input', file('broken.json', '{"budgets": ['));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/not a valid instance: not JSON/);
    const wrong = orbitshare(
      'solve',
      'selection',
      '--input',
      file('wrong.json', { ...instance, proposals: [{ id: 'A', country: 'FR', merit: 1.5, use: [1] }] }),
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/proposals\.0\.merit/);
  });
});
