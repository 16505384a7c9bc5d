import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/data/build-dataset.ts';
import { matchHeaders } from '../../../src/data/header-match.ts';
import { daysFromCivil } from '../../../src/engine/calendar.ts';
import { explain, scoreScenario, type Scenario } from '../../../src/engine/index.ts';
import { DEMO_EVALUATION_YEAR } from '../../../src/demo/generate.ts';
import { DEMO_PREVIOUS_YEAR } from '../../../src/demo/previous-year.ts';
import { demoRawTable } from '../../../src/demo/raw-table.ts';
import { getSystem } from '../../../src/systems/index.ts';
import { buildList } from '../../../src/whatif/lists/build-list.ts';
import { linkYears, listedRows, summarizeLink, YOY_STATUSES, type YearRun } from '../../../src/whatif/yoy/year-on-year.ts';

/** The two demo years scored by the engine: the link's invariants, against `explain` and the lists themselves. */
const ROWS = 4000;
const system = getSystem('sichuan-2024')!;

function yearRun(year: 'current' | 'previous', scenario: Scenario, n: number): YearRun & { run: ReturnType<typeof scoreScenario> } {
  const evalYear = year === 'current' ? DEMO_EVALUATION_YEAR : DEMO_PREVIOUS_YEAR;
  const raw = demoRawTable({ rows: ROWS }, year);
  const mapping = matchHeaders(raw.headers, { required: ['uscc', 'registration_date'], evalYear });
  const asOfDays = daysFromCivil(evalYear, 12, 31);
  const data = buildDataset(raw, mapping, { asOfDays, keepInvalidUscc: false });
  const run = scoreScenario({ columns: data.columns, n: data.n, regDays: data.regDays, asOfDays }, system, scenario);
  const { entries } = buildList(run.prepared, run.result, { kind: 'top-n', n, scope: 'overall' });
  return { usccs: data.text.uscc, prepared: run.prepared, weights: run.weights, result: run.result, listed: listedRows(entries, data.n), run };
}

describe('year on year over the two demo years', () => {
  const scenario: Scenario = { version: 1, systemId: system.id, weights: { initial: { rd_expense: 0.2 } } };
  const cur = yearRun('current', scenario, 100);
  const prev = yearRun('previous', scenario, 100);
  const link = linkYears(cur, prev);
  const k = system.indicators.length;

  it('every change is the sum of its parts, and each indicator part is explain’s points this year minus last', () => {
    const both = [...Array(link.count).keys()].filter((e) => link.cur[e] >= 0 && link.prev[e] >= 0);
    expect(both.length).toBeGreaterThan(3000);
    for (const e of both) {
      let sum = link.dBonus[e] + link.dVeto[e];
      for (let i = 0; i < k; i++) sum += link.delta[e * k + i];
      expect(Math.abs(sum - link.dScore[e])).toBeLessThan(1e-9);
    }
    fc.assert(
      fc.property(fc.constantFrom(...both), (e) => {
        const a = explain(cur.run.prepared, cur.run.weights, cur.run.toggles, link.cur[e]);
        const b = explain(prev.run.prepared, prev.run.weights, prev.run.toggles, link.prev[e]);
        a.indicators.forEach((x, i) => expect(link.delta[e * k + i]).toBeCloseTo(x.points - b.indicators[i].points, 12));
        expect(link.dBonus[e]).toBeCloseTo(a.bonus - b.bonus, 12);
        expect(link.dScore[e]).toBe(a.score - b.score);
      }),
      { numRuns: 200 },
    );
  });

  it('the list statuses add up to each year’s list', () => {
    const s = summarizeLink(link, cur, prev);
    expect(s.lists.stayed + s.lists.entered).toBe(100);
    expect(s.lists.stayed + s.lists.left).toBe(100);
    expect(s.both + s.onlyCurrent).toBe(cur.usccs.length);
    expect(s.both + s.onlyPrevious).toBe(prev.usccs.length);
    // Every enterprise cleared this year was not cleared last year (the demo's known change), so none stayed listed.
    for (let e = 0; e < link.count; e++) {
      const c = link.cur[e];
      if (c >= 0 && cur.result.vetoed[c] && link.prev[e] >= 0) expect(link.dVeto[e]).toBeLessThan(0);
      if (c >= 0 && cur.result.vetoed[c]) expect(YOY_STATUSES[link.status[e]]).not.toBe('stayed');
    }
    // Some enterprises are a stage further on this year (a year older), none a stage younger.
    expect(s.stageChanged).toBeGreaterThan(0);
    for (let e = 0; e < link.count; e++)
      if (link.cur[e] >= 0 && link.prev[e] >= 0) expect(cur.prepared.stage[link.cur[e]]).toBeGreaterThanOrEqual(prev.prepared.stage[link.prev[e]]);
  });
});
