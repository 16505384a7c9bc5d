/**
 * The hand-checked golden case (tests/engine/golden-sichuan.test.ts) through the real CLI: a CSV
 * with the data model's Chinese headers, scored end to end. The expected numbers are the golden
 * test's hand-computed literals, not a second run of the engine.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_BY_ID } from '../../src/data/fields.ts';
import { makeUscc } from '../../src/data/uscc.ts';
import { GOLDEN_COLUMNS, GOLDEN_REG_DATES } from '../fixtures/golden-sichuan.ts';
import { readOutput, runCli } from './run-cli.ts';

const SCORE = [17.8813097591, 17.2933740958, 31.8147046851, 40.469320531, 36.2563470426, 0, 49.3410986159, 69.9098006523];
const BASE = [16.8813097591, 15.8933740958, 29.8147046851, 39.269320531, 36.2563470426, 44.3607460457, 48.9410986159, 67.5098006523];
const BONUS = [1, 1.4, 2, 1.2, 0, 1, 0.4, 2.4];
const RANK = [6, 7, 5, 3, 4, 8, 2, 1];
const STAGE_RANK = [1, 2, 3, 1, 2, 3, 2, 1];
const STAGE = ['initial', 'initial', 'growth', 'growth', 'growth', 'stable', 'stable', 'stable'];

describe('golden case through the CLI (Chinese headers)', () => {
  it('reproduces the hand-computed scores and ranks', async () => {
    const uscc = Array.from({ length: 8 }, (_, i) => makeUscc(`91510100MA6CGX${String(i).padStart(3, '0')}`));
    const fields = Object.keys(GOLDEN_COLUMNS);
    const header = ['统一社会信用代码', '企业名称', '注册日期', ...fields.map((f) => FIELD_BY_ID.get(f)!.zh)];
    const cell = (v: number) => (Number.isNaN(v) ? '' : String(v));
    const lines = uscc.map((u, r) => [u, `企业${r + 1}`, GOLDEN_REG_DATES[r], ...fields.map((f) => cell(GOLDEN_COLUMNS[f][r]))].join(','));
    const dir = mkdtempSync(join(tmpdir(), 'golden-'));
    writeFileSync(join(dir, 'in.csv'), [header.join(','), ...lines].join('\n') + '\n');
    const r = await runCli(['--system', 'sichuan-2024', '--input', join(dir, 'in.csv'), '--output', join(dir, 'out.csv'), '--as-of', '2023-12-31']);
    expect(r.code).toBe(0);
    const { header: outHeader, rows } = await readOutput(join(dir, 'out.csv'));
    expect(outHeader).toBe('uscc,stage,base,bonus,vetoed,score,rank,stage_rank');
    // output order: score descending → E8, E7, E4, E5, E3, E1, E2, E6
    expect(rows.map((row) => uscc.indexOf(row.uscc) + 1)).toEqual([8, 7, 4, 5, 3, 1, 2, 6]);
    for (const row of rows) {
      const i = uscc.indexOf(row.uscc);
      expect(row.stage).toBe(STAGE[i]);
      expect(Number(row.base)).toBeCloseTo(BASE[i], 9);
      expect(Number(row.bonus)).toBeCloseTo(BONUS[i], 12);
      expect(Number(row.score)).toBeCloseTo(SCORE[i], 9);
      expect(row.vetoed).toBe(i === 5 ? 'true' : 'false');
      expect(Number(row.rank)).toBe(RANK[i]);
      expect(Number(row.stage_rank)).toBe(STAGE_RANK[i]);
    }
  });
});
