import fc from 'fast-check';
import type { RankingColumns, ScoredRows } from '../../src/analysis/index.ts';
import { argsortDescending, competitionRanks, NO_STAGE, RankWorkspace } from '../../src/engine/index.ts';

/**
 * Random scored populations for the property tests, ranked by the engine's own rank path (the
 * inputs the worker passes on), plus columns for the ranking table. Values sit on a grid of
 * quarters so that ties are frequent and every histogram bin edge is exact.
 */

/** The engine's order, rank and stageRank of `score` (what `rescore` computes after the weighted sum). */
export function engineRanks(score: Float64Array, stage: Uint8Array, nStages: number): { order: Uint32Array; rank: Int32Array; stageRank: Int32Array } {
  const n = score.length;
  const ws = new RankWorkspace(n);
  const order = new Uint32Array(n);
  const rank = new Int32Array(n);
  const stageRank = new Int32Array(n);
  argsortDescending(score, order, ws, undefined, undefined, stage);
  competitionRanks(ws, order, rank, stageRank, new Int32Array(nStages), new Float64Array(nStages), new Int32Array(nStages));
  return { order, rank, stageRank };
}

export interface RowSpec {
  base: number;
  bonus: number;
  vetoed: number;
  stage: number;
  name: string;
  uscc: string;
  techField: number;
  city: number;
  baselineScore: number;
}

export const TECH_FIELDS = ['', 'ai', 'bio'];
export const CITIES = ['', '成都', '绵阳'];

const quarter = (max: number) => fc.integer({ min: 0, max: 4 * max }).map((k) => k / 4);

/** One row: a vetoed row scores 0, as in the engine; about one row in five has no stage. */
export const rowSpec = (nStages: number): fc.Arbitrary<RowSpec> =>
  fc.record({
    base: quarter(10),
    // 0.2·3 and 0.6 differ by float noise: the bonus sort must treat them as equal
    bonus: fc.constantFrom(0, 0, 0.5, 1, 1.5, 0.6, 0.2 * 3),
    vetoed: fc.constantFrom(0, 0, 0, 1),
    stage: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: nStages - 1 }) }, { weight: 1, arbitrary: fc.constant(NO_STAGE) }),
    name: fc.constantFrom('甲科技', '乙材料', 'Abc', 'abc', '丙', '', '甲'),
    uscc: fc.constantFrom('91510100A', '91510100B', '9151ABC01', 'X1'),
    techField: fc.integer({ min: 0, max: TECH_FIELDS.length - 1 }),
    city: fc.integer({ min: 0, max: CITIES.length - 1 }),
    baselineScore: quarter(12),
  });

export interface Population {
  cols: RankingColumns;
  run: ScoredRows;
  baselineRank: Int32Array;
}

/** Up to `maxRows` rows (n = 0 and 1 included) over 1–3 stages, some of which stay empty. */
export const population = (maxRows = 40): fc.Arbitrary<Population> =>
  fc.integer({ min: 1, max: 3 }).chain((nStages) => fc.array(rowSpec(nStages), { maxLength: maxRows }).map((rows) => build(rows, nStages)));

export function build(rows: RowSpec[], nStages: number): Population {
  const n = rows.length;
  const base = Float64Array.from(rows, (r) => r.base);
  const bonus = Float64Array.from(rows, (r) => r.bonus);
  const vetoed = Uint8Array.from(rows, (r) => r.vetoed);
  const stage = Uint8Array.from(rows, (r) => r.stage);
  const score = Float64Array.from(rows, (r) => (r.vetoed ? 0 : r.base + r.bonus));
  const ranked = engineRanks(score, stage, nStages);
  const baselineRank = engineRanks(
    Float64Array.from(rows, (r) => r.baselineScore),
    stage,
    nStages,
  ).rank;
  const cols: RankingColumns = {
    n,
    names: rows.map((r) => r.name),
    usccs: rows.map((r) => r.uscc),
    techField: Uint16Array.from(rows, (r) => r.techField),
    techFields: TECH_FIELDS,
    city: Uint16Array.from(rows, (r) => r.city),
    cities: CITIES,
  };
  return { cols, run: { score, base, bonus, vetoed, stage, nStages, ...ranked }, baselineRank };
}
