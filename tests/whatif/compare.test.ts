import { describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../src/engine/index.ts';
import { changeReasons, listDiff, meanAbsRankShift, rankShiftGrid, weightDiff } from '../../src/whatif/compare/index.ts';
import { groupCodesFrom } from '../../src/whatif/lists/index.ts';
import { oneAtATime, shiftWeight } from '../../src/whatif/sensitivity/index.ts';
import fc from 'fast-check';
import { ALL_ON, preparedFor, randomData, scored, twoStageSystem } from './fixtures.ts';

describe('rank-shift grid', () => {
  it('bins hand-placed ranks', () => {
    const g = rankShiftGrid([1, 2, 3, 4], [4, 3, 2, 1], { bins: 2 });
    // x bins: ranks 1–2 → 0, 3–4 → 1
    expect(Array.from(g.counts)).toEqual([0, 2, 2, 0]);
    expect(g.diagonal).toBe(0);
    expect(g.outside).toBe(0);
    const z = rankShiftGrid([1, 2, 3, 4], [1, 2, 3, 4], { bins: 2, maxRank: 2 });
    expect(z.outside).toBe(2);
    expect(z.diagonal).toBe(2);
    expect(meanAbsRankShift([1, 2, 3, 4], [4, 3, 2, 1])).toBe(2);
    expect(meanAbsRankShift([], [])).toBe(0);
  });

  it('counts every row once (linear and log scales)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 })), { maxLength: 100 }), fc.boolean(), (pairs, log) => {
        const g = rankShiftGrid(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
          { bins: 7, maxRank: 50, scale: log ? 'log' : 'linear' },
        );
        expect(g.counts.reduce((a, b) => a + b, 0) + g.outside).toBe(pairs.length);
      }),
    );
  });
});

describe('list entries and exits with reasons', () => {
  const system = twoStageSystem(3);
  const { columns, stage } = randomData(300, 3, 21);
  const p = preparedFor(system, columns, stage);
  const a = scored(p);
  // B: stage weights moved towards x2
  const wb = effectiveWeights(system, { version: 1, systemId: system.id, weights: { young: { x0: 0.1, x1: 0.2, x2: 0.7 }, old: { x0: 0.1, x1: 0.2, x2: 0.7 } } });
  const b = scored(p, wb);

  it('entries and exits balance for a fixed-size list, with x2 as the top reason', () => {
    const tf = groupCodesFrom(Array.from({ length: 300 }, (_, i) => ['电子信息', '新材料'][i % 2]));
    const d = listDiff(a, b, { kind: 'top-n', n: 30 }, { groups: { techField: tf } });
    expect(d.entries.length).toBeGreaterThan(0);
    expect(d.sizeA - d.exits.length).toBe(d.stayed);
    expect(d.sizeB - d.entries.length).toBe(d.stayed);
    for (const e of d.entries) {
      expect(e.rankB).toBeLessThanOrEqual(30);
      expect(e.rankA).toBeGreaterThan(30);
      expect(e.reasons.length).toBeLessThanOrEqual(3);
      const abs = e.reasons.map((r) => Math.abs(r.delta));
      expect([...abs].sort((x, y) => y - x)).toEqual(abs);
    }
    expect(d.byTechField.reduce((s, t) => s + t.entries, 0)).toBe(d.entries.length);
    expect(d.byStage.reduce((s, t) => s + t.exits, 0)).toBe(d.exits.length);
    // an entrant with a big x2 value gains points on x2 first
    const gain = d.entries.find((e) => e.reasons[0]?.id === 'x2');
    expect(gain?.reasons[0].delta).toBeGreaterThan(0);
  });

  it('reasons: hand check of Δpoints and a switched veto listed first', () => {
    const r = changeReasons(a, b, 0, 5);
    const k = 3;
    const st = p.stage[0];
    for (const x of r) {
      const i = Number(x.id.slice(1));
      expect(x.delta).toBeCloseTo(100 * (wb[st * k + i] - a.weights[st * k + i]) * p.s[0 * k + i], 9);
    }
    const vetoRow = Array.from(columns.v).findIndex((v) => v === 1);
    const off = scored(p, a.weights, { bonus: [true], veto: [false] });
    const vr = changeReasons(off, a, vetoRow);
    expect(vr[0].kind).toBe('veto');
    expect(vr[0].delta).toBeLessThanOrEqual(0);
  });

  it('identical scenarios: nothing enters or leaves', () => {
    const d = listDiff(a, a, { kind: 'top-percent', percent: 10, scope: 'stage' });
    expect(d.entries).toEqual([]);
    expect(d.exits).toEqual([]);
    expect(weightDiff(system, a.weights, a.weights)).toEqual([]);
    expect(weightDiff(system, a.weights, wb).length).toBe(6);
  });
});

