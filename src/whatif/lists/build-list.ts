import type { Prepared, ScoreResult } from '../../engine/index.ts';
import { ListEvaluator, type ListGroups } from './list-evaluator.ts';
import type { ListRule } from './list-rule.ts';

export interface ListEntry {
  row: number;
  /** The scope group: stage id, tech field, city, or '' for an overall list. */
  group: string;
  /** 1-based band (1 for non-band rules) and its id ('' for non-band rules). */
  band: number;
  bandId: string;
  rank: number;
  scopeRank: number;
  score: number;
}

export interface ListGroupSummary {
  group: string;
  /** Rows of the group in the population (in the segment, when the list is drawn from one), and on the list. */
  size: number;
  listed: number;
  /** Lowest score that made the list in this group (NaN when none did). */
  minScore: number;
}

/**
 * The rows on a list (积分榜 / 白名单), grouped by the rule's scope: groups in stage order (stage
 * scope) or by value (tech field, city), rows by scope rank then row index.
 */
export function buildList(
  p: Prepared,
  result: ScoreResult,
  rule: ListRule,
  groups: ListGroups = {},
): { entries: ListEntry[]; groups: ListGroupSummary[]; groupOf: (row: number) => string } {
  const n = p.n;
  const ev = new ListEvaluator(rule, n, p.stage, groups);
  const band = new Uint8Array(n);
  ev.evaluate(result, band);
  const scope = ev.scopeRanks(result);
  const stageIds = p.system.stages.map((s) => s.id);
  const dict = ev.scope === 'city' ? groups.city : ev.scope === 'tech-field' ? groups.techField : undefined;
  const groupKey = (r: number) => (ev.scope === 'stage' ? (stageIds[p.stage[r]] ?? '') : dict ? (dict.values[dict.codes[r]] ?? '') : '');
  const groupOrder = (r: number) => (ev.scope === 'stage' ? p.stage[r] : dict ? dict.codes[r] : 0);
  const bandIds = rule.kind === 'bands' ? rule.bands.map((b) => b.id) : [''];
  const summary = new Map<string, ListGroupSummary>();
  const entries: ListEntry[] = [];
  const orderKey: number[] = [];
  const within = groups.within;
  for (let r = 0; r < n; r++) {
    if (within && !within[r]) continue; // a group's size counts the segment's rows only
    const g = groupKey(r);
    const s = summary.get(g) ?? { group: g, size: 0, listed: 0, minScore: NaN };
    s.size++;
    summary.set(g, s);
    if (!band[r]) continue;
    s.listed++;
    const score = result.score[r];
    if (!(score >= s.minScore)) s.minScore = score;
    entries.push({ row: r, group: g, band: band[r], bandId: bandIds[band[r] - 1] ?? '', rank: result.rank[r], scopeRank: scope[r], score });
    orderKey.push(groupOrder(r));
  }
  const idx = entries
    .map((_, i) => i)
    .sort((a, b) => {
      const ka = orderKey[a];
      const kb = orderKey[b];
      if (ka !== kb) return ka - kb;
      return entries[a].scopeRank - entries[b].scopeRank || entries[a].row - entries[b].row;
    });
  const groupsOut = [...summary.values()];
  const rank = new Map(idx.map((i) => [entries[i].group, orderKey[i]]));
  groupsOut.sort((a, b) => (rank.get(a.group) ?? 1e9) - (rank.get(b.group) ?? 1e9) || (a.group < b.group ? -1 : 1));
  return { entries: idx.map((i) => entries[i]), groups: groupsOut, groupOf: groupKey };
}
