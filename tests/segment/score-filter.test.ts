import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectSegmentRows } from '../../src/cli/segment-native.ts';
import type { EngineDataset } from '../../src/data/build-dataset.ts';
import { daysFromCivil } from '../../src/engine/calendar.ts';
import type { IndicatorSystem } from '../../src/engine/index.ts';
import { demoCsv } from '../../src/demo/generate.ts';
import { CATALOGUE_SEGMENT_COLUMNS } from '../../src/segment/columns.ts';
import { checkSegmentExpression } from '../../src/segment/expression.ts';
import { emptyFilters } from '../../src/segment/filters.ts';
import { checkScoreRange, composeSegment, parseScoreBound, parseSegment, scoreCondition } from '../../src/segment/score-filter.ts';
import { stageBounds } from '../../src/segment/stage-filter.ts';
import { getSystem } from '../../src/systems/index.ts';
import { scoreCells } from '../cli/run-cli.ts';

const sichuan = getSystem('sichuan-2024') as IndicatorSystem;
const b = stageBounds(sichuan, { version: 1, systemId: sichuan.id }, daysFromCivil(2023, 12, 31));

describe('score range → condition on score', () => {
  it('writes BETWEEN for both ends, >= or <= for one, nothing for none', () => {
    expect(scoreCondition({ min: 60, max: 80 })).toBe('score BETWEEN 60 AND 80');
    expect(scoreCondition({ min: 72.5, max: null })).toBe('score >= 72.5');
    expect(scoreCondition({ min: null, max: 40 })).toBe('score <= 40');
    expect(scoreCondition({ min: null, max: null })).toBe('');
  });

  it('comes last, after the field filters and the stages', () => {
    const f = { ...emptyFilters(), city: ['成都市'] };
    expect(composeSegment(f, ['growth'], { min: 60, max: null }, b)).toBe(
      "city = '成都市' AND (registration_date >= DATE '2013-12-31' AND registration_date < DATE '2018-12-31') AND score >= 60",
    );
    expect(composeSegment(emptyFilters(), [], { min: 0, max: 30 }, b)).toBe('score BETWEEN 0 AND 30');
  });

  it('reads typed bounds and refuses a percentage, a unit, a negative number, and a reversed range, at the field', () => {
    expect(parseScoreBound(' 60 ')).toEqual({ ok: true, value: 60 });
    expect(parseScoreBound('72.50')).toEqual({ ok: true, value: 72.5 });
    expect(parseScoreBound('')).toEqual({ ok: true, value: null });
    // A Chinese input method's full-width digits, and a trailing point.
    expect(parseScoreBound('６０．５')).toEqual({ ok: true, value: 60.5 });
    expect(parseScoreBound('60.')).toEqual({ ok: true, value: 60 });
    const pct = parseScoreBound('60%');
    expect(pct.ok).toBe(false);
    if (!pct.ok) expect(pct.error.zh).toBe('“60%”是百分比：这里填得分（分），例如 60。');
    for (const bad of ['60分', '-5', '1e3', '六十', '60 OR 1=1']) {
      const r = parseScoreBound(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.zh).toContain('不是分数');
    }
    expect(checkScoreRange('80', '60')).toEqual({
      ok: false,
      field: 'max',
      error: { zh: '上限 60 小于下限 80：没有企业能满足。', en: 'The upper bound 60 is below the lower bound 80: no enterprise could match.' },
    });
    expect(checkScoreRange('x', '60')).toMatchObject({ ok: false, field: 'min' });
    expect(checkScoreRange('60', '60')).toEqual({ ok: true, range: { min: 60, max: 60 } });
  });

  it('reads every composed condition back (property), and a typed one not', () => {
    const bound = fc.option(
      fc.integer({ min: 0, max: 100_000 }).map((v) => v / 100),
      { nil: null },
    );
    fc.assert(
      fc.property(fc.subarray(['initial', 'growth', 'stable']), fc.subarray(['成都市', '绵阳市']), bound, bound, (stages, city, lo, hi) => {
        const range = { min: lo, max: hi };
        const text = composeSegment({ ...emptyFilters(), city }, stages, range, b);
        const back = parseSegment(text, b);
        expect(back?.range).toEqual(range);
        expect(back?.filters.city).toEqual(city);
        // All three stages picked write no stage condition: read back as none.
        expect(back?.stages).toEqual(stages.length === 3 ? [] : stages);
        if (text !== '') expect(checkSegmentExpression(text, CATALOGUE_SEGMENT_COLUMNS).ok).toBe(true);
      }),
    );
    for (const t of ['score > 60', "score >= 60 AND city = '成都市'", 'score BETWEEN 80 AND 60 AND score >= 1', 'score >= 060', 'score >= 60 OR score <= 10'])
      expect(parseSegment(t, b), t).toBeNull();
  });
});

