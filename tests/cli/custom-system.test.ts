import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueRuleFormula, type IndicatorSystem } from '../../src/engine/index.ts';
import { demoCsv } from '../../src/demo/generate.ts';
import { exampleBankModel } from '../../src/systems/edit-system.ts';
import { exportSystem, getSystem } from '../../src/systems/index.ts';
import { A, B, C, D, HEADERS, dataRows } from '../fixtures/cli-dataset.ts';
import { expectOneSentenceFailure, expectRows, readOutput, runCli } from './run-cli.ts';

/**
 * `score --system FILE.json`: a system exported by the editor, with a custom indicator written in
 * the expression language, scored by the CLI. Expected numbers are worked by hand below, and a
 * system that rewrites every preset rule as a formula must give the preset's output byte for byte.
 */
let dir: string;
const sichuan = getSystem('sichuan-2024') as IndicatorSystem;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custom-system-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const csvField = (v: string | Date) => {
  const s = typeof v === 'string' ? v : v.toISOString().slice(0, 10);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

describe('score --system FILE.json (custom indicators)', () => {
  it('scores the example bank model as worked by hand', async () => {
    // The fixture's rows with 科技人员数量 set: A 2, B 4, C 0, D empty.
    const staff = HEADERS.indexOf('截至2023年底科技人员数量');
    const rows = dataRows().map((r, i) => r.map((v, j) => (j === staff ? (['2', '4', '0', ''][i] ?? '') : v)));
    await writeFile(join(dir, 'in.csv'), [HEADERS, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n');
    await writeFile(join(dir, 'bank.json'), exportSystem(exampleBankModel(sichuan)));
    const r = await runCli(['--system', join(dir, 'bank.json'), '--input', join(dir, 'in.csv'), '--output', join(dir, 'out.csv')]);
    expect(r.code, r.stderr).toBe(0);
    // rd_per_tech_staff = rd_expense / tech_staff: A 0/2 = 0, B 100/4 = 25, C 200/0 = +∞, D missing.
    //   finite F = [0, 25]: lo = 0 + 0.01·25 = 0.25, hi = 0 + 0.99·25 = 24.75
    //   s: A clip(0) = lo → 0; B 25 → hi → 1; C +∞ → hi → 1; D missing → 0.
    // rd_expense as in the fixture (s: A 0, B 100/197, C 1, D 0), weight 0.08 · 0.9 = 0.072; new weight 0.1.
    //   base: B 100·(0.072·100/197 + 0.1) = 720/197 + 10; C 100·(0.072 + 0.1) = 17.2.
    expectRows((await readOutput(join(dir, 'out.csv'))).rows, [
      { uscc: C, stage: 'stable', base: 17.2, bonus: 0, vetoed: 'false', score: 17.2, rank: 1, stage_rank: 1 },
      { uscc: A, stage: 'initial', base: 0, bonus: 1, vetoed: 'false', score: 1, rank: 2, stage_rank: 1 },
      { uscc: B, stage: 'growth', base: 720 / 197 + 10, bonus: 0, vetoed: 'true', score: 0, rank: 3, stage_rank: 1 },
      { uscc: D, stage: 'initial', base: 0, bonus: 0, vetoed: 'false', score: 0, rank: 3, stage_rank: 2 },
    ]);
  }, 60_000);

  it('gives the preset’s output byte for byte when every rule is rewritten as a formula', async () => {
    const rewritten: IndicatorSystem = {
      ...structuredClone(sichuan),
      id: 'custom-sichuan-formulas',
      indicators: sichuan.indicators.map((ind) => ({ ...structuredClone(ind), value: { kind: 'expr', expr: valueRuleFormula(ind.value) } })),
    };
    expect(rewritten.indicators.filter((i) => /[/+(]/.test((i.value as { expr: string }).expr)).length).toBeGreaterThanOrEqual(6);
    await writeFile(join(dir, 'demo.csv'), demoCsv({ rows: 3000, seed: 9 }));
    await writeFile(join(dir, 'formulas.json'), exportSystem(rewritten));
    const preset = await runCli(['--system', 'sichuan-2024', '--input', join(dir, 'demo.csv'), '--output', join(dir, 'preset.csv')]);
    const custom = await runCli(['--system', join(dir, 'formulas.json'), '--input', join(dir, 'demo.csv'), '--output', join(dir, 'formulas.csv')]);
    expect(preset.code, preset.stderr).toBe(0);
    expect(custom.code, custom.stderr).toBe(0);
    const a = await readFile(join(dir, 'preset.csv'), 'utf8');
    expect(a.split('\n').length).toBeGreaterThan(2500);
    expect(await readFile(join(dir, 'formulas.csv'), 'utf8')).toBe(a);
  }, 120_000);

  it('refuses a broken system file in one sentence naming the field', async () => {
    const bad = exampleBankModel(sichuan);
    (bad.indicators.at(-1)!.value as { expr: string }).expr = 'rd_expense / (tech_staff';
    await writeFile(join(dir, 'bad.json'), exportSystem(bad));
    const r = await runCli(['--system', join(dir, 'bad.json'), '--input', join(dir, 'in.csv'), '--output', join(dir, 'x.csv')]);
    const line = expectOneSentenceFailure(r);
    expect(line).toContain(`indicators[${bad.indicators.length - 1}].value.expr`);
    expect(line).toContain('closing bracket');
    const unknown = exampleBankModel(sichuan);
    (unknown.indicators.at(-1)!.value as { expr: string }).expr = 'rd_expense / staff_count';
    await writeFile(join(dir, 'unknown.json'), exportSystem(unknown));
    expect(expectOneSentenceFailure(await runCli(['--system', join(dir, 'unknown.json'), '--input', join(dir, 'in.csv'), '--output', join(dir, 'x.csv')]))).toContain(
      'unknown field "staff_count"',
    );
    const preset = { ...structuredClone(sichuan) };
    await writeFile(join(dir, 'preset.json'), exportSystem(preset));
    expect(expectOneSentenceFailure(await runCli(['--system', join(dir, 'preset.json'), '--input', join(dir, 'in.csv'), '--output', join(dir, 'x.csv')]))).toContain(
      'id of its own',
    );
    expect(expectOneSentenceFailure(await runCli(['--system', join(dir, 'absent.json'), '--input', join(dir, 'in.csv'), '--output', join(dir, 'x.csv')]))).toContain(
      'does not exist',
    );
  }, 60_000);
});
