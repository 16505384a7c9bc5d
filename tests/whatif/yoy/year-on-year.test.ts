import { describe, expect, it } from 'vitest';
import type { Prepared, ScoreResult } from '../../../src/engine/index.ts';
import { linkYears, segmentMoves, summarizeLink, topParts, YOY_STATUSES, type YearRun } from '../../../src/whatif/yoy/year-on-year.ts';

// A two-indicator system (ids a, b) with two stages: stage 0 weighs a .6 / b .4, stage 1 a .3 / b .7.
const system = { id: 'sys', baseScale: 100, stages: [{ id: 's0' }, { id: 's1' }], indicators: [{ id: 'a' }, { id: 'b' }] };
const weights = Float64Array.from([0.6, 0.4, 0.3, 0.7]);

interface Row {
  uscc: string;
  stage: number;
  s: [number, number];
  bonus: number;
  vetoed?: boolean;
  listed: boolean;
}

/** A year from rows: base, score written by hand from the weights above. */
function year(rows: Row[], base: number[]): YearRun {
  const n = rows.length;
  const prepared = { n, k: 2, system, stage: Uint8Array.from(rows.map((r) => r.stage)), s: Float64Array.from(rows.flatMap((r) => r.s)) } as unknown as Prepared;
  const score = rows.map((r, i) => (r.vetoed ? 0 : base[i] + r.bonus));
  const result = {
    base: Float64Array.from(base),
    bonus: Float64Array.from(rows.map((r) => r.bonus)),
    score: Float64Array.from(score),
    vetoed: Uint8Array.from(rows.map((r) => (r.vetoed ? 1 : 0))),
  } as unknown as ScoreResult;
  return { usccs: rows.map((r) => r.uscc), prepared, weights, result, listed: Uint8Array.from(rows.map((r) => (r.listed ? 1 : 0))) };
}

// This year: X (stage 0, points 60 + 20 = 80, bonus 2 → 82, listed), Y (stage 1, 15 + 35 = 50 → 50),
// N (new, stage 0, 30 + 0, bonus 1 → 31, listed).
const current = year(
  [
    { uscc: 'X', stage: 0, s: [1, 0.5], bonus: 2, listed: true },
    { uscc: 'Y', stage: 1, s: [0.5, 0.5], bonus: 0, listed: false },
    { uscc: 'N', stage: 0, s: [0.5, 0], bonus: 1, listed: true },
  ],
  [80, 50, 30],
);
// Last year: Y (stage 0, 60 + 40 = 100, listed), X (stage 0, 30 + 20 = 50, bonus 1, vetoed → 0),
// G (gone since, stage 1, 30 + 0 = 30, listed).
const previous = year(
  [
    { uscc: 'Y', stage: 0, s: [1, 1], bonus: 0, listed: true },
    { uscc: 'X', stage: 0, s: [0.5, 0.5], bonus: 1, vetoed: true, listed: false },
    { uscc: 'G', stage: 1, s: [1, 0], bonus: 0, listed: true },
  ],
  [100, 50, 30],
);

describe('linkYears', () => {
  const link = linkYears(current, previous);

  it('links by USCC: this year by row, then last year only', () => {
    expect(link.count).toBe(4);
    expect(Array.from(link.cur)).toEqual([0, 1, 2, -1]);
    expect(Array.from(link.prev)).toEqual([1, 0, -1, 2]);
    expect(Array.from(link.status, (s) => YOY_STATUSES[s])).toEqual(['entered', 'left', 'entered', 'left']);
  });

  it('splits each change into indicator points, bonus and veto, worked by hand', () => {
    // X: a 60 − 30 = 30, b 20 − 20 = 0, bonus 2 − 1 = 1, veto 0 − (0 − 50 − 1) = 51; 82 − 0 = 82.
    expect(Array.from(link.delta.subarray(0, 2))).toEqual([30, 0]);
    expect([link.dBonus[0], link.dVeto[0], link.dScore[0]]).toEqual([1, 51, 82]);
    // Y changed stage (0 → 1): a 15 − 60 = −45, b 35 − 40 = −5; 50 − 100 = −50.
    expect(Array.from(link.delta.subarray(2, 4))).toEqual([-45, -5]);
    expect([link.dBonus[1], link.dVeto[1], link.dScore[1]]).toEqual([0, 0, -50]);
    // N and G are in one year only: no change to split.
    for (const e of [2, 3]) expect([link.dScore[e], link.delta[e * 2], link.dBonus[e], link.dVeto[e]].every(Number.isNaN)).toBe(true);
  });

  it('summarises counts and mean parts, worked by hand', () => {
    const s = summarizeLink(link, current, previous);
    expect(s).toMatchObject({ both: 2, onlyCurrent: 1, onlyPrevious: 1, stageChanged: 1, enteredNew: 1, leftGone: 1 });
    expect(s.lists).toEqual({ stayed: 0, entered: 2, left: 2, neither: 0 });
    expect(s.mean).toEqual({ score: 16, indicators: [-7.5, -2.5], bonus: 0.5, veto: 25.5 });
    expect(s.leftMean).toEqual({ count: 1, score: -50, indicators: [-45, -5], bonus: 0, veto: 0 });
  });

  it('within a segment: only enterprises in it in either year, still linked to their other year', () => {
    // This year's segment holds Y (row 1) only; last year's holds X (row 1) and G (row 2).
    const seg = linkYears(current, previous, { current: Uint8Array.from([0, 1, 0]), previous: Uint8Array.from([0, 1, 1]) });
    // X: out of it this year but in it last year → kept with both rows; Y: in it this year; N: in neither → dropped; G: last year only, in it.
    expect(seg.count).toBe(3);
    expect(Array.from(seg.cur)).toEqual([0, 1, -1]);
    expect(Array.from(seg.prev)).toEqual([1, 0, 2]);
    expect(Array.from(seg.dScore.subarray(0, 2))).toEqual([82, -50]);
    // Of X and Y (in both years' data): X left the segment (in it last year only), Y moved into it.
    const within = { current: Uint8Array.from([0, 1, 0]), previous: Uint8Array.from([0, 1, 1]) };
    expect(segmentMoves(seg, within)).toEqual({ into: 1, outOf: 1 });
    expect(segmentMoves(seg, { current: Uint8Array.from([1, 1, 1]), previous: Uint8Array.from([1, 1, 1]) })).toEqual({ into: 0, outOf: 0 });
    // An enterprise only in the data of the year whose segment excludes it is not linked.
    const none = linkYears(current, previous, { current: new Uint8Array(3), previous: Uint8Array.from([0, 0, 0]) });
    expect(none.count).toBe(0);
  });

  it('names the largest parts of a change, a veto that switched first', () => {
    expect(topParts(link, ['a', 'b'], 0)).toEqual([
      { kind: 'veto', id: '', delta: 51 },
      { kind: 'indicator', id: 'a', delta: 30 },
      { kind: 'bonus', id: '', delta: 1 },
    ]);
    expect(topParts(link, ['a', 'b'], 1, 2)).toEqual([
      { kind: 'indicator', id: 'a', delta: -45 },
      { kind: 'indicator', id: 'b', delta: -5 },
    ]);
    expect(topParts(link, ['a', 'b'], 2)).toEqual([]);
  });

  it('refuses two years scored with different systems', () => {
    const other = { ...previous, prepared: { ...previous.prepared, system: { ...system, id: 'other' } } as Prepared };
    expect(() => linkYears(current, other)).toThrow(/same indicator system/);
  });
});
