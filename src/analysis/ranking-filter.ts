import type { Label } from '../engine/types.ts';
import type { RankingQuery } from '../protocol/scoring.ts';

/** The population's columns the ranking table filters on and shows (the scoring worker's dataset). */
export interface RankingColumns {
  n: number;
  names: readonly string[];
  usccs: readonly string[];
  /** Index into `techFields` / `cities` per row. */
  techField: Uint16Array;
  techFields: readonly string[];
  city: Uint16Array;
  cities: readonly string[];
  /** 1 per row with a data-quality flag (数据提示); absent = no row is flagged. */
  flagged?: Uint8Array;
  /** The row's flag messages; absent = none. */
  flagsOf?: (r: number) => Label[];
  /** The segment the worker holds (a query names it by id); absent or null = none. */
  segment?: ActiveSegment | null;
  /**
   * The segments replaced or cleared last, newest first: a request sent before the change still
   * gets the answer for the segment it names (and is then superseded), instead of an error.
   */
  recentSegments?: readonly ActiveSegment[];
}

/** The segment with this id among the held and the recent ones, or null. */
export function findSegment(cols: Pick<RankingColumns, 'segment' | 'recentSegments'>, id: number): ActiveSegment | null {
  if (cols.segment?.id === id) return cols.segment;
  return cols.recentSegments?.find((s) => s.id === id) ?? null;
}

/** A segment (细分范围) as the scoring worker holds it: the rows its condition selected. */
export interface ActiveSegment {
  id: number;
  /** 1 for a row in the segment. */
  mask: Uint8Array;
  count: number;
}

export interface RankingMask {
  /** 1 for a row that passes the filters; undefined = every row. */
  mask: Uint8Array | undefined;
  total: number;
}

/**
 * The filter of the ranking table as a byte mask over the population. A byte per row keeps the page
 * walk to one load and branch per row; the mask is cached and only rebuilt when a filter or the
 * stage assignment changes, not on a re-score.
 */
export class RankingFilter {
  private key = '';
  private stageRef: Uint8Array | null = null;
  private cached: RankingMask = { mask: undefined, total: 0 };
  private haystack: string[] | null = null;

  constructor(private readonly cols: RankingColumns) {}

  mask(q: RankingQuery, stage: Uint8Array): RankingMask {
    const search = q.search.trim().toLowerCase();
    const segment = this.segmentOf(q);
    const key = JSON.stringify([q.stage, q.techField, q.city, search, q.flagged === true, segment?.id ?? 0]);
    if (key === this.key && stage === this.stageRef) return this.cached;
    this.key = key;
    this.stageRef = stage;
    this.cached = this.build(q, search, stage, segment);
    return this.cached;
  }

  /**
   * The segment a query names, when the worker holds it or held it just before. A query naming
   * an id it never held (or long gone) is refused rather than answered for the whole population.
   */
  segmentOf(q: RankingQuery): ActiveSegment | null {
    if (!q.segment) return null;
    const s = findSegment(this.cols, q.segment);
    if (!s) throw new Error(`segment ${q.segment} is neither held nor recent (held: ${this.cols.segment?.id ?? 'none'})`);
    return s;
  }

  private build(q: RankingQuery, search: string, stage: Uint8Array, segment: ActiveSegment | null): RankingMask {
    const { n } = this.cols;
    if (!segment && q.stage < 0 && !q.techField && !q.city && !search && !q.flagged) return { mask: undefined, total: n };
    if (segment && q.stage < 0 && !q.techField && !q.city && !search && !q.flagged) return { mask: segment.mask, total: segment.count };
    const seg = segment?.mask;
    const tf = q.techField ? this.cols.techFields.indexOf(q.techField) : -1;
    const city = q.city ? this.cols.cities.indexOf(q.city) : -1;
    const hay = search ? this.searchText() : null;
    const mask = new Uint8Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      if (seg && !seg[r]) continue;
      if (q.stage >= 0 && stage[r] !== q.stage) continue;
      if (q.techField && this.cols.techField[r] !== tf) continue;
      if (q.city && this.cols.city[r] !== city) continue;
      if (hay && !hay[r].includes(search)) continue;
      if (q.flagged && !this.cols.flagged?.[r]) continue;
      mask[r] = 1;
      total++;
    }
    return { mask, total };
  }

  /** Lower-cased "name␟uscc" per row (the separator stops a match across the two), built on the first search. */
  private searchText(): string[] {
    this.haystack ??= this.cols.names.map((name, r) => `${name}\u001f${this.cols.usccs[r]}`.toLowerCase());
    return this.haystack;
  }
}
