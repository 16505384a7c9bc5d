/**
 * Hand-checked golden case: 8 enterprises scored under sichuan-2024 (scoring.md §7), as of
 * 2023-12-31. Every s value below is derived by hand from the type-7 quantile rule; the final
 * scores were then summed with the published weights (arithmetic shown) and written as literals.
 * n = 8 rows, so for an indicator with no missing/∞ value: lo = f0 + 0.07·(f1 − f0),
 * hi = f6 + 0.93·(f7 − f6) (h = 7·0.01 = 0.07 and 7·0.99 = 6.93). With 7 finite values:
 * h = 0.06 and 5.94; with 6: h = 0.05 and 4.95.
 */
import { describe, expect, it } from 'vitest';
import { explain, parseIsoDate, scoreScenario } from '../../src/engine/index.ts';
import { getSystem } from '../../src/systems/index.ts';
import { GOLDEN_COLUMNS, GOLDEN_REG_DATES } from '../fixtures/golden-sichuan.ts';

// Published weights (附件2), in the order of scoring.md §7, for initial / growth / stable.
const W = {
  initial: [0.08, 0.06, 0.08, 0.08, 0.07, 0.06, 0.06, 0.05, 0.05, 0.06, 0.05, 0.06, 0.05, 0.03, 0.05, 0.04, 0.04, 0.03],
  growth: [0.08, 0.05, 0.07, 0.07, 0.07, 0.06, 0.05, 0.05, 0.05, 0.05, 0.04, 0.06, 0.06, 0.04, 0.06, 0.05, 0.05, 0.04],
  stable: [0.08, 0.04, 0.06, 0.06, 0.07, 0.06, 0.04, 0.05, 0.05, 0.04, 0.03, 0.06, 0.07, 0.05, 0.07, 0.06, 0.06, 0.05],
};

// s[indicator][enterprise], derived by hand:
const S = [
  // 1 rd_expense [0,0,100,200,300,400,500,1500]: lo = 0, hi = 500 + 0.93·1000 = 1430
  [0, 0, 100 / 1430, 200 / 1430, 300 / 1430, 400 / 1430, 500 / 1430, 1],
  // 2 rd_growth: (0−0)/0 = 0, (0−10)/10 = −1, 0, 1, 0, 1, prev missing, 0.5; F sorted [−1,0,0,0,0.5,1,1]
  //   lo = −1 + 0.06·1 = −0.94, hi = 1 + 0.94·0 = 1; range 1.94; −1 clips to lo
  [0.94 / 1.94, 0, 0.94 / 1.94, 1, 0.94 / 1.94, 1, 0, 1.44 / 1.94],
  // 3 rd_intensity: 0/0 = 0, 0/100 = 0, 0.1, 0.2, 0.1 ×4; lo = 0, hi = 0.1 + 0.93·0.1 = 0.193; 0.2 clips
  [0, 0, 0.1 / 0.193, 1, 0.1 / 0.193, 0.1 / 0.193, 0.1 / 0.193, 0.1 / 0.193],
  // 4 tech_staff_ratio: 0.5, 0.25, 0.2, 0.3, 3/0 = +∞, 0.2, missing, 0.2; F sorted [0.2,0.2,0.2,0.25,0.3,0.5]
  //   lo = 0.2, hi = 0.3 + 0.95·0.2 = 0.49; range 0.29; 0.5 clips to 1, +∞ → hi → 1
  [1, 0.05 / 0.29, 0, 0.1 / 0.29, 1, 0, 0, 0],
  // 5 invention_applications [0,0,1,2,3,4,5,5]: lo 0, hi 5
  [0, 0, 1 / 5, 2 / 5, 3 / 5, 4 / 5, 1, 1],
  // 6 pct_applications all 0: constant → s = 0 (reported)
  [0, 0, 0, 0, 0, 0, 0, 0],
  // 7 tech_contract_value [0 ×7, 50]: lo 0, hi 0.93·50 = 46.5; 50 clips to 1
  [0, 0, 0, 0, 0, 0, 0, 1],
  // 8 high_tech_revenue [missing,0,500,500,1000,1000,2000,2000]: lo = 0 + 0.06·500 = 30, hi = 2000
  [0, 0, 470 / 1970, 470 / 1970, 970 / 1970, 970 / 1970, 1, 1],
  // 9 revenue [0,100,1000,1000,3000,4000,5000,15000]: lo = 0.07·100 = 7, hi = 5000 + 0.93·10000 = 14300
  [0, 93 / 14293, 993 / 14293, 993 / 14293, 2993 / 14293, 3993 / 14293, 4993 / 14293, 1],
  // 10 revenue_growth: 0/0 = 0, 100/0 = +∞, 1, 0, 0, −0.2, 0.25, 0.5; F sorted [−0.2,0,0,0,0.25,0.5,1]
  //   lo = −0.2 + 0.06·0.2 = −0.188, hi = 0.5 + 0.94·0.5 = 0.97; range 1.158
  [0.188 / 1.158, 1, 1, 0.188 / 1.158, 0.188 / 1.158, 0, 0.438 / 1.158, 0.688 / 1.158],
  // 11 postgrad_ratio: 0.1 ×4, 0/0 = 0, 0.1 ×3; lo = 0 + 0.07·0.1 = 0.007, hi = 0.1
  [1, 1, 1, 1, 0, 1, 1, 1],
  // 12 rd_tax_relief [0,0,10,10,20,20,40,40]: lo 0, hi 40
  [0, 0, 10 / 40, 10 / 40, 20 / 40, 20 / 40, 1, 1],
  // 13 roe = net_profit/(equity_begin + equity_end): −10/200, 5/100, 50/500, 100/1000, 0/200, 300/2000,
  //   begin missing, 1000/(−4000) → b < 0 → missing; F sorted [−0.05,0,0.05,0.1,0.1,0.15]
  //   lo = −0.05 + 0.05·0.05 = −0.0475, hi = 0.1 + 0.95·0.05 = 0.1475; range 0.195
  [0, 0.0975 / 0.195, 0.1475 / 0.195, 0.1475 / 0.195, 0.0475 / 0.195, 1, 0, 0],
  // 14 new_graduates [0,0,2,2,2,2,4,4]: lo 0, hi 4
  [0, 0, 0.5, 0.5, 0.5, 0.5, 1, 1],
  // 15 platforms_2y = [0,0,1,2,missing,3,2,3]: F sorted [0,0,1,2,2,3,3]: lo 0, hi 3
  [0, 0, 1 / 3, 2 / 3, 0, 1, 2 / 3, 1],
  // 16 awards_2y = [0 ×6, 1, 2]: lo 0, hi 1 + 0.93·1 = 1.93
  [0, 0, 0, 0, 0, 0, 1 / 1.93, 1],
  // 17 projects_2y = [0,1,1,2,2,2,4,2]: sorted [0,1,1,2,2,2,2,4]: lo = 0.07, hi = 2 + 0.93·2 = 3.86; range 3.79
  [0, 0.93 / 3.79, 0.93 / 3.79, 1.93 / 3.79, 1.93 / 3.79, 1.93 / 3.79, 1, 1.93 / 3.79],
  // 18 venture_capital [0,0,0,0,1000,0,0,0]: lo 0, hi 0.93·1000 = 930
  [0, 0, 0, 0, 1, 0, 0, 0],
];

