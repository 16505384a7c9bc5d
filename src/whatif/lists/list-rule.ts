import type { Label } from '../../engine/index.ts';

/**
 * List rules (积分榜 / 白名单 / 备选企业名单). A rule ranks rows by score within a scope and keeps
 * the best of each scope group:
 * - `top-n`: competition rank within the group ≤ n. Rows tied at the boundary all enter, so a
 *   list can hold more than n rows (the fair reading of "top n" when scores tie).
 * - `top-percent`: rank ≤ ⌈p/100 · g⌉ where g is the size of the group (vetoed rows count in g:
 *   they belong to the population P); a non-empty group thus keeps at least one row when p > 0.
 * - `bands`: named tiers such as 领跑 5% / 竞跑 10% / 进取 20%. `cumulative`: the percents are cut
 *   points from the top (5, 10, 20 → [0,5%], (5%,10%], (10%,20%]); `exclusive`: each band's percent
 *   is its own share, stacked (5, 10, 20 → [0,5%], (5%,15%], (15%,35%]). A row gets the first band
 *   whose cut-off its rank meets.
 * - `threshold`: score ≥ minScore (the scope only groups the output).
 * A vetoed row (score cleared, 清零) is never on a list.
 */
export type ListScope = 'overall' | 'stage' | 'tech-field' | 'city';

export interface ListBand {
  id: string;
  name: Label;
  percent: number;
}

export type ListRule =
  | { kind: 'top-n'; n: number; scope?: ListScope }
  | { kind: 'top-percent'; percent: number; scope?: ListScope }
  | { kind: 'bands'; bands: ListBand[]; mode: 'cumulative' | 'exclusive'; scope?: ListScope }
  | { kind: 'threshold'; minScore: number; scope?: ListScope };

/** The workbench's list rule before anyone chooses one (情景分析: top 100 of all enterprises). */
export const DEFAULT_LIST_RULE: ListRule = { kind: 'top-n', n: 100, scope: 'overall' };

/** The 领跑 / 竞跑 / 进取 bands within each stage (cumulative cut points 5%, 10%, 20%). */
export const STAGE_BANDS: ListRule = {
  kind: 'bands',
  mode: 'cumulative',
  scope: 'stage',
  bands: [
    { id: 'leading', name: { zh: '领跑', en: 'Leading' }, percent: 5 },
    { id: 'racing', name: { zh: '竞跑', en: 'Racing' }, percent: 10 },
    { id: 'striving', name: { zh: '进取', en: 'Striving' }, percent: 20 },
  ],
};

/** Cumulative cut points (percent of the group, from the top) of a band rule. */
export function bandCutPoints(rule: Extract<ListRule, { kind: 'bands' }>): number[] {
  let acc = 0;
  return rule.bands.map((b) => (rule.mode === 'cumulative' ? b.percent : (acc += b.percent)));
}

/** Throws one clear sentence when a rule cannot be applied. */
export function checkListRule(rule: ListRule): void {
  const bad = (msg: string) => {
    throw new Error(`list rule: ${msg}`);
  };
  switch (rule.kind) {
    case 'top-n':
      if (!(Number.isInteger(rule.n) && rule.n >= 0)) bad(`n must be a whole number ≥ 0, got ${rule.n}`);
      break;
    case 'top-percent':
      if (!(rule.percent >= 0 && rule.percent <= 100)) bad(`percent must be in 0..100, got ${rule.percent}`);
      break;
    case 'bands': {
      if (rule.bands.length === 0 || rule.bands.length > 250) bad('bands needs 1 to 250 bands');
      const cuts = bandCutPoints(rule);
      cuts.forEach((c, i) => {
        if (!(rule.bands[i].percent >= 0) || !(c <= 100)) bad(`band "${rule.bands[i].id}" ends at ${c}%, outside 0..100`);
        if (i > 0 && !(c >= cuts[i - 1])) bad(`cumulative band cut points must not decrease (band "${rule.bands[i].id}")`);
      });
      break;
    }
    case 'threshold':
      if (!Number.isFinite(rule.minScore)) bad(`minScore must be a finite number, got ${rule.minScore}`);
      break;
    default:
      bad(`unknown kind "${(rule as { kind: string }).kind}"`);
  }
  const scope = rule.scope ?? 'overall';
  if (!['overall', 'stage', 'tech-field', 'city'].includes(scope)) bad(`unknown scope "${scope}"`);
}
