import { ListEvaluator, type ListGroups } from '../lists/list-evaluator.ts';
import type { ListRule } from '../lists/list-rule.ts';
import { changeReasons, type ChangeReason } from './change-reasons.ts';
import type { RunScores } from '../../engine/index.ts';

export interface ListChange {
  row: number;
  change: 'enter' | 'exit';
  rankA: number;
  rankB: number;
  /** Rank within the rule's scope group (stage, tech field …) under A and B. */
  scopeRankA: number;
  scopeRankB: number;
  /** 1-based band (0 = not on the list) under A and B. */
  bandA: number;
  bandB: number;
  scoreA: number;
  scoreB: number;
  stage: number;
  techField: string | null;
  city: string | null;
  reasons: ChangeReason[];
}

export interface GroupTally {
  key: string;
  entries: number;
  exits: number;
}

export interface ListDiff {
  sizeA: number;
  sizeB: number;
  /** Rows on both lists (in any band), and those whose band changed. */
  stayed: number;
  bandMoves: number;
  entries: ListChange[];
  exits: ListChange[];
  /** Entries/exits per stage index, per tech field and per city (all rows, not only listed ones). */
  byStage: GroupTally[];
  byTechField: GroupTally[];
  byCity: GroupTally[];
  /** True when more than `maxRows` rows changed: tables hold the first maxRows (by best rank) only. */
  truncated: boolean;
}

/**
 * Who enters and who leaves a list between scenario A and scenario B (same population, same row
 * order), with the reasons for each row (changeReasons: the top 3 items by |Δpoints|). Entries are
 * ordered by rank under B, exits by rank under A.
 */
export function listDiff(a: RunScores, b: RunScores, rule: ListRule, opts: { groups?: ListGroups; reasons?: number; maxRows?: number } = {}): ListDiff {
  const n = a.prepared.n;
  if (b.prepared.n !== n) throw new Error(`the two scenarios score different populations (${n} and ${b.prepared.n} rows)`);
  const groups = opts.groups ?? {};
  const maxRows = opts.maxRows ?? 5000;
  const evA = new ListEvaluator(rule, n, a.prepared.stage, groups);
  const evB = new ListEvaluator(rule, n, b.prepared.stage, groups);
  const bandA = new Uint8Array(n);
  const bandB = new Uint8Array(n);
  const sizeA = evA.evaluate(a.result, bandA);
  const scopeA = evA.scopeRanks(a.result).slice();
  const sizeB = evB.evaluate(b.result, bandB);
  const scopeB = evB.scopeRanks(b.result).slice();
  const tally = (m: Map<string, GroupTally>, key: string, change: 'enter' | 'exit') => {
    const t = m.get(key) ?? { key, entries: 0, exits: 0 };
    if (change === 'enter') t.entries++;
    else t.exits++;
    m.set(key, t);
  };
  const byStage = new Map<string, GroupTally>();
  const byTech = new Map<string, GroupTally>();
  const byCity = new Map<string, GroupTally>();
  const enter: number[] = [];
  const exit: number[] = [];
  let stayed = 0;
  let bandMoves = 0;
  const label = (g: ListGroups['techField'], r: number) => (g ? (g.values[g.codes[r]] ?? '') : null);
  for (let r = 0; r < n; r++) {
    const x = bandA[r];
    const y = bandB[r];
    if (x && y) {
      stayed++;
      if (x !== y) bandMoves++;
      continue;
    }
    if (!x && !y) continue;
    const change = y ? 'enter' : 'exit';
    (y ? enter : exit).push(r);
    tally(byStage, String(a.prepared.stage[r]), change);
    const tf = label(groups.techField, r);
    const city = label(groups.city, r);
    if (tf !== null) tally(byTech, tf, change);
    if (city !== null) tally(byCity, city, change);
  }
  enter.sort((p, q) => b.result.rank[p] - b.result.rank[q] || p - q);
  exit.sort((p, q) => a.result.rank[p] - a.result.rank[q] || p - q);
  const row = (r: number, change: 'enter' | 'exit'): ListChange => ({
    row: r,
    change,
    rankA: a.result.rank[r],
    rankB: b.result.rank[r],
    scopeRankA: scopeA[r],
    scopeRankB: scopeB[r],
    bandA: bandA[r],
    bandB: bandB[r],
    scoreA: a.result.score[r],
    scoreB: b.result.score[r],
    stage: a.prepared.stage[r],
    techField: label(groups.techField, r),
    city: label(groups.city, r),
    reasons: changeReasons(a, b, r, opts.reasons ?? 3),
  });
  const sortTally = (m: Map<string, GroupTally>) => [...m.values()].sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));
  return {
    sizeA,
    sizeB,
    stayed,
    bandMoves,
    entries: enter.slice(0, maxRows).map((r) => row(r, 'enter')),
    exits: exit.slice(0, maxRows).map((r) => row(r, 'exit')),
    byStage: sortTally(byStage),
    byTechField: sortTally(byTech),
    byCity: sortTally(byCity),
    truncated: enter.length > maxRows || exit.length > maxRows,
  };
}
