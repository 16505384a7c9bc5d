import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argsortDescending, RankWorkspace } from '../../src/engine/index.ts';

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
    expect((check([3, 2, 1]) as unknown as { radix?: object }).radix).toBeUndefined();
  });
  it('keeps exact ties adjacent', () => {
    check([3, 1, 3, 2, 3, 1, 0, 0, 3]);
  });
});
