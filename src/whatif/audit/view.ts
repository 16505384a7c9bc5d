import type { GroupAudit } from './audit.ts';

/** Indicators by effective weight, largest first; not-defined ones last, in indicator order. */
export function effectiveOrder(g: Pick<GroupAudit, 'effective'>): number[] {
  const key = (i: number) => (Number.isFinite(g.effective[i]) ? g.effective[i] : -Infinity);
  return g.effective.map((_, i) => i).sort((a, b) => key(b) - key(a) || a - b);
}

/** The indicator with the largest effective weight, or -1 when none is defined. */
export function scoreDriver(g: Pick<GroupAudit, 'effective'>): number {
  const i = effectiveOrder(g)[0];
  return i !== undefined && Number.isFinite(g.effective[i]) ? i : -1;
}

/** Cumulative explained variance of the components. */
export function cumulative(explained: readonly number[]): number[] {
  let acc = 0;
  return explained.map((x) => (acc += x));
}
