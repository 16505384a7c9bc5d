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

describe('npm run analyze --mc', () => {
  const csvRows = async (path: string) => (await readFile(path, 'utf8')).slice(1).trimEnd().split('\r\n');

  it('spread 0: every interval is the enterprise’s own rank and the list is the top 100, in the table’s order', async () => {
    const out = join(dir, 'mc0.csv');
    const r = await analyze([...base(), '--mc', out, '--samples', '5', '--spread', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([out, join(dir, 'mc0.notes.csv')]);
    const [header, ...lines] = await csvRows(out);
    expect(header).toBe('序号,当前名次,企业名称,统一社会信用代码,生命周期阶段,入选概率（%）,入选次数,中位名次,5% 名次,95% 名次,区间,入选概率（精确值）');
    const { run, data } = await loadAndScore({ system: 'sichuan-2024', input }, () => {});
    expect(lines).toHaveLength(data.n);
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      const c = line.split(',');
      const row = data.text.uscc.indexOf(c[3]);
      seen.add(c[3]);
      const rank = run.result.rank[row];
      expect(Number(c[0])).toBe(i + 1);
      expect(Number(c[1])).toBe(rank);
      // Unweighted noise: every sample is the scenario itself.
      expect([Number(c[7]), Number(c[8]), Number(c[9])]).toEqual([rank, rank, rank]);
      const on = rank <= 100 ? 1 : 0;
      expect([Number(c[5]), Number(c[6]), Number(c[11])]).toEqual([on * 100, on * 5, on]);
      expect(c[2]).not.toBe(''); // the enterprise's name, as in the workbench's export
    });
    expect(seen.size).toBe(data.n);
    // Order: on the list first, each part by current rank.
    const ranks = lines.map((l) => Number(l.split(',')[1]));
    const listed = ranks.filter((x) => x <= 100).length;
    expect(ranks.slice(0, listed).every((x, i) => i === 0 || ranks[i - 1] <= x)).toBe(true);
    expect(ranks.slice(listed).every((x, i, a) => x > 100 && (i === 0 || a[i - 1] <= x))).toBe(true);
    const notes = (await readFile(join(dir, 'mc0.notes.csv'), 'utf8')).slice(1).split('\r\n');
    expect(notes).toContain('种子 Seed,20240601');
    expect(notes).toContain('名额 N,100');
    expect(notes).toContain('抽样次数 Samples,5');
  }, 60_000);

  it('the same seed gives the same bytes on 1 or 2 threads; another seed other numbers; --lang en; XLSX', async () => {
    const a = join(dir, 'mcA.csv');
    const b = join(dir, 'mcB.csv');
    const c = join(dir, 'mcC.csv');
    expect((await analyze([...base(), '--mc', a, '--samples', '30', '--seed', '3', '--workers', '2'])).code).toBe(0);
    expect((await analyze([...base(), '--mc', b, '--samples', '30', '--seed', '3', '--workers', '1'])).code).toBe(0);
    expect((await analyze([...base(), '--mc', c, '--samples', '30', '--seed', '4', '--workers', '2'])).code).toBe(0);
    expect(await readFile(a, 'utf8')).toBe(await readFile(b, 'utf8'));
    expect(await readFile(c, 'utf8')).not.toBe(await readFile(a, 'utf8'));
    // ±20 % moves someone: at least one interval is wider than a point.
    const rows = (await csvRows(a)).slice(1).map((l) => l.split(','));
    expect(rows.some((r) => Number(r[9]) > Number(r[8]))).toBe(true);
    const en = join(dir, 'mcEn.xlsx');
    expect((await analyze([...base(), '--mc', en, '--samples', '10', '--lang', 'en'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(en);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1, 3)).toEqual(['No.', 'Current rank']);
    expect(wb.worksheets.map((w) => w.name)).toHaveLength(2);
  }, 120_000);
});

describe('npm run analyze with a list scoped by city', () => {
  it('reads the city column for the rule: at spread 0 the listed enterprises are the top 3 of each city', async () => {
    const scn = join(dir, 'city.scenario.json');
    await writeFile(
      scn,
      JSON.stringify({
        format: 'innovation-points-scenario',
        version: 1,
        name: '每市前三',
        scenario: { version: 1, systemId: 'sichuan-2024' },
        list: { kind: 'top-n', n: 3, scope: 'city' },
      }),
    );
    const out = join(dir, 'mc-city.csv');
    const r = await analyze([...base(), '--scenario', scn, '--mc', out, '--samples', '2', '--spread', '0']);
    expect(r.code, r.stderr).toBe(0);
    const { data, run } = await loadAndScore(
      { system: 'sichuan-2024', input },
      () => {},
      undefined,
      () => ['city'],
    );
    const city = data.text.city!;
    // Expected by hand from the scores: per city, the rows with fewer than 3 better-scored rows.
    const expected = new Set<string>();
    for (let r0 = 0; r0 < data.n; r0++) {
      let better = 0;
      for (let r1 = 0; r1 < data.n; r1++) if (city[r1] === city[r0] && run.result.score[r1] > run.result.score[r0]) better++;
      if (better < 3 && !run.result.vetoed[r0]) expected.add(data.text.uscc[r0]);
    }
    const lines = (await readFile(out, 'utf8')).slice(1).trimEnd().split('\r\n').slice(1);
    const listed = new Set(
      lines
        .map((l) => l.split(','))
        .filter((c) => c[5] === '100.00')
        .map((c) => c[3]),
    );
    expect(new Set(city).size).toBeGreaterThan(3);
    expect(listed).toEqual(expected);
    expect(await readFile(join(dir, 'mc-city.notes.csv'), 'utf8')).toContain('方案 Scenario,city.scenario.json');
  }, 60_000);
});

describe('refusals: one sentence, non-zero exit, no file', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'two modes',
      ['--audit', 'a.json', '--sobol', 'b.csv', '--samples', '4', '--seed', '1'],
      /exactly one of --audit OUT, --sobol OUT\.csv or --mc OUT \(got --audit and --sobol\)/,
    ],
    ['no mode', [], /exactly one of --audit/],
    ['no samples', ['--sobol', 'b.csv', '--seed', '1'], /--sobol needs --samples N/],
    ['no seed', ['--sobol', 'b.csv', '--samples', '4'], /--sobol needs --seed S/],
    ['zero samples', ['--sobol', 'b.csv', '--samples', '0', '--seed', '1'], /--samples must be a whole number from 1/],
    ['bad spread', ['--sobol', 'b.csv', '--samples', '4', '--seed', '1', '--spread', '2'], /--spread must be a number from 0 to below 1/],
    ['sobol without spread', ['--sobol', 'b.csv', '--samples', '4', '--seed', '1', '--spread', '0'], /--spread must be above 0 for --sobol/],
    ['audit extension', ['--audit', 'a.txt'], /--audit writes \.json or \.xlsx/],
    ['mc extension', ['--mc', 'm.txt'], /--mc writes \.csv or \.xlsx/],
    ['mc bad seed', ['--mc', 'm.csv', '--seed', '3.5'], /--seed must be a whole number from 0 to 4294967295/],
    ['mc bad lang', ['--mc', 'm.csv', '--lang', 'fr'], /--lang must be zh or en/],
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
