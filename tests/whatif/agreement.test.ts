import { describe, expect, it } from 'vitest';
import {
  assignStages,
  baselineScenario,
  canonicalSpec,
  NORMALIZATION_METHODS,
  prepare,
  PreparedCache,
  QUANTILE_METHODS,
  scoreScenario,
  type NormalizationSpec,
} from '../../src/engine/index.ts';
import { getSystem, listSystems } from '../../src/systems/index.ts';
import { agreementVerdict, crossSystem, methodAgreement, topOverlap } from '../../src/whatif/compare/index.ts';
import { syntheticColumns } from '../../scripts/bench/synthetic.ts';
import { randomData, twoStageSystem } from './fixtures.ts';

describe('top-N overlap and verdicts', () => {
  it('hand-computed overlap, ties included', () => {
    expect(topOverlap([1, 2, 3, 4], [2, 1, 4, 3], 2)).toBe(1);
    expect(topOverlap([1, 2, 3, 4], [4, 3, 2, 1], 2)).toBe(0);
    expect(topOverlap([1, 1, 3, 4], [1, 2, 3, 4], 1)).toBe(0.5);
    expect(topOverlap([], [], 3)).toBeNaN();
  });

  it('verdict levels follow the documented thresholds', () => {
    const m = (r: number, o: number) => [Float64Array.of(1, r, r, 1), Float64Array.of(1, o, o, 1)] as const;
    expect(agreementVerdict(['a', 'b'], ...m(0.95, 0.9), 10).level).toBe('high');
    expect(agreementVerdict(['a', 'b'], ...m(0.95, 0.6), 10).level).toBe('moderate');
    expect(agreementVerdict(['a', 'b'], ...m(0.75, 0.9), 10).level).toBe('moderate');
    const low = agreementVerdict(['a', 'b'], ...m(0.5, 0.9), 10);
    expect(low.level).toBe('low');
    expect(low.text.zh).toContain('a / b');
    expect(low.text.en).toContain('0.50');
    expect(agreementVerdict(['a'], Float64Array.of(1), Float64Array.of(1), 10).level).toBe('undefined');
  });
});

describe('method agreement', () => {
  it('scores under every method; matrices symmetric with unit diagonal', () => {
    const system = twoStageSystem(4);
    const { columns, stage } = randomData(500, 4, 3);
    // Registration days that put each row in its random stage (young: < 5 years before day 0).
    const regDays = Float64Array.from(stage, (s) => (s === 0 ? -100 : -10_000));
    const a = methodAgreement({ columns, n: 500, regDays, asOfDays: 0 }, system, baselineScenario(system), { topN: 50 });
    const m = NORMALIZATION_METHODS.length;
    expect(a.methods).toEqual(NORMALIZATION_METHODS);
    for (const mat of [a.spearman, a.kendall, a.topOverlap]) {
      for (let i = 0; i < m; i++) {
        expect(mat[i * m + i]).toBe(1);
        for (let j = 0; j < m; j++) expect(mat[i * m + j]).toBe(mat[j * m + i]);
      }
    }
    // minmax and winsorized-minmax on uniform data agree closely
    const i = a.methods.indexOf('minmax');
    const j = a.methods.indexOf('winsorized-minmax');
    expect(a.spearman[i * m + j]).toBeGreaterThan(0.98);
    expect(['high', 'moderate', 'low']).toContain(a.verdict.level);
  });
});

describe('cross-system comparison', () => {
  it('scores one population under every preset and says which indicators lack data', () => {
    const sichuan = getSystem('sichuan-2024')!;
    const n = 2000;
    const { columns, regDays, asOfDays } = syntheticColumns(sichuan, n, 5); // only Sichuan's fields
    const runs = listSystems().map((s) => scoreScenario({ columns, n, regDays, asOfDays }, s, baselineScenario(s)));
    expect(runs[0].missingIndicators).toEqual([]);
    const others = runs.filter((r) => r.system.id !== 'sichuan-2024');
    expect(others.some((r) => r.missingIndicators.length > 0)).toBe(true);
    for (const r of others) for (const id of r.missingIndicators) expect(r.prepared.report.find((x) => x.id === id)!.missing).toBe(n);
    const c = crossSystem(runs, { topN: 100, favoured: 5 });
    expect(c.systems).toEqual(listSystems().map((s) => s.id));
    expect(c.favoured).toHaveLength(runs.length);
    for (const f of c.favoured) {
      expect(f.rows).toHaveLength(5);
      for (let i = 1; i < 5; i++) expect(f.rows[i - 1].gain).toBeGreaterThanOrEqual(f.rows[i].gain);
      for (const row of f.rows) expect(row.gain).toBe(row.othersMedian - row.rank);
    }
    expect(crossSystem(runs.slice(0, 1)).favoured[0].rows).toEqual([]);
  });
});

describe('prepared cache', () => {
  it('QUANTILE_METHODS lists exactly the engine methods whose s depends on the percentiles', () => {
    const system = twoStageSystem(2);
    const { columns, stage } = randomData(300, 2, 9, 0);
    for (const method of NORMALIZATION_METHODS) {
      const a = prepare({ system, columns, n: 300, stage, normalization: { method, lowerQuantile: 0.01, upperQuantile: 0.99 } });
      const b = prepare({ system, columns, n: 300, stage, normalization: { method, lowerQuantile: 0.2, upperQuantile: 0.8 } });
      const same = a.s.every((v, i) => v === b.s[i]);
      expect(same, method).toBe(!QUANTILE_METHODS.has(method));
    }
    expect(canonicalSpec('zscore', 0.1, 0.9)).toEqual({ method: 'zscore', lowerQuantile: 0, upperQuantile: 1 });
  });

  it('keeps the base and at most `capacity` others', () => {
    const system = twoStageSystem(2);
    const { columns, stage } = randomData(100, 2, 9);
    const base = prepare({
      system,
      columns,
      n: 100,
      stage: assignStages(new Float64Array(100), 0, system.stages),
      normalization: { method: 'minmax', lowerQuantile: 0.01, upperQuantile: 0.99 },
    });
    void stage;
    const req = (normalization: NormalizationSpec) => ({ system, columns, n: 100, normalization, stageKey: 'fixed', stage: () => base.stage });
    const cache = new PreparedCache(1);
    cache.pin(base, req(base.normalization));
    const get = (spec: NormalizationSpec) => cache.prepare(req(spec));
    expect(get({ method: 'minmax', lowerQuantile: 0.3, upperQuantile: 0.7 })).toBe(base);
    const z = get({ method: 'zscore', lowerQuantile: 0, upperQuantile: 1 });
    expect(get({ method: 'zscore', lowerQuantile: 0.2, upperQuantile: 1 })).toBe(z);
    get({ method: 'efficacy', lowerQuantile: 0.01, upperQuantile: 0.99 });
    expect(get({ method: 'zscore', lowerQuantile: 0, upperQuantile: 1 })).not.toBe(z);
  });
});