// Stages as of 2023-12-31: initial ≥ 2018-12-31, growth ≥ 2013-12-31, else stable.
const STAGE = ['initial', 'initial', 'growth', 'growth', 'growth', 'stable', 'stable', 'stable'] as const;
// Bonus: E1 strategic 1; E2 honours min(0.8, 4·0.2) + ip 3·0.2 = 1.4; E3 strategic 1 + talents min(1, 7·0.2) = 2;
// E4 strategic missing → 0, honours 0.2, standards min(1, 5·0.2) = 1 → 1.2; E5 ip missing → 0; E6 strategic 1;
// E7 honours 0.4; E8 strategic 1 + talents 0.4 + ip min(1, 10·0.2) = 2.4
const BONUS = [1, 1.4, 2, 1.2, 0, 1, 0.4, 2.4];
// E6 had a major safety accident: vetoed, score 0.
const VETOED = [false, false, false, false, false, true, false, false];
// base = 100·Σ w·s, summed with the weights above (10 decimals shown):
const BASE = [16.8813097591, 15.8933740958, 29.8147046851, 39.269320531, 36.2563470426, 44.3607460457, 48.9410986159, 67.5098006523];
const SCORE = [17.8813097591, 17.2933740958, 31.8147046851, 40.469320531, 36.2563470426, 0, 49.3410986159, 69.9098006523];
const RANK = [6, 7, 5, 3, 4, 8, 2, 1];
const STAGE_RANK = [1, 2, 3, 1, 2, 3, 2, 1];

describe('golden case: sichuan-2024', () => {
  const system = getSystem('sichuan-2024')!;
  const population = { columns: GOLDEN_COLUMNS, n: 8, regDays: Float64Array.from(GOLDEN_REG_DATES.map(parseIsoDate)), asOfDays: parseIsoDate('2023-12-31') };
  const run = scoreScenario(population, system, { version: 1, systemId: system.id });
  const { prepared, result, weights, toggles } = run;

  it('assigns the stages, boundary days included', () => {
    expect(Array.from(run.prepared.stage, (i) => system.stages[i].id)).toEqual(STAGE);
  });

  it('normalises every indicator as derived by hand', () => {
    S.forEach((row, i) => row.forEach((want, r) => expect(prepared.s[r * 18 + i]).toBeCloseTo(want, 12)));
    expect(prepared.report[5].bounds).toBe('constant'); // pct_applications
  });

  it('the base is 100·Σ w·s with the published weights', () => {
    for (let r = 0; r < 8; r++) {
      const w = W[STAGE[r]];
      const sum = 100 * S.reduce((acc, col, i) => acc + w[i] * col[r], 0);
      expect(result.base[r]).toBeCloseTo(sum, 9);
      expect(result.base[r]).toBeCloseTo(BASE[r], 9);
    }
  });

  it('bonus, veto, score and ranks', () => {
    BONUS.forEach((b, r) => expect(result.bonus[r]).toBeCloseTo(b, 12));
    expect(Array.from(result.vetoed, Boolean)).toEqual(VETOED);
    SCORE.forEach((s, r) => expect(result.score[r]).toBeCloseTo(s, 9));
    expect(Array.from(result.rank)).toEqual(RANK);
    expect(Array.from(result.stageRank)).toEqual(STAGE_RANK);
  });

  it('each explanation adds up to its base and lists the vetoes', () => {
    for (let r = 0; r < 8; r++) {
      const ex = explain(prepared, weights, toggles, r);
      expect(ex.indicators.reduce((a, i) => a + i.points, 0)).toBe(result.base[r]);
      expect(ex.vetoed).toBe(VETOED[r]);
    }
    expect(explain(prepared, weights, toggles, 5).vetoes.find((v) => v.hit)?.id).toBeDefined();
  });
});
