import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../src/engine/index.ts';
import {
  buildList,
  checkListRule,
  groupCodesFrom,
  groupRanks,
  ListEvaluator,
  listTable,
  percentCutoff,
  relendingEntries,
  STAGE_BANDS,
  type ListRule,
} from '../../src/whatif/lists/index.ts';
import { preparedFor, randomData, scored, twoStageSystem } from './fixtures.ts';

/** A hand-made score result: scores given, ranks computed by definition (1224). */
function result(score: number[], stage: number[], vetoed: number[] = []): ScoreResult {
  const n = score.length;
  const rank = Int32Array.from(score, (s) => 1 + score.filter((t) => t > s).length);
  const stageRank = Int32Array.from(score, (s, r) => 1 + score.filter((t, q) => stage[q] === stage[r] && t > s).length);
  const order = Uint32Array.from([...score.keys()].sort((a, b) => score[b] - score[a] || a - b));
  return {
    base: Float64Array.from(score),
    bonus: new Float64Array(n),
    score: Float64Array.from(score),
    vetoed: Uint8Array.from({ length: n }, (_, i) => vetoed[i] ?? 0),
    rank,
    stageRank,
    order,
    workspace: null as never,
  };
}

function evaluate(rule: ListRule, res: ScoreResult, stage: number[], groups = {}) {
  const ev = new ListEvaluator(rule, res.score.length, Uint8Array.from(stage), groups);
  const out = new Uint8Array(res.score.length);
  const count = ev.evaluate(res, out);
  return { bands: Array.from(out), count };
}

