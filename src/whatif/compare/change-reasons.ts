import { explain } from '../../engine/index.ts';
import type { Explanation, RunScores } from '../../engine/index.ts';

/** Why a row's score moved between two scenarios: one indicator's, bonus item's or veto's change. */
export interface ChangeReason {
  kind: 'indicator' | 'bonus' | 'veto';
  id: string;
  pointsA: number;
  pointsB: number;
  /** pointsB − pointsA (for a veto: the score it cleared or restored, signed). */
  delta: number;
}

/**
 * The `top` items whose points changed most for `row` (largest |Δpoints| first, ties by system
 * order), from `explain` under both scenarios. A veto that switched is always listed first: it
 * alone explains the move. Items with Δ = 0 are left out.
 */
export function changeReasons(a: RunScores, b: RunScores, row: number, top = 3): ChangeReason[] {
  return reasonsBetween(explain(a.prepared, a.weights, a.toggles, row), explain(b.prepared, b.weights, b.toggles, row), top);
}

/**
 * The `top` items whose points differ most from explanation A to B (of one row under two
 * scenarios, or of two rows under one); a veto that differs first. `behind`: only the items where
 * B has fewer points (why B is below A), most behind first.
 */
export function reasonsBetween(ea: Explanation, eb: Explanation, top = 3, behind = false): ChangeReason[] {
  const items: ChangeReason[] = [];
  ea.indicators.forEach((x, i) => {
    const y = eb.indicators[i];
    items.push({ kind: 'indicator', id: x.id, pointsA: x.points, pointsB: y.points, delta: y.points - x.points });
  });
  ea.bonusItems.forEach((x, j) => {
    const y = eb.bonusItems[j];
    items.push({ kind: 'bonus', id: x.id, pointsA: x.points, pointsB: y.points, delta: y.points - x.points });
  });
  const sorted = items.filter((x) => x.delta !== 0 && Number.isFinite(x.delta) && (!behind || x.delta < 0)).sort((p, q) => Math.abs(q.delta) - Math.abs(p.delta));
  const out: ChangeReason[] = [];
  if (ea.vetoed !== eb.vetoed && (!behind || eb.vetoed)) {
    const hit = (eb.vetoed ? eb : ea).vetoes.find((v) => v.hit && v.active);
    out.push({
      kind: 'veto',
      id: hit?.id ?? 'veto',
      pointsA: ea.score,
      pointsB: eb.score,
      delta: eb.score - ea.score,
    });
  }
  return out.concat(sorted).slice(0, top);
}
