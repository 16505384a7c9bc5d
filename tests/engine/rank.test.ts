import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argsortDescending, RankWorkspace } from '../../src/engine/index.ts';
import { WASM_SORT_MIN_ROWS } from '../../src/engine/rank.ts';
import { setWasmKernels } from '../../src/engine/wasm-kernels.ts';
import { mulberry32 } from '../../src/whatif/prng.ts';

function check(scores: number[]): RankWorkspace {
  const score = Float64Array.from(scores);
  const order = new Uint32Array(score.length);
  const ws = new RankWorkspace(score.length);
  argsortDescending(score, order, ws);
  // a permutation …
  expect(new Set(order).size).toBe(score.length);
  // … in descending order, with ws.sorted mirroring it
  for (let p = 1; p < order.length; p++) expect(score[order[p - 1]]).toBeGreaterThanOrEqual(score[order[p]]);
  order.forEach((r, p) => expect(ws.sorted[p]).toBe(score[r]));
  return ws;
}

describe('argsortDescending', () => {
  it('sorts arbitrary finite scores, negative and −0 included', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 500 }), (s) => {
        check(s);
      }),
      { numRuns: 300 },
    );
  });
  it('falls back to the radix sort when scores are clustered onto one key', () => {
    // One outlier at 1e9 and 20,000 distinct values within 2e-8 of each other: on 2²² levels over
    // [0, 1e9] they all share one quantised key — the insertion pass would need ~10⁸ moves.
    const scores = [1e9, ...Array.from({ length: 20_000 }, (_, i) => ((i * 7919) % 20_000) * 1e-12)];
    const ws = check(scores);
    expect((ws as unknown as { radix?: object }).radix).toBeDefined(); // the fallback ran
    expect(ws.kernel()?.declined).toBe(1); // after the WebAssembly kernel declined them
    expect((check([3, 2, 1]) as unknown as { radix?: object }).radix).toBeUndefined();
  });
  it.each([true, false])('sorts 25,000 rows with ties and stages as a comparator sort does (WebAssembly kernel: %s)', (wasm) => {
    const n = 25_000;
    expect(n).toBeGreaterThanOrEqual(WASM_SORT_MIN_ROWS);
    const rand = mulberry32(11);
    // Two decimals over [−50, 50]: about 10,000 distinct values, so most rows tie with others.
    const score = Float64Array.from({ length: n }, () => Math.round((rand() - 0.5) * 10_000) / 100);
    const stage = Uint8Array.from({ length: n }, () => [0, 1, 2, 255][Math.floor(rand() * 4)]);
    setWasmKernels(wasm);
    try {
      const ws = new RankWorkspace(n);
      const order = new Uint32Array(n);
      argsortDescending(score, order, ws, undefined, undefined, stage);
      const expected = Array.from(score).sort((a, b) => b - a);
      expect(Array.from(ws.sorted)).toEqual(expected);
      expect(new Set(order).size).toBe(n);
      for (let p = 0; p < n; p++) {
        expect(score[order[p]]).toBe(expected[p]);
        expect(ws.sortedStage[p]).toBe(stage[order[p]]);
      }
      expect(ws.kernel()?.ranked ?? 0).toBe(wasm ? 1 : 0); // the kernel itself sorted, or was off
    } finally {
      setWasmKernels(true);
    }
  });
  it('keeps exact ties adjacent', () => {
    check([3, 1, 3, 2, 3, 1, 0, 0, 3]);
  });
});
