import type { Dataset } from './dataset.ts';
import type { RankingQuery } from '../src/protocol/scoring.ts';

/**
 * The filter of the ranking table as a byte mask over the population (undefined = every row).
 * A byte per row keeps the page walk to one load and branch per row; the mask is cached and only
 * rebuilt when a filter or the stage assignment changes, not on a re-score.
 */
export class RankingFilter {
  private key = '';
  private stageRef: Uint8Array | null = null;
  private cached: { mask: Uint8Array | undefined; total: number } = { mask: undefined, total: 0 };
  private haystack: string[] | null = null;

  constructor(private readonly ds: Dataset) {}

  mask(q: RankingQuery, stage: Uint8Array): { mask: Uint8Array | undefined; total: number } {
    const search = q.search.trim().toLowerCase();
    const key = JSON.stringify([q.stage, q.techField, q.city, search]);
    if (key === this.key && stage === this.stageRef) return this.cached;
    this.key = key;
    this.stageRef = stage;
    this.cached = this.build(q, search, stage);
    return this.cached;
  }

  private build(q: RankingQuery, search: string, stage: Uint8Array): { mask: Uint8Array | undefined; total: number } {
    const { n } = this.ds;
    if (q.stage < 0 && !q.techField && !q.city && !search) return { mask: undefined, total: n };
    const tf = q.techField ? this.ds.techFields.indexOf(q.techField) : -1;
    const city = q.city ? this.ds.cities.indexOf(q.city) : -1;
    const hay = search ? this.searchText() : null;
    const mask = new Uint8Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      if (q.stage >= 0 && stage[r] !== q.stage) continue;
      if (q.techField && this.ds.techField[r] !== tf) continue;
      if (q.city && this.ds.city[r] !== city) continue;
      if (hay && !hay[r].includes(search)) continue;
      mask[r] = 1;
      total++;
    }
    return { mask, total };
  }

  /** Lower-cased "name␟uscc" per row, built on the first search. */
  private searchText(): string[] {
    this.haystack ??= this.ds.names.map((name, r) => `${name}\u001f${this.ds.usccs[r]}`.toLowerCase());
    return this.haystack;
  }
}
