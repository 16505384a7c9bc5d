import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveWeights, rescore } from '../../src/engine/index.ts';
import { ListEvaluator } from '../../src/whatif/lists/list-evaluator.ts';
import { STAGE_BANDS } from '../../src/whatif/lists/list-rule.ts';
import {
  checkSobolConfig,
  CONSTANT_OUTPUT,
  dominantFactor,
  forEachDraw,
  mergeSobolInto,
  runSobolChunk,
  sobolOfFunction,
  summarizeSobol,
  type SobolConfig,
  type SobolDraw,
  type SobolPartial,
} from '../../src/whatif/sobol/index.ts';
import { ALL_ON, preparedFor, randomData, twoStageSystem } from './fixtures.ts';

const within = (x: number, lo: number, hi: number) => lo <= x && x <= hi;

describe('Sobol estimators on functions with closed-form indices', () => {
  it('linear Y = Σ cᵢXᵢ, Xᵢ ~ U[0,1]: Sᵢ = STᵢ = cᵢ²/Σcⱼ²; the 95 % intervals cover it about 95 % of the time', () => {
    // Var(cᵢXᵢ) = cᵢ²/12 and the model is additive, so Vᵢ = VTᵢ = cᵢ²/12 and V = Σcⱼ²/12.
    const c = [1, 2, 3, 0.5];
    const sum = 1 + 4 + 9 + 0.25;
    const exact = c.map((x) => (x * x) / sum);
    // One seed's intervals miss the truth 5 % of the time by design, so coverage is counted over
    // 20 seeds × 4 factors × (S, ST): 160 intervals, of which ~152 should cover.
    let covered = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const res = sobolOfFunction((u) => c[0] * u[0] + c[1] * u[1] + c[2] * u[2] + c[3] * u[3], 4, 2048, seed, 100);
      expect(res.defined).toBe(true);
      // relative standard error of a variance from 2N = 4096 values ≈ √(2/4096) ≈ 2.2 %
      expect(Math.abs(res.V / (sum / 12) - 1)).toBeLessThan(0.08);
      for (let i = 0; i < 4; i++) {
        expect(Math.abs(res.S[i] - exact[i])).toBeLessThan(0.06);
        expect(Math.abs(res.ST[i] - exact[i])).toBeLessThan(0.06);
        if (within(exact[i], res.ciS.lo[i], res.ciS.hi[i])) covered++;
        if (within(exact[i], res.ciST.lo[i], res.ciST.hi[i])) covered++;
      }
    }
    expect(covered / 160).toBeGreaterThan(0.88);
  });

  it('Ishigami (a = 7, b = 0.1): S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437)', () => {
    // Closed forms (Ishigami & Homma 1990; Saltelli et al. 2008 §4.5), x ∈ [−π, π]³:
    //   V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½, V₁ = ½(1 + bπ⁴/5)², V₂ = a²/8, V₃ = 0,
    //   V₁₃ = b²π⁸(1/18 − 1/50) = 8b²π⁸/225, so VT₁ = V₁ + V₁₃, VT₂ = V₂, VT₃ = V₁₃.
    const a = 7;
    const b = 0.1;
    const pi4 = Math.PI ** 4;
    const V = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi4 * pi4) / 18 + 0.5;
    const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
    const V2 = (a * a) / 8;
    const V13 = (8 * b * b * pi4 * pi4) / 225;
    const S = [V1 / V, V2 / V, 0];
    const ST = [(V1 + V13) / V, V2 / V, V13 / V];
    expect(S.map((x) => +x.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(ST.map((x) => +x.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
    const x = (u: number) => -Math.PI + 2 * Math.PI * u;
    const res = sobolOfFunction(
      (u) => {
        const x1 = x(u[0]);
        return Math.sin(x1) + a * Math.sin(x(u[1])) ** 2 + b * x(u[2]) ** 4 * Math.sin(x1);
      },
      3,
      8192,
      2010,
    );
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(res.S[i] - S[i])).toBeLessThan(0.05);
      expect(Math.abs(res.ST[i] - ST[i])).toBeLessThan(0.05);
      expect(within(S[i], res.ciS.lo[i], res.ciS.hi[i])).toBe(true);
      expect(within(ST[i], res.ciST.lo[i], res.ciST.hi[i])).toBe(true);
    }
  });

  it('a constant function has no variance to apportion: not defined, never a fake 0', () => {
    const res = sobolOfFunction(() => 0.1, 2, 64, 1);
    expect(res.defined).toBe(false);
    expect(res.reason).toBe(CONSTANT_OUTPUT);
    expect(Array.from(res.S).every(Number.isNaN)).toBe(true);
    expect(Array.from(res.ciST.lo).every(Number.isNaN)).toBe(true);
  });

  it('property: STᵢ ≥ 0 always; Σ Sᵢ ≲ 1 for additive functions', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 5 }), fc.integer({ min: 0, max: 2 ** 31 }), (c, seed) => {
        fc.pre(c.some((x) => Math.abs(x) > 0.1));
        const d = c.length;
        // additive, with a non-linear term per factor
        const res = sobolOfFunction(
          (u) => {
            let y = 0;
            for (let i = 0; i < d; i++) y += c[i] * (u[i] + (i % 2) * u[i] * u[i]);
            return y;
          },
          d,
          // N = 512 let a one-factor case estimate Σ S = 1.150 (sampling noise, seen in CI); 4096 keeps it within ~3σ.
          4096,
          seed,
          20,
        );
        let sum = 0;
        for (let i = 0; i < d; i++) {
          expect(res.ST[i]).toBeGreaterThanOrEqual(0);
          sum += res.S[i];
        }
        expect(sum).toBeLessThan(1.15);
      }),
      { numRuns: 25 },
    );
  });
});

