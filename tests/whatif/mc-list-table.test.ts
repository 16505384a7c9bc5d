import { describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../src/engine/index.ts';
import {
  borderlineDistance,
  emptyPartial,
  listPlaces,
  listProbability,
  mcOrder,
  mergeInto,
  runChunk,
  searchMask,
  summarize,
  type McListSource,
} from '../../src/whatif/mc/index.ts';
import { ALL_ON, preparedFor, randomData, scored, twoStageSystem } from './fixtures.ts';

/** A source whose columns other than the counts do not matter to the order under test. */
function src(samples: number, counts: number[], rank0: number[], median?: number[]): McListSource {
  const n = counts.length;
  return {
    samples,
    listCount: Uint32Array.from(counts),
    rank0: Int32Array.from(rank0),
    median: Float64Array.from(median ?? rank0),
    p05: new Float64Array(n),
    p95: new Float64Array(n),
    exact: new Uint8Array(n),
  };
}

describe('probability of being on the list', () => {
  it('adds the counts of two chunks and divides by every sample counted (hand-worked)', () => {
    // 3 rows, 8 samples split 4 + 4. Chunk A: on the list 3, 1, 0 times; chunk B: 1, 2, 0 times.
    // Row 0: (3+1)/8 = 0.5; row 1: (1+2)/8 = 0.375; row 2: 0.
    const make = (counted: number[], list: number[]) => {
      const p = emptyPartial({ key: 'k', n: 3, samples: 8, edges: Int32Array.from([1, 2, 3, 4]), topN: [1], list: true, bands: 1, exactRows: new Int32Array(0) });
      counted.forEach((i) => (p.counted[i] = 1));
      p.done = counted.length;
      p.listCount!.set(list);
      // Each counted sample must also be in the histograms (rank 1 for row 0, 2 for row 1, 3 for row 2).
      for (let r = 0; r < 3; r++) p.hist[r * 3 + r] = counted.length;
      return p;
    };
    const merged = mergeInto(make([0, 1, 2, 3], [3, 1, 0]), make([4, 5, 6, 7], [1, 2, 0]));
    const s = summarize(merged);
    expect(Array.from(s.onList!)).toEqual([0.5, 0.375, 0]);
    expect([4, 3, 0].map((c) => listProbability(c, 8))).toEqual([0.5, 0.375, 0]);
    expect(listProbability(0, 0)).toBeNaN();
  });

  it('weights that do not move (spread 0) put the scenario list on the list in every sample, others never', () => {
    const system = twoStageSystem(3);
    const { columns, stage } = randomData(40, 3, 11);
    const prepared = preparedFor(system, columns, stage);
    const rule = { kind: 'top-n', n: 5, scope: 'overall' } as const;
    const p = runChunk({ prepared, weights: effectiveWeights(system), toggles: ALL_ON, columns }, { samples: 12, weights: { mode: 'perturb', spread: 0 }, list: rule }, 3, 0, 12);
    // The expected list: the 5 best ranks of one plain scoring (ties at the boundary all enter).
    const rank = scored(prepared).result.rank;
    const expected = Array.from(rank, (r) => (r >= 1 && r <= 5 ? 12 : 0));
    expect(Array.from(p.listCount!)).toEqual(expected);
  });
});

describe('borderline ordering', () => {
  it('closest to 50% first, ties by the scenario rank (hand-worked)', () => {
    // S = 10. Counts 10, 5, 4, 6, 0, 7 → |2c − S| = 10, 0, 2, 2, 10, 4.
    // Order: row 1 (0); rows 2 and 3 (2; rank0 3 before 4); row 5 (4); rows 0 and 4 (10; rank0 1 before 5).
    const s = src(10, [10, 5, 4, 6, 0, 7], [1, 2, 3, 4, 5, 6]);
    expect(Array.from(mcOrder(s, 'borderline'))).toEqual([1, 2, 3, 5, 0, 4]);
    expect([4, 6].map((c) => borderlineDistance(c, 10))).toEqual([2, 2]); // 40% and 60% tie exactly
  });

  it('the other orders: probability high → low, scenario rank, median rank (missing last)', () => {
    const s = src(10, [10, 5, 4, 6, 0, 10], [2, 1, 3, 4, 5, 6], [2, 1, NaN, 3, 6, 5]);
    expect(Array.from(mcOrder(s, 'pList'))).toEqual([0, 5, 3, 1, 2, 4]);
    expect(Array.from(mcOrder(s, 'rank0'))).toEqual([1, 0, 2, 3, 4, 5]);
    expect(Array.from(mcOrder(s, 'median'))).toEqual([1, 0, 3, 5, 4, 2]);
  });

  it('search matches name or credit code, case-insensitive; N comes from the list rule', () => {
    const m = searchMask(' abc ', ['成都ABC科技', '其他', 'x'], ['915101', '91510100ABC', '9'])!;
    expect(Array.from(m.mask)).toEqual([1, 1, 0]);
    expect(m.total).toBe(2);
    expect(searchMask('  ', ['a'], ['b'])).toBeNull();
    expect(listPlaces({ kind: 'top-n', n: 100 }, 137)).toBe(100);
    expect(listPlaces({ kind: 'top-percent', percent: 10 }, 137)).toBe(137);
    expect(listPlaces({ kind: 'threshold', minScore: 99 }, 0)).toBe(1);
  });
});