describe('list rules', () => {
  const score = [90, 80, 80, 70, 60, 50, 40, 30, 20, 10];
  const stage = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1];

  it('top-n keeps every row tied at the boundary', () => {
    expect(evaluate({ kind: 'top-n', n: 2 }, result(score, stage), stage)).toEqual({ bands: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0], count: 3 });
    expect(evaluate({ kind: 'top-n', n: 0 }, result(score, stage), stage).count).toBe(0);
  });

  it('top-n per stage uses the stage rank', () => {
    // stage 0: 90, 80, 60, 40, 20 · stage 1: 80, 70, 50, 30, 10
    expect(evaluate({ kind: 'top-n', n: 1, scope: 'stage' }, result(score, stage), stage).bands).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('top-percent: ⌈p·g⌉ rows per group (20% of 5 = 1, 30% of 5 → 2)', () => {
    expect(percentCutoff(5, 100)).toBe(5);
    expect(percentCutoff(30, 5)).toBe(2);
    expect(percentCutoff(0, 5)).toBe(0);
    expect(evaluate({ kind: 'top-percent', percent: 30, scope: 'stage' }, result(score, stage), stage).bands).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('bands: cumulative cut points vs exclusive shares', () => {
    const bands = [
      { id: 'a', name: { zh: '甲', en: 'A' }, percent: 10 },
      { id: 'b', name: { zh: '乙', en: 'B' }, percent: 20 },
      { id: 'c', name: { zh: '丙', en: 'C' }, percent: 30 },
    ];
    const res = result(score, stage);
    // cumulative 10/20/30% of 10 → ranks ≤1, ≤2, ≤3 (the tie at rank 2 shares band b)
    expect(evaluate({ kind: 'bands', mode: 'cumulative', bands }, res, stage).bands).toEqual([1, 2, 2, 0, 0, 0, 0, 0, 0, 0]);
    // exclusive 10 / +20 / +30 → ≤1, ≤3, ≤6
    expect(evaluate({ kind: 'bands', mode: 'exclusive', bands }, res, stage).bands).toEqual([1, 2, 2, 3, 3, 3, 0, 0, 0, 0]);
  });

  it('threshold, and a vetoed row is never listed', () => {
    const res = result(score, stage, [1]);
    expect(evaluate({ kind: 'threshold', minScore: 70 }, res, stage)).toEqual({ bands: [0, 1, 1, 1, 0, 0, 0, 0, 0, 0], count: 3 });
    expect(evaluate({ kind: 'top-n', n: 1 }, res, stage).count).toBe(0);
  });

  it('groups: competition ranks within a text column', () => {
    const g = groupCodesFrom(['A', 'B', 'A', undefined, 'B', 'A', '', 'B', 'A', 'B']);
    expect(g.values).toEqual(['A', 'B', '']);
    const out = new Int32Array(10);
    const res = result(score, stage);
    groupRanks(res.order, res.score, g.codes, out, new Int32Array(3), new Float64Array(3), new Int32Array(3));
    expect(Array.from(out)).toEqual([1, 1, 2, 1, 2, 3, 2, 3, 4, 4]);
    expect(evaluate({ kind: 'top-n', n: 1, scope: 'city' }, res, stage, { city: g }).bands).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(() => evaluate({ kind: 'top-n', n: 1, scope: 'tech-field' }, res, stage)).toThrow(/tech-field column/);
  });

  it('group ranks agree with the definition (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 })), { maxLength: 40 }), (rows) => {
        const sc = rows.map((r) => r[0]);
        const codes = Int32Array.from(rows, (r) => r[1]);
        const res = result(
          sc,
          rows.map(() => 0),
        );
        const out = new Int32Array(rows.length);
        groupRanks(res.order, res.score, codes, out, new Int32Array(3), new Float64Array(3), new Int32Array(3));
        rows.forEach((r, i) => expect(out[i]).toBe(1 + rows.filter((q) => q[1] === r[1] && q[0] > r[0]).length));
      }),
    );
  });

  it('refuses bad rules with a sentence', () => {
    expect(() => checkListRule({ kind: 'top-n', n: -1 })).toThrow(/whole number/);
    expect(() => checkListRule({ kind: 'top-percent', percent: 120 })).toThrow(/0\.\.100/);
    expect(() =>
      checkListRule({
        kind: 'bands',
        mode: 'exclusive',
        bands: [
          { id: 'x', name: { zh: '', en: '' }, percent: 80 },
          { id: 'y', name: { zh: '', en: '' }, percent: 30 },
        ],
      }),
    ).toThrow(/"y" ends at 110%/);
    expect(() => checkListRule({ kind: 'top-n', n: 1, scope: 'county' as never })).toThrow(/unknown scope/);
    checkListRule(STAGE_BANDS);
  });

  it('builds a list grouped by stage, with a relending table that has the loan fields', () => {
    const system = twoStageSystem(3);
    const { columns, stage } = randomData(200, 3, 4);
    const s = scored(preparedFor(system, columns, stage));
    const { entries, groups } = buildList(s.prepared, s.result, STAGE_BANDS);
    expect(groups.map((g) => g.group)).toEqual(['young', 'old']);
    for (const g of groups) expect(g.listed).toBeLessThanOrEqual(percentCutoff(20, g.size) + 5); // ties may add rows
    expect(entries.every((e, i) => i === 0 || entries[i - 1].group !== e.group || entries[i - 1].scopeRank <= e.scopeRank)).toBe(true);
    const loan = Float64Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 100 : i % 3 === 1 ? 0 : NaN));
    const rel = relendingEntries(entries, loan);
    expect(rel.every((e) => e.row % 3 === 0)).toBe(true);
    expect(relendingEntries(entries, undefined)).toEqual([]);
    const table = listTable(
      rel,
      {
        system,
        result: s.result,
        stage,
        usccs: Array.from({ length: 200 }, (_, i) => `U${i}`),
        columns: { loan_demand: loan },
        text: { loan_purpose: Array(200).fill('=HYPERLINK("x")') },
      },
      { rule: STAGE_BANDS, name: '备选企业名单', notes: [], relending: true },
    );
    expect(table.columns.map((c) => c.header)).toContain('贷款需求（万元）');
    expect(table.rows[0][1]).toBe('初创期');
    expect(table.rows[0][2]).toBe(['领跑', '竞跑', '进取'][rel[0].band - 1]);
    const col = (h: string) => table.columns.findIndex((c) => c.header === h);
    expect(table.rows[0][col('贷款需求（万元）')]).toBe(100);
    // Stage-scoped band rule: 分组, 档次 and 组内名次 are there; no tech field / city in the data → no such columns.
    expect(table.columns.map((c) => c.header)).toEqual(expect.arrayContaining(['分组', '档次', '组内名次', '积分', '积分（精确值）']));
    expect(col('企业所属科技创新领域')).toBe(-1);
    expect(col('市')).toBe(-1);
    expect(table.rows[0][col('资金用途')]).toBe('=HYPERLINK("x")'); // protected on write, not here
  });

  it('a list export in English: heads from the field catalogue, stage and band names in English', () => {
    const system = twoStageSystem(3);
    const { columns, stage } = randomData(200, 3, 4);
    const s = scored(preparedFor(system, columns, stage));
    const { entries } = buildList(s.prepared, s.result, STAGE_BANDS);
    const loan = Float64Array.from({ length: 200 }, () => 100);
    const table = listTable(
      entries,
      { system, result: s.result, stage, usccs: Array.from({ length: 200 }, (_, i) => `U${i}`), columns: { loan_demand: loan }, text: { city: Array(200).fill('成都市') } },
      { rule: STAGE_BANDS, name: 'Candidate list', notes: [], relending: true, lang: 'en' },
    );
    expect(table.columns.map((c) => c.header)).toEqual([
      'No.',
      'Group',
      'Band',
      'Rank in group',
      'Overall rank',
      'Unified social credit code',
      'Enterprise name',
      'Life-cycle stage',
      'City of operation',
      'Score',
      'Base',
      'Bonus',
      'Score (exact)',
      'Loan demand (10k CNY)',
      'Expected start of fund use',
      'Use of funds',
      'Loan term',
      'Preferred lending banks',
    ]);
    expect(table.notesName).toBe('Scenario notes');
    const first = entries[0];
    expect(table.rows[0][1]).toBe(system.stages.find((x) => x.id === first.group)!.name.en);
    expect(table.rows[0][7]).toBe(system.stages[stage[first.row]].name.en);
    // The user's data stays as written.
    expect(table.rows[0][8]).toBe('成都市');
  });

  it('an overall top-n list export has no 分组 / 档次 columns, and 2-decimal scores beside the exact one', () => {
    const system = twoStageSystem(3);
    const { columns, stage } = randomData(50, 3, 9);
    const s = scored(preparedFor(system, columns, stage));
    const rule = { kind: 'top-n', n: 5, scope: 'overall' } as const;
    const { entries } = buildList(s.prepared, s.result, rule);
    const table = listTable(
      entries,
      { system, result: s.result, stage, usccs: Array.from({ length: 50 }, (_, i) => `U${i}`), text: { city: Array(50).fill('成都市') } },
      { rule, name: '积分榜', notes: [] },
    );
    const headers = table.columns.map((c) => c.header);
    expect(headers).not.toContain('分组');
    expect(headers).not.toContain('档次');
    expect(headers).not.toContain('组内名次');
    expect(headers).toContain('市');
    const score = headers.indexOf('积分');
    const exact = headers.indexOf('积分（精确值）');
    expect(table.columns[score].decimals).toBe(2);
    for (const [i, e] of entries.entries()) {
      const x = s.result.score[e.row];
      expect(table.rows[i][exact]).toBe(x);
      // Independent rounding: half away from zero on the decimal digits of x.
      expect(Math.abs((table.rows[i][score] as number) - x)).toBeLessThanOrEqual(0.005 + 1e-12);
      expect(Math.round((table.rows[i][score] as number) * 100)).toBeCloseTo((table.rows[i][score] as number) * 100, 9);
    }
  });

  it('degenerate: empty population and all-tied scores', () => {
    expect(evaluate({ kind: 'top-n', n: 3 }, result([], []), []).count).toBe(0);
    const tied = result([5, 5, 5, 5], [0, 0, 0, 0]);
    expect(evaluate({ kind: 'top-n', n: 1 }, tied, [0, 0, 0, 0]).count).toBe(4);
    expect(evaluate({ kind: 'top-percent', percent: 25 }, tied, [0, 0, 0, 0]).count).toBe(4);
  });
});