describe('score in DuckDB', () => {
  function dataset(city: string[]): EngineDataset {
    return { n: city.length, columns: {}, regDays: new Float64Array(city.length), text: { uscc: city.map((_, i) => `U${i}`), city } } as unknown as EngineDataset;
  }

  it('selects the rows whose score is in the range, both ends included (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 40 }).map((v) => v * 2.5), city: fc.constantFrom('成都市', '绵阳市', '') }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 40 }).map((v) => v * 2.5),
        fc.integer({ min: 0, max: 40 }).map((v) => v * 2.5),
        async (rows, a, c) => {
          const [lo, hi] = a <= c ? [a, c] : [c, a];
          const data = dataset(rows.map((r) => r.city));
          const score = Float64Array.from(rows, (r) => r.score);
          const got = [...(await selectSegmentRows(data, `score BETWEEN ${lo} AND ${hi}`, '--segment', score))];
          expect(got).toEqual(rows.flatMap((r, i) => (r.score >= lo && r.score <= hi ? [i] : [])));
          const withCity = [...(await selectSegmentRows(data, `city = '成都市' AND score >= ${lo}`, '--segment', score))];
          expect(withCity).toEqual(rows.flatMap((r, i) => (r.city === '成都市' && r.score >= lo ? [i] : [])));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('is refused in the CLI helper when no scores are given', async () => {
    await expect(selectSegmentRows(dataset(['成都市']), 'score >= 1')).rejects.toThrow('no scores were given');
  });
});

describe('score --segment "score …"', () => {
  it('writes exactly the rows whose score in the unsegmented run is in range, under the scenario it scores', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'score-filter-'));
    try {
      const input = join(dir, 'demo.csv');
      await writeFile(input, demoCsv({ rows: 2000, seed: 5 }));
      // A scenario that moves scores: R&D intensity weighs 1 beside the others' published weights ('free': divided by the sum).
      const scenario = join(dir, 'scenario.json');
      const weights = Object.fromEntries(sichuan.stages.map((st) => [st.id, { rd_intensity: 1 }]));
      await writeFile(
        scenario,
        JSON.stringify({ format: 'innovation-points-scenario', version: 1, name: 'rd', scenario: { version: 1, systemId: sichuan.id, weightMode: 'free', weights } }),
      );
      const selected: string[][] = [];
      for (const extra of [[], ['--scenario', scenario]]) {
        const all = await scoreCells(join(dir, 'full.csv'), ['--system', 'sichuan-2024', '--input', input, ...extra]);
        const scores = all.map((c) => Number(c[5])).sort((x, y) => x - y);
        // Bounds at two values the run has: both ends included.
        const lo = scores[Math.floor(scores.length * 0.5)];
        const hi = scores[Math.floor(scores.length * 0.8)];
        const want = all.filter((c) => Number(c[5]) >= lo && Number(c[5]) <= hi);
        expect(want.length).toBeGreaterThan(300);
        expect(await scoreCells(join(dir, 'seg.csv'), ['--system', 'sichuan-2024', '--input', input, ...extra, '--segment', `score BETWEEN ${lo} AND ${hi}`])).toEqual(want);
        selected.push(want.map((c) => c[0]).sort());
      }
      // The scenario changed which enterprises the range holds: the condition read that scenario's scores.
      expect(selected[0]).not.toEqual(selected[1]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