describe('one-at-a-time sensitivity', () => {
  it('shiftWeight keeps the stage sum and the proportions of the others', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 12 }), fc.double({ min: -1, max: 1, noNaN: true }), fc.nat(), (w, d, pick) => {
        const i = pick % w.length;
        const out = new Float64Array(w.length);
        expect(shiftWeight(w, 0, w.length, i, d, out)).toBe(true);
        const sum = w.reduce((a, b) => a + b, 0);
        expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(sum, 9);
        const j = (i + 1) % w.length;
        const m = (i + 2) % w.length;
        if (w.length >= 3) expect(out[m] * w[j]).toBeCloseTo(w[m] * out[j], 9);
      }),
    );
    const out = new Float64Array(3);
    expect(shiftWeight([0.5, 0.3, 0.2], 0, 3, 0, 0.2, out)).toBe(true);
    expect(Array.from(out).map((v) => +v.toFixed(12))).toEqual([0.6, 0.24, 0.16]);
    expect(shiftWeight([1, 0, 0], 0, 3, 0, 0.2, out)).toBe(false);
    expect(shiftWeight([0, 0.5, 0.5], 0, 3, 0, 0.2, out)).toBe(false);
  });

  it('tornado rows: sorted by effect, zero effect when nothing can move, list entries counted', () => {
    const system = twoStageSystem(3, [
      [1, 0, 0],
      [0.2, 0.3, 0.5],
    ]);
    const { columns, stage } = randomData(200, 3, 8);
    const p = preparedFor(system, columns, stage);
    const w = effectiveWeights(system);
    const rows = oneAtATime(p, w, ALL_ON, { shift: 0.5, list: { kind: 'top-n', n: 20 } });
    expect(rows).toHaveLength(6);
    const eff = rows.map((r) => Math.max(r.up.meanAbsRankChange, r.down.meanAbsRankChange));
    expect([...eff].sort((x, y) => y - x)).toEqual(eff);
    // stage young has one weight of 1: nothing can move there
    for (const r of rows.filter((r) => r.stage === 'young')) {
      expect(r.shifted).toBe(false);
      expect(r.up.meanAbsRankChange).toBe(0);
    }
    const moved = rows.filter((r) => r.shifted);
    expect(moved.some((r) => r.up.entries > 0 || r.down.entries > 0)).toBe(true);
    for (const r of moved) expect(r.up.entries).toBe(r.up.exits); // fixed-size list without boundary ties
    const all = oneAtATime(p, w, ALL_ON, { shift: 0.5, stages: 'all' });
    expect(all.map((r) => r.stage)).toEqual(['all', 'all', 'all']);
    expect(() => oneAtATime(p, w, ALL_ON, { shift: -1 })).toThrow(/shift/);
  });

  it('can stop early through the progress callback', () => {
    const system = twoStageSystem(3);
    const { columns, stage } = randomData(50, 3, 8);
    const p = preparedFor(system, columns, stage);
    const rows = oneAtATime(p, effectiveWeights(system), ALL_ON, { onProgress: (done) => done >= 2 });
    expect(rows).toHaveLength(2);
  });
});