describe('lists drawn from a segment (细分范围)', () => {
  const score = [90, 80, 80, 70, 60, 50, 40, 30, 20, 10];
  const stage = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
  // The segment: rows 1, 3, 4, 6, 7, 9 (scores 80, 70, 60, 40, 30, 10; stages 1, 1, 0, 0, 1, 1).
  const within = Uint8Array.from([0, 1, 0, 1, 1, 0, 1, 1, 0, 1]);

  it('ranks, cut-offs and groups are those within the segment (hand-worked)', () => {
    const res = result(score, stage);
    // Top 2 of the segment: 80 and 70 (rows 1, 3), not the province's 90 / 80 / 80.
    expect(evaluate({ kind: 'top-n', n: 2 }, res, stage, { within }).bands).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    // Per stage within the segment: stage 0 = rows 4 (60), 6 (40); stage 1 = rows 1, 3, 7, 9. Top 1 each.
    expect(evaluate({ kind: 'top-n', n: 1, scope: 'stage' }, res, stage, { within }).bands).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
    // 50% of each stage's segment rows: ⌈0.5·2⌉ = 1 of stage 0, ⌈0.5·4⌉ = 2 of stage 1.
    expect(evaluate({ kind: 'top-percent', percent: 50, scope: 'stage' }, res, stage, { within }).bands).toEqual([0, 1, 0, 1, 1, 0, 0, 0, 0, 0]);
    // A threshold lists the segment's rows at or above it only.
    expect(evaluate({ kind: 'threshold', minScore: 60 }, res, stage, { within }).bands).toEqual([0, 1, 0, 1, 1, 0, 0, 0, 0, 0]);
    // City scope inside the segment: cities A A B B A B A B A B → segment rows of A: 4 (60), 6 (40); of B: 1 (80), 3 (70), 7 (30), 9 (10).
    const city = groupCodesFrom(['A', 'B', 'A', 'B', 'A', 'B', 'A', 'B', 'A', 'B'].map((c, r) => (r === 1 ? 'B' : c)));
    expect(evaluate({ kind: 'top-n', n: 1, scope: 'city' }, res, stage, { within, city }).bands).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('buildList: entries carry the segment rank, group sizes count the segment', () => {
    const system = twoStageSystem(2);
    const { columns, stage: st } = randomData(40, 2, 3);
    const p = preparedFor(system, columns, st);
    const res = scored(p).result;
    const mask = Uint8Array.from({ length: 40 }, (_, r) => (r % 3 === 0 ? 1 : 0));
    const { entries, groups } = buildList(p, res, { kind: 'top-percent', percent: 50, scope: 'stage' }, { within: mask });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => mask[e.row] === 1)).toBe(true);
    // scopeRank is the rank among the segment's rows of the same stage, by definition.
    for (const e of entries) {
      const above = Array.from(mask).filter((m, r) => m && p.stage[r] === p.stage[e.row] && res.score[r] > res.score[e.row]).length;
      expect(e.scopeRank).toBe(above + 1);
    }
    for (const g of groups) {
      const s = p.system.stages.findIndex((x) => x.id === g.group);
      expect(g.size).toBe(Array.from(mask).filter((m, r) => m && p.stage[r] === s).length);
    }
  });

  it('equals the list of the segment taken as its own population (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 20 }), stage: fc.integer({ min: 0, max: 2 }), inside: fc.boolean(), vetoed: fc.boolean() }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.oneof(
          fc.record({ kind: fc.constant('top-n' as const), n: fc.integer({ min: 0, max: 10 }), scope: fc.constantFrom('overall' as const, 'stage' as const) }),
          fc.record({ kind: fc.constant('top-percent' as const), percent: fc.integer({ min: 1, max: 100 }), scope: fc.constantFrom('overall' as const, 'stage' as const) }),
          fc.record({ kind: fc.constant('threshold' as const), minScore: fc.integer({ min: 0, max: 20 }) }),
        ),
        (rows, rule) => {
          const all = result(
            rows.map((r) => r.score),
            rows.map((r) => r.stage),
            rows.map((r) => (r.vetoed ? 1 : 0)),
          );
          const got = evaluate(
            rule,
            all,
            rows.map((r) => r.stage),
            { within: Uint8Array.from(rows, (r) => (r.inside ? 1 : 0)) },
          ).bands;
          const sub = rows.filter((r) => r.inside);
          const alone = evaluate(
            rule,
            result(
              sub.map((r) => r.score),
              sub.map((r) => r.stage),
              sub.map((r) => (r.vetoed ? 1 : 0)),
            ),
            sub.map((r) => r.stage),
          ).bands;
          let k = 0;
          const expected = rows.map((r) => (r.inside ? alone[k++] : 0));
          expect(got).toEqual(expected);
        },
      ),
    );
  });
});
