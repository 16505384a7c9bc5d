import { describe, expect, it } from 'vitest';
import { RankingPager, type RankingColumns, type ScoredRows } from '../../src/analysis/index.ts';
import type { RankingQuery } from '../../src/protocol/scoring.ts';
import { f64 } from '../helpers/arrays.ts';

// Four rows, worked by hand:
//   r0 'b' U2 stage 0  base 4 bonus 1 → 5      r1 'a' U1 stage 1  vetoed → 0 (base 7)
//   r2 'c' U3 no stage base 7 bonus 0 → 7      r3 'd' U0 stage 0  base 5 bonus 0 → 5
// order by score: r2, r0, r3, r1; ranks 1, 2, 2, 4; stage ranks r0 1, r3 1, r1 1, r2 0.
// baseline ranks 1, 2, 3, 4 → Δ = r0 −1, r1 −2, r2 +2, r3 +2.
const cols: RankingColumns = {
  n: 4,
  names: ['b', 'a', 'c', 'd'],
  usccs: ['U2', 'U1', 'U3', 'U0'],
  techField: Uint16Array.from([1, 0, 1, 0]),
  techFields: ['', 'ai'],
  city: new Uint16Array(4),
  cities: [''],
};
const run: ScoredRows = {
  score: f64([5, 0, 7, 5]),
  base: f64([4, 7, 7, 5]),
  bonus: f64([1, 0, 0, 0]),
  vetoed: Uint8Array.from([0, 1, 0, 0]),
  rank: Int32Array.from([2, 4, 1, 2]),
  stageRank: Int32Array.from([1, 1, 0, 1]),
  order: Uint32Array.from([2, 0, 3, 1]),
  stage: Uint8Array.from([0, 1, 255, 0]),
  nStages: 2,
};
const baseline = Int32Array.from([1, 2, 3, 4]);
const q = (over: Partial<RankingQuery>): RankingQuery => ({ offset: 0, limit: 10, search: '', stage: -1, techField: '', city: '', sort: 'rank', dir: 'asc', ...over });
const rowsOf = (pager: RankingPager, over: Partial<RankingQuery>) => pager.page(q(over), run, baseline, 1).rows.map((r) => r.row);

describe('RankingPager', () => {
  const pager = new RankingPager(cols);
  it('sorts by each key in its natural direction, reversed for the other', () => {
    expect(rowsOf(pager, { sort: 'rank' })).toEqual([2, 0, 3, 1]);
    expect(rowsOf(pager, { sort: 'bonus', dir: 'desc' })).toEqual([0, 2, 3, 1]); // bonus 1, then by score
    expect(rowsOf(pager, { sort: 'bonus', dir: 'asc' })).toEqual([1, 3, 2, 0]);
    expect(rowsOf(pager, { sort: 'stage', dir: 'asc' })).toEqual([0, 3, 1, 2]); // stage 0 by score, 1, no stage last
    expect(rowsOf(pager, { sort: 'veto', dir: 'desc' })).toEqual([1, 2, 0, 3]);
    expect(rowsOf(pager, { sort: 'delta', dir: 'desc' })).toEqual([2, 3, 0, 1]);
    expect(rowsOf(pager, { sort: 'base', dir: 'desc' })).toEqual([1, 2, 3, 0]); // 7, 7 in row order, 5, 4
    expect(rowsOf(pager, { sort: 'name', dir: 'asc' })).toEqual([1, 0, 2, 3]);
    expect(rowsOf(pager, { sort: 'uscc', dir: 'asc' })).toEqual([3, 1, 0, 2]);
  });

  it('filters, pulls an offset past the end back to the last row, and fills the row', () => {
    const p = pager.page(q({ stage: 0, offset: 5 }), run, baseline, 1);
    expect(p.total).toBe(2);
    expect(p.offset).toBe(1);
    expect(p.rows).toEqual([{ row: 3, rank: 2, stageRank: 1, delta: 2, name: 'd', uscc: 'U0', stage: 0, score: 5, base: 5, bonus: 0, vetoed: false }]);
    expect(rowsOf(pager, { search: ' u3 ' })).toEqual([2]);
    expect(rowsOf(pager, { techField: 'ai', sort: 'score', dir: 'asc' })).toEqual([0, 2]);
    expect(pager.page(q({ city: 'nowhere' }), run, baseline, 1)).toEqual({ total: 0, offset: 0, rows: [] });
  });
});

describe('RankingPager with a segment', () => {
  it('a query answers for the segment it names — held or just replaced — and refuses one never held', () => {
    const seg = (id: number, rows: number[]) => ({ id, mask: Uint8Array.from({ length: 4 }, (_, r) => (rows.includes(r) ? 1 : 0)), count: rows.length });
    const c: RankingColumns = { ...cols, segment: seg(2, [0, 3]), recentSegments: [seg(1, [1, 2])] };
    const pager = new RankingPager(c);
    // Segment 2 = rows 0, 3 (both score 5: segment ranks 1, 1); segment 1 = rows 2 (7), 1 (vetoed, 0).
    expect(pager.page(q({ segment: 2 }), run, baseline, 1).rows.map((r) => [r.row, r.segmentRank])).toEqual([
      [0, 1],
      [3, 1],
    ]);
    expect(pager.page(q({ segment: 1 }), run, baseline, 1).rows.map((r) => [r.row, r.segmentRank])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(() => pager.page(q({ segment: 7 }), run, baseline, 1)).toThrow(/segment 7 is neither held nor recent/);
  });
});
