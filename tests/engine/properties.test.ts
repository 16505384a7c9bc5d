import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { effectiveWeights, explain, NORMALIZATION_METHODS, prepare, rescore, type Direction, type IndicatorSystem, type NormalizationMethod } from '../../src/engine/index.ts';
import { miniSystem, spec } from '../helpers/mini-system.ts';

/** A value as real data looks: repeated round numbers, zeros, missing, and arbitrary doubles. */
const cell = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 5, 10, 100) },
  { weight: 1, arbitrary: fc.constant(NaN) },
  // Subnormal magnitudes never occur in enterprise data and underflow to 0 when scaled: map them to 0.
  { weight: 4, arbitrary: fc.double({ min: -1e4, max: 1e6, noNaN: true }).map((v) => (Math.abs(v) < 1e-200 ? 0 : v)) },
);
const K = 3;
const dataset = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    cols: fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: K, maxLength: K }),
    stage: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    veto: fc.array(fc.constantFrom(0, 1, NaN), { minLength: n, maxLength: n }),
    bonus: fc.array(fc.constantFrom(0, 1, 3, 9, NaN), { minLength: n, maxLength: n }),
  }),
);
const methodArb = fc.constantFrom(...NORMALIZATION_METHODS);

function system(dirs: Direction[]): IndicatorSystem {
  const sys = miniSystem(['a', 'b', 'c'], dirs);
  sys.stages = [
    { id: 'young', name: { zh: '初创期', en: 'young' }, maxAgeYears: 5 },
    { id: 'old', name: { zh: '稳定期', en: 'old' } },
  ];
  const w = [
    [0.5, 0.3, 0.2],
    [0.2, 0.2, 0.6],
  ];
  sys.indicators.forEach((ind, i) => (ind.weights = { young: w[0][i], old: w[1][i] }));
  sys.bonus = [{ id: 'bonus', name: { zh: '加分', en: 'bonus' }, field: 'bonus', points: 0.2, cap: 1 }];
  sys.vetoes = [{ id: 'veto', name: { zh: '清零', en: 'veto' }, fields: ['veto'], mandatory: true, defaultActive: true }];
  return sys;
}

type Data = { n: number; cols: number[][]; stage: number[]; veto: number[]; bonus: number[] };

function run(d: Data, method: NormalizationMethod, dirs: Direction[] = ['positive', 'positive', 'positive']) {
  const sys = system(dirs);
  const columns = {
    a: Float64Array.from(d.cols[0]),
    b: Float64Array.from(d.cols[1]),
    c: Float64Array.from(d.cols[2]),
    veto: Float64Array.from(d.veto),
    bonus: Float64Array.from(d.bonus),
  };
  const p = prepare({ system: sys, columns, n: d.n, stage: Uint8Array.from(d.stage), normalization: spec(method) });
  const w = effectiveWeights(sys);
  const toggles = { bonus: [true], veto: [true] };
  return { p, w, toggles, res: rescore(p, w, toggles) };
}

/** Reference competition rank, O(n²), written from the definition. */
function referenceRank(score: ArrayLike<number>): number[] {
  return Array.from(score, (v) => 1 + Array.from(score).filter((u) => u > v).length);
}

