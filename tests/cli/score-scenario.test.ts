import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, HEADERS } from '../fixtures/cli-dataset.ts';
import { expectOneSentenceFailure, readOutput, runCli, stderrLines, type CliResult } from './run-cli.ts';

let dir: string;
const runs: Record<string, CliResult> = {};
const path = (name: string) => join(dir, name);
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-cli-err-'));
  await writeFile(path('in.csv'), csvText());
  await writeFile(path('bad-scenario.json'), JSON.stringify({ version: 1, systemId: 'sichuan-2024', weights: { initial: { rd_expense: 'heavy' } } }));
  await writeFile(path('ok-scenario.json'), JSON.stringify({ version: 1, systemId: 'sichuan-2024', bonus: { strategic_industry: false } }));
  // The same scenario as the browser's 导出 JSON writes it (the one scenario file format).
  const doc = (version: number) => ({
    format: 'innovation-points-scenario',
    version,
    name: '不计加分',
    createdAt: '2025-03-01T08:00:00.000Z',
    scenario: { version: 1, systemId: 'sichuan-2024', bonus: { strategic_industry: false } },
    list: { kind: 'top-n', n: 100, scope: 'overall' },
  });
  await writeFile(path('app.scenario.json'), JSON.stringify(doc(1), null, 2));
  await writeFile(path('v9.scenario.json'), JSON.stringify(doc(9)));
  // Only rows 6–9 of the fixture (duplicates, a future date, a bad check character): none is scored.
  const lines = csvText().split('\n');
  await writeFile(path('all-excluded.csv'), [lines[0], ...lines.slice(5)].join('\n'));
  // Headers without any year: 2023年度 X → X, 2022年度 X → 上年X.
  const noYear = HEADERS.map((h) => h.replace(/^2022年度/, '上年').replace(/^(2023年度|截至2023年底)/, ''));
  await writeFile(path('no-year.csv'), [noYear.join(','), ...lines.slice(1)].join('\n'));
  const base = ['--system', 'sichuan-2024'];
  const jobs: Record<string, string[]> = {
    badScenario: [...base, '--input', path('in.csv'), '--output', path('scn.out.csv'), '--scenario', path('bad-scenario.json')],
    okScenario: [...base, '--input', path('in.csv'), '--output', path('ok.out.csv'), '--scenario', path('ok-scenario.json')],
    appScenario: [...base, '--input', path('in.csv'), '--output', path('app.out.csv'), '--scenario', path('app.scenario.json')],
    v9Scenario: [...base, '--input', path('in.csv'), '--output', path('v9.out.csv'), '--scenario', path('v9.scenario.json')],
    allExcluded: [...base, '--input', path('all-excluded.csv'), '--output', path('all.out.csv')],
    noYear: [...base, '--input', path('no-year.csv'), '--output', path('no-year.out.csv')],
  };
  const names = Object.keys(jobs);
  const results = await Promise.all(names.map((n) => runCli(jobs[n])));
  names.forEach((n, i) => (runs[n] = results[i]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CLI failures (scenario, exclusions, evaluation year): one sentence, non-zero exit, no output file', () => {
  it('a scenario with a bad field, naming the field', async () => {
    const line = expectOneSentenceFailure(runs.badScenario);
    expect(line).toContain('weights.initial.rd_expense');
    expect(await exists(path('scn.out.csv'))).toBe(false);
  });

  it('no row left to score: the excluded lines, then one sentence', async () => {
    expect(stderrLines(runs.allExcluded, 'excluded ')).toEqual([
      'excluded 2 1000000000000000M0 duplicate key',
      'excluded 3 1000000000000000M0 duplicate key',
      'excluded 4 000000000000000000 registration_date after as-of date',
      'excluded 5 91350100M000100Y44 uscc check digit wrong',
    ]);
    expect(expectOneSentenceFailure(runs.allExcluded)).toContain('No row');
    expect(await exists(path('all.out.csv'))).toBe(false);
  });

  it('no evaluation year in the headers and no --as-of: asks for --as-of', async () => {
    expect(expectOneSentenceFailure(runs.noYear)).toContain('--as-of');
    expect(await exists(path('no-year.out.csv'))).toBe(false);
  });
});

describe('CLI with a valid scenario', () => {
  it('applies it (bonus item switched off: A loses its 1 point)', async () => {
    expect(runs.okScenario.code, runs.okScenario.stderr).toBe(0);
    const { rows } = await readOutput(path('ok.out.csv'));
    // Without the bonus: C 8, then A, B, D all 0 → uscc order 9135… < 9144… < 9151…, all rank 2.
    expect(rows.map((r) => [r.uscc, r.bonus, r.score, r.rank])).toEqual([
      ['91510100000000000E', '0', '8', '1'],
      ['91350100M000100Y43', '0', '0', '2'],
      ['914403001922038216', '0', '0', '2'],
      ['91510100000000001H', '0', '0', '2'],
    ]);
  });

  it("reads the browser's exported scenario file: the same scores, and a note that its list rule is not used", async () => {
    expect(runs.appScenario.code, runs.appScenario.stderr).toBe(0);
    const { rows } = await readOutput(path('app.out.csv'));
    expect(rows.map((r) => [r.uscc, r.bonus, r.score, r.rank])).toEqual([
      ['91510100000000000E', '0', '8', '1'],
      ['91350100M000100Y43', '0', '0', '2'],
      ['914403001922038216', '0', '0', '2'],
      ['91510100000000001H', '0', '0', '2'],
    ]);
    expect(stderrLines(runs.appScenario, 'note scenario')).toEqual(['note scenario "不计加分": its list rule is not used by this command (OUT.csv ranks every scored row)']);
  });

  it('a scenario file of an unknown version: one sentence naming the version', async () => {
    expect(expectOneSentenceFailure(runs.v9Scenario)).toContain('version: scenario files of version 9 are not supported');
    expect(await exists(path('v9.out.csv'))).toBe(false);
  });
});