const system = twoStageSystem(3);
const n = 300;
const { columns, stage } = randomData(n, 3, 5);
const prepared = preparedFor(system, columns, stage);
const weights = effectiveWeights(system);
const source = { prepared, weights, toggles: ALL_ON };
const config: SobolConfig = { samples: 64, weights: { mode: 'perturb', spread: 0.3 }, list: { kind: 'top-n', n: 30 } };

function sameArrays(a: SobolPartial, b: SobolPartial): void {
  for (const key of ['counted', 'uA', 'uB', 'fA', 'fB', 'fAB', 'sumY', 'sumY2', 'first', 'total'] as const) expect(Array.from(a[key])).toEqual(Array.from(b[key]));
}

describe('Sobol indices of the weights', () => {
  it('only one weight uncertain (the others held): its S and ST ≈ 1, the others exactly 0', () => {
    const one = runSobolChunk(source, { ...config, samples: 256, fixed: [1, 2] }, 3, 0, 256);
    const res = summarizeSobol(one, 3);
    expect(res.outputs.map((o) => o.id)).toEqual(['meanRankShift', 'listChurn']);
    for (const { indices } of res.outputs) {
      expect(indices.defined).toBe(true);
      // Only factor 0 moves, so f(A_B^0) = f(B) and all the variance is factor 0's.
      expect(Math.abs(indices.S[0] - 1)).toBeLessThan(0.15);
      expect(Math.abs(indices.ST[0] - 1)).toBeLessThan(0.15);
      expect(within(1, indices.ciST.lo[0], indices.ciST.hi[0])).toBe(true);
      for (const i of [1, 2]) {
        expect(indices.S[i]).toBe(0);
        expect(indices.ST[i]).toBe(0);
      }
    }
    const { V, S, ST } = res.perEnterprise;
    let moved = 0;
    let sumST0 = 0;
    for (let r = 0; r < n; r++) {
      if (!(V[r] > 0)) {
        expect(Number.isNaN(ST[r * 3])).toBe(true);
        continue;
      }
      moved++;
      sumST0 += ST[r * 3];
      expect([S[r * 3 + 1], S[r * 3 + 2], ST[r * 3 + 1], ST[r * 3 + 2]]).toEqual([0, 0, 0, 0]);
    }
    expect(moved).toBeGreaterThan(n / 2);
    expect(Math.abs(sumST0 / moved - 1)).toBeLessThan(0.1);
    // the design records the held factors at ½
    for (let j = 0; j < 256; j++) expect([one.uA[j * 3 + 1], one.uB[j * 3 + 2]]).toEqual([0.5, 0.5]);
  });

  it('is reproducible from the seed and does not depend on the chunking', () => {
    const whole = runSobolChunk(source, config, 11, 0, 64);
    const again = runSobolChunk(source, config, 11, 0, 64);
    sameArrays(whole, again);
    const parts = [runSobolChunk(source, config, 11, 40, 64), runSobolChunk(source, config, 11, 0, 17), runSobolChunk(source, config, 11, 17, 40)];
    const merged = parts.reduce((a, b) => mergeSobolInto(a, b));
    sameArrays(merged, whole);
    const a = summarizeSobol(whole, 11);
    const b = summarizeSobol(merged, 11);
    for (let o = 0; o < 2; o++) {
      expect(Array.from(b.outputs[o].indices.S)).toEqual(Array.from(a.outputs[o].indices.S));
      expect(Array.from(b.outputs[o].indices.ciST.hi)).toEqual(Array.from(a.outputs[o].indices.ciST.hi));
    }
    expect(Array.from(b.perEnterprise.ST)).toEqual(Array.from(a.perEnterprise.ST));
    const other = runSobolChunk(source, config, 12, 0, 64);
    expect(Array.from(other.uA)).not.toEqual(Array.from(whole.uA));
    expect(() => mergeSobolInto(whole, other)).toThrow(/different runs/);
    expect(() => mergeSobolInto(runSobolChunk(source, config, 11, 0, 2), runSobolChunk(source, config, 11, 1, 3))).toThrow(/counted twice/);
  });

  it('exported draws are the weights that were scored: re-scoring a draw gives its recorded outputs', () => {
    // bands: a row moving between bands but staying on the list is not churn
    const part = runSobolChunk(source, { ...config, list: STAGE_BANDS }, 5, 0, 8);
    const base = rescore(prepared, weights, ALL_ON);
    const list = new ListEvaluator(STAGE_BANDS, n, stage);
    const mask0 = new Uint8Array(n);
    list.evaluate(base, mask0);
    const draws: SobolDraw[] = [];
    forEachDraw(part, weights, 2, 0.3, (d) => draws.push({ ...d, u: d.u.slice(), weights: d.weights.slice(), outputs: d.outputs.slice() }));
    expect(draws).toHaveLength(8 * (3 + 2));
    expect(draws.slice(0, 5).map((d) => [d.point, d.factor])).toEqual([
      ['A', -1],
      ['B', -1],
      ['AB', 0],
      ['AB', 1],
      ['AB', 2],
    ]);
    for (const d of draws) {
      // by hand: multiplier 1 + 0.3(2u − 1) per indicator, each stage renormalised
      for (let st = 0; st < 2; st++) {
        const raw = [0, 1, 2].map((i) => weights[st * 3 + i] * (1 + 0.3 * (2 * d.u[i] - 1)));
        const sum = raw[0] + raw[1] + raw[2];
        for (let i = 0; i < 3; i++) expect(d.weights[st * 3 + i]).toBeCloseTo(raw[i] / sum, 14);
      }
      const res = rescore(prepared, d.weights, ALL_ON);
      let shift = 0;
      for (let r = 0; r < n; r++) shift += Math.abs(res.rank[r] - base.rank[r]);
      expect(d.outputs[0]).toBe(shift / n);
      const mask = new Uint8Array(n);
      list.evaluate(res, mask);
      let churn = 0;
      for (let r = 0; r < n; r++) if (mask[r] > 0 !== mask0[r] > 0) churn++;
      expect(d.outputs[1]).toBe(churn);
    }
    // The per-enterprise indices accumulated online equal the estimators applied by hand to the
    // ranks of every draw (y = rank − scenario rank; Saltelli 2010 first order, Jansen total).
    const res = summarizeSobol(part, 5);
    const ranks = draws.map((d) => rescore(prepared, d.weights, ALL_ON).rank);
    for (const r of [0, 17, 123]) {
      const y = ranks.map((rk) => rk[r] - base.rank[r]);
      const ys: number[] = [];
      for (let j = 0; j < 8; j++) ys.push(y[j * 5], y[j * 5 + 1]);
      const mean = ys.reduce((a, b) => a + b, 0) / 16;
      const V = ys.reduce((a, b) => a + (b - mean) ** 2, 0) / 16;
      expect(res.perEnterprise.V[r]).toBeCloseTo(V, 10);
      for (let i = 0; i < 3; i++) {
        let first = 0;
        let total = 0;
        for (let j = 0; j < 8; j++) {
          const [yA, yB, yAB] = [y[j * 5], y[j * 5 + 1], y[j * 5 + 2 + i]];
          first += yB * (yAB - yA);
          total += (yA - yAB) ** 2;
        }
        expect(res.perEnterprise.S[r * 3 + i]).toBeCloseTo(first / 8 / V, 10);
        expect(res.perEnterprise.ST[r * 3 + i]).toBeCloseTo(total / 16 / V, 10);
      }
    }
    // A_B^(i) takes factor i from B and the rest from A
    expect(draws[3].u[1]).toBe(draws[1].u[1]);
    expect(draws[3].u[0]).toBe(draws[0].u[0]);
  });

  it('zero spread: every output is constant, so the indices are not defined (with the reason)', () => {
    const res = summarizeSobol(runSobolChunk(source, { ...config, weights: { mode: 'perturb', spread: 0 } }, 1, 0, 16), 1);
    for (const o of res.outputs) {
      expect(o.indices.defined).toBe(false);
      expect(o.indices.reason).toBe(CONSTANT_OUTPUT);
    }
    expect(Array.from(res.perEnterprise.S).every(Number.isNaN)).toBe(true);
    expect(dominantFactor(res, 0)).toEqual({ factor: null, reason: CONSTANT_OUTPUT });
  });

  it('names the dominant factor of an enterprise', () => {
    const res = summarizeSobol(runSobolChunk(source, { ...config, fixed: [0, 2] }, 4, 0, 64), 4);
    const r = Array.from(res.perEnterprise.V).findIndex((v) => v > 0);
    expect(dominantFactor(res, r)).toMatchObject({ factor: 1 });
  });

  it('refuses configs it cannot honour, in one sentence', () => {
    expect(() => checkSobolConfig({ ...config, weights: { mode: 'simplex' } }, n, 3)).toThrow(/not independent factors/);
    expect(() => checkSobolConfig({ ...config, samples: 1 }, n, 3)).toThrow(/base sample size/);
    expect(() => checkSobolConfig({ ...config, fixed: [3] }, n, 3)).toThrow(/below 3/);
    expect(() => checkSobolConfig({ ...config, samples: 10_000 }, 1_000_000, 18)).toThrow(/no longer be exact/);
    expect(() => runSobolChunk(source, config, 1, 0, 65)).toThrow(/outside 0..64/);
  });
});