describe('engine invariants (property-based)', () => {
  it('raising a positive indicator never lowers that row’s score; a reverse one never raises it', () => {
    fc.assert(
      fc.property(dataset, methodArb, fc.nat(), fc.double({ min: 0, max: 1e5, noNaN: true }), fc.boolean(), (d, method, rr, delta, reverse) => {
        const row = rr % d.n;
        const dirs: Direction[] = [reverse ? 'reverse' : 'positive', 'positive', 'positive'];
        const before = run(d, method, dirs).res.score[row];
        const raised = structuredClone(d);
        const old = raised.cols[0][row];
        raised.cols[0][row] = Number.isNaN(old) ? delta : old + delta;
        const after = run(raised, method, dirs).res.score[row];
        if (reverse && !Number.isNaN(old)) expect(after).toBeLessThanOrEqual(before + 1e-9);
        if (!reverse) expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
      { numRuns: 400 },
    );
  });

  it('permuting rows permutes every output', () => {
    fc.assert(
      fc.property(dataset, methodArb, fc.integer(), (d, method, seed) => {
        const perm = Array.from({ length: d.n }, (_, i) => i);
        let x = seed >>> 0;
        for (let i = d.n - 1; i > 0; i--) {
          x = (x * 1103515245 + 12345) >>> 0;
          const j = x % (i + 1);
          [perm[i], perm[j]] = [perm[j], perm[i]];
        }
        const pd: Data = {
          n: d.n,
          cols: d.cols.map((c) => perm.map((i) => c[i])),
          stage: perm.map((i) => d.stage[i]),
          veto: perm.map((i) => d.veto[i]),
          bonus: perm.map((i) => d.bonus[i]),
        };
        const a = run(d, method).res;
        const b = run(pd, method).res;
        perm.forEach((src, dst) => {
          expect(b.score[dst]).toBe(a.score[src]);
          expect(b.rank[dst]).toBe(a.rank[src]);
          expect(b.stageRank[dst]).toBe(a.stageRank[src]);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('scaling a column by a positive constant leaves min–max-type scores unchanged', () => {
    const scaleFree: NormalizationMethod[] = ['winsorized-minmax', 'minmax', 'percentile-rank', 'efficacy', 'zscore'];
    fc.assert(
      fc.property(dataset, fc.constantFrom(...scaleFree), fc.constantFrom(0.25, 0.5, 3, 10_000), (d0, method, k) => {
        // Whole-number data, so that v·k is exact: in floating point a product can merge two
        // distinct neighbouring doubles into a tie, which is rounding, not the method.
        const d = structuredClone(d0);
        d.cols[1] = d.cols[1].map((v) => Math.round(v));
        const scaled = structuredClone(d);
        scaled.cols[1] = scaled.cols[1].map((v) => v * k);
        const a = run(d, method).res.score;
        const b = run(scaled, method).res.score;
        a.forEach((v, i) => expect(Math.abs(b[i] - v)).toBeLessThanOrEqual(1e-6));
      }),
      { numRuns: 300 },
    );
  });

  it('every explanation sums exactly to base; vetoed rows score 0; ranks match the definition; s ∈ [0,1]', () => {
    fc.assert(
      fc.property(dataset, methodArb, (d, method) => {
        const { p, w, toggles, res } = run(d, method);
        for (let r = 0; r < d.n; r++) {
          const ex = explain(p, w, toggles, r);
          let sum = 0;
          for (const i of ex.indicators) sum += i.points;
          expect(sum).toBe(res.base[r]);
          expect(ex.score).toBe(res.score[r]);
          if (d.veto[r] === 1) expect(res.score[r]).toBe(0);
        }
        expect(Array.from(res.rank)).toEqual(referenceRank(res.score));
        for (const v of p.s) expect(v >= 0 && v <= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('radix ranking agrees with the definition on large data with many ties', () => {
    const n = 5000;
    const d: Data = {
      n,
      cols: [0, 1, 2].map((j) => Array.from({ length: n }, (_, i) => ((i * (7 + j)) % 13) * (j + 1))),
      stage: Array.from({ length: n }, (_, i) => i % 2),
      veto: Array.from({ length: n }, (_, i) => (i % 97 === 0 ? 1 : 0)),
      bonus: Array.from({ length: n }, (_, i) => i % 4),
    };
    const { res } = run(d, 'winsorized-minmax');
    const sorted = Array.from(res.score).sort((x, y) => y - x);
    const firstIndex = new Map<number, number>();
    sorted.forEach((v, i) => (firstIndex.has(v) ? undefined : firstIndex.set(v, i)));
    res.score.forEach((v, r) => expect(res.rank[r]).toBe(firstIndex.get(v)! + 1));
    for (let i = 1; i < n; i++) expect(res.score[res.order[i - 1]]).toBeGreaterThanOrEqual(res.score[res.order[i]]);
  });
});
