import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, EXPECTED, expectedExclusions } from '../fixtures/cli-dataset.ts';
import { encodeGbk } from '../fixtures/gbk-encode.ts';
import { expectRows, readOutput, runCli, stderrLines, type CliResult } from './run-cli.ts';

let dir: string;
const runs: Record<string, CliResult> = {};
const out = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-cli-csv-'));
  await writeFile(out('utf8.csv'), csvText());
  await writeFile(out('gbk.csv'), encodeGbk(csvText()));
  const base = ['--system', 'sichuan-2024'];
  const [a, b, g, late] = await Promise.all([
    runCli([...base, '--input', out('utf8.csv'), '--output', out('a.csv')]),
    runCli([...base, '--input', out('utf8.csv'), '--output', out('b.csv')]),
    runCli([...base, '--input', out('gbk.csv'), '--output', out('g.csv')]),
    runCli([...base, '--input', out('utf8.csv'), '--output', out('late.csv'), '--as-of', '2024-12-31']),
  ]);
  Object.assign(runs, { a, b, g, late });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CLI on a CSV with the sample form’s Chinese headers', () => {
  it('exits 0 and writes the hand-computed scores in order', async () => {
    expect(runs.a.code, runs.a.stderr).toBe(0);
    const { header, rows } = await readOutput(out('a.csv'));
    expect(header).toBe('uscc,stage,base,bonus,vetoed,score,rank,stage_rank');
    expectRows(rows, EXPECTED);
  });

  it('prints numbers exactly, without exponents', async () => {
    const { rows } = await readOutput(out('a.csv'));
    expect(rows[0].base).toBe('8');
    expect(rows[1].bonus).toBe('1');
    // ≈ 800/197 (hi = Q(0.99) is 197 up to rounding); printed in the shortest form that reads
    // back as the same double.
    expect(Number(rows[2].base)).toBeCloseTo(800 / 197, 12);
    expect(String(Number(rows[2].base))).toBe(rows[2].base);
    for (const r of rows) for (const k of ['base', 'bonus', 'score']) expect(r[k]).not.toMatch(/e/i);
  });

  it('reports excluded rows on stderr with the file’s row numbers', () => {
    expect(stderrLines(runs.a, 'excluded ')).toEqual(expectedExclusions());
  });

  it('warns about a text value in a number cell, naming row, column and value', () => {
    const w = stderrLines(runs.a, 'warning ');
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('Row 2');
    expect(w[0]).toContain('2023年度企业技术合同成交额');
    expect(w[0]).toContain('"abc"');
  });

  it('never writes personal data', async () => {
    const text = await readFile(out('a.csv'), 'utf8');
    expect(text).not.toContain('13800000000');
    expect(runs.a.stderr).not.toContain('13800000000');
  });

  it('is deterministic byte for byte', async () => {
    expect(runs.b.code).toBe(0);
    expect(Buffer.compare(await readFile(out('a.csv')), await readFile(out('b.csv')))).toBe(0);
    expect(runs.a.stderr).toBe(runs.b.stderr);
  });

  it('reads a GB18030/GBK-encoded CSV to the same result', async () => {
    expect(runs.g.code, runs.g.stderr).toBe(0);
    expect(Buffer.compare(await readFile(out('a.csv')), await readFile(out('g.csv')))).toBe(0);
    expect(stderrLines(runs.g, 'excluded ')).toEqual(expectedExclusions());
  });

  it('--as-of moves the cut-off: a 2024 registration is then scored', () => {
    expect(runs.late.code, runs.late.stderr).toBe(0);
    expect(stderrLines(runs.late, 'excluded ')).toEqual(expectedExclusions().filter((l) => !l.includes('after as-of')));
  });
});
