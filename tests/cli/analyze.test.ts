import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCsv } from '../../src/demo/generate.ts';
import { loadAndScore } from '../../src/cli/run-score.ts';
import { sobolDrawsCsv, sobolEnterpriseCsv, sobolIndicesCsv } from '../../src/cli/sobol-output.ts';
import { auditJson, computeAudit } from '../../src/whatif/audit/index.ts';
import { runSobolChunk, sobolConfig, summarizeSobol } from '../../src/whatif/sobol/index.ts';
import { expectOneSentenceFailure, runCli, type CliResult } from './run-cli.ts';

/**
 * `npm run analyze` as a child process on 400 demo enterprises: the audit (JSON, XLSX) and the
 * Sobol files equal what the workbench's worker computes for the same data, scenario and seed —
 * the audit is computeAudit of the scored run (tests/whatif/audit.test.ts checks it against
 * numpy/scipy); Sobol is one in-process chunk over every base sample, the computation each
 * browser worker runs, while the CLI splits the samples over 2 worker_threads.
 */
let dir: string;
let input: string;

const analyze = (args: string[]): Promise<CliResult> => runCli(args, 'src/cli/analyze.ts');

const base = () => ['--system', 'sichuan-2024', '--input', input];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'analyze-'));
  input = join(dir, 'demo.csv');
  await writeFile(input, demoCsv({ rows: 400, seed: 11 }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run analyze --audit', () => {
  it('OUT.json: for each stage id and all, the statistics of the scored run', async () => {
    const out = join(dir, 'audit.json');
    const r = await analyze([...base(), '--audit', out]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(await readFile(out, 'utf8'));
    const { run } = await loadAndScore({ system: 'sichuan-2024', input }, () => {});
    const expected = JSON.parse(JSON.stringify(auditJson(computeAudit({ prepared: run.prepared, weights: run.weights, result: run.result }))));
    expect(json).toEqual(expected);
    expect(Object.keys(json)).toEqual(['initial', 'growth', 'stable', 'all']);
    const all = json.all;
    for (const key of ['coverage', 'skewness', 'kurtosis', 'pearson', 'spearman', 'cronbach_alpha', 'pca_explained', 'effective_weights']) expect(all).toHaveProperty(key);
    expect(Object.keys(all.coverage)).toEqual(run.system.indicators.map((i) => i.id));
    expect(all.rows).toBe(json.initial.rows + json.growth.rows + json.stable.rows);
    expect(all.pearson.rd_expense.rd_expense).toBe(1);
    expect((all.pca_explained as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  }, 60_000);

  it('OUT.xlsx: a sheet per statistic, in Chinese by default and English with --lang en', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const out = join(dir, `audit-${lang}.xlsx`);
      const r = await analyze([...base(), '--audit', out, ...(lang === 'en' ? ['--lang', 'en'] : [])]);
      expect(r.code, r.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets[0].name).toBe(lang === 'zh' ? '覆盖率与分布' : 'Coverage and shape');
      expect(wb.worksheets).toHaveLength(8);
    }
  }, 60_000);
});

describe('npm run analyze --sobol', () => {
  it('three CSV files equal to the in-process run for the same seed; the same seed gives the same bytes, another seed other numbers', async () => {
    const out = join(dir, 'sobol.csv');
    const r = await analyze([...base(), '--sobol', out, '--samples', '12', '--seed', '7', '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([out, join(dir, 'sobol.enterprises.csv'), join(dir, 'sobol.draws.csv')]);
    const { run, data } = await loadAndScore({ system: 'sichuan-2024', input }, () => {});
    const config = sobolConfig(12, 0.2, { kind: 'top-n', n: 100, scope: 'overall' });
    const res = summarizeSobol(runSobolChunk({ prepared: run.prepared, weights: run.weights, toggles: run.toggles }, config, 7, 0, 12), 7);
    const ids = run.system.indicators.map((i) => i.id);
    expect(await readFile(out, 'utf8')).toBe(sobolIndicesCsv(res, ids));
    expect(await readFile(join(dir, 'sobol.enterprises.csv'), 'utf8')).toBe(sobolEnterpriseCsv(res, data.text.uscc, ids));
    expect(await readFile(join(dir, 'sobol.draws.csv'), 'utf8')).toBe(
      sobolDrawsCsv(
        res,
        run.weights,
        0.2,
        run.system.stages.map((s) => s.id),
        ids,
      ),
    );
    // 12 base samples × (18 + 2) design points, one line each after the header.
    expect((await readFile(join(dir, 'sobol.draws.csv'), 'utf8')).trim().split('\n').length - 1).toBe(12 * 20);

    const again = join(dir, 'again.csv');
    await analyze([...base(), '--sobol', again, '--samples', '12', '--seed', '7', '--workers', '1']);
    expect(await readFile(again, 'utf8')).toBe(await readFile(out, 'utf8'));
    const other = join(dir, 'other.csv');
    await analyze([...base(), '--sobol', other, '--samples', '12', '--seed', '8']);
    expect(await readFile(other, 'utf8')).not.toBe(await readFile(out, 'utf8'));
  }, 120_000);
});

describe('refusals: one sentence, non-zero exit, no file', () => {
  const cases: [string, string[], RegExp][] = [
    ['two modes', ['--audit', 'a.json', '--sobol', 'b.csv', '--samples', '4', '--seed', '1'], /exactly one of --audit OUT or --sobol OUT\.csv \(got --audit and --sobol\)/],
    ['no mode', [], /exactly one of --audit/],
    ['no samples', ['--sobol', 'b.csv', '--seed', '1'], /--sobol needs --samples N/],
    ['no seed', ['--sobol', 'b.csv', '--samples', '4'], /--sobol needs --seed S/],
    ['zero samples', ['--sobol', 'b.csv', '--samples', '0', '--seed', '1'], /--samples must be a whole number from 1/],
    ['bad spread', ['--sobol', 'b.csv', '--samples', '4', '--seed', '1', '--spread', '2'], /--spread must be a number between 0 and 1/],
    ['audit extension', ['--audit', 'a.txt'], /--audit writes \.json or \.xlsx/],
    ['mc not yet', ['--mc', 'm.csv'], /--mc is not available yet/],
  ];
  for (const [what, extra, message] of cases) {
    it(
      what,
      async () => {
        const files = extra.filter((a) => /\.(json|csv|txt)$/.test(a)).map((f) => join(dir, f));
        const args = extra.map((a) => (/\.(json|csv|txt)$/.test(a) ? join(dir, a) : a));
        const r = await analyze([...base(), ...args]);
        expect(expectOneSentenceFailure(r)).toMatch(message);
        for (const f of files) expect(existsSync(f), f).toBe(false);
      },
      30_000,
    );
  }
});
