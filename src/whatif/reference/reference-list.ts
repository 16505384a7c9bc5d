import { normalizeUscc, usccProblem } from '../../data/uscc.ts';
import type { Explanation } from '../../engine/index.ts';
import { reasonsBetween, type ChangeReason } from '../compare/change-reasons.ts';
import type { ListEntry } from '../lists/build-list.ts';

/**
 * Reference lists (对照名单): a list of USCCs the user loads — last year's published whitelist, a
 * bank's current borrowers — set beside the list the current scenario draws.
 */

/** The codes of a reference file, in file order, and what was passed over. */
export interface ReferenceCodes {
  codes: string[];
  /** Codes that appeared more than once (counted once). */
  duplicates: number;
  /** Codes of the right shape whose check character is wrong (kept: they are matched as written). */
  badCheck: number;
}

// 18 characters of the USCC alphabet's superset, not inside a longer run of letters and digits.
const CODE = /(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/g;

/**
 * Every USCC in a reference file's text (a CSV's text, or an XLSX's cells joined by line breaks):
 * whatever its column, header or separator, a cell holding an 18-character code of the USCC
 * alphabet counts. Names, headers and numbers around it are not codes and are passed over.
 */
export function referenceCodes(text: string): ReferenceCodes {
  const seen = new Set<string>();
  let duplicates = 0;
  let badCheck = 0;
  for (const m of normalizeUscc(text).matchAll(CODE)) {
    const code = m[0];
    const problem = usccProblem(code);
    if (problem === 'charset') continue;
    if (seen.has(code)) {
      duplicates++;
      continue;
    }
    seen.add(code);
    if (problem === 'check-digit') badCheck++;
  }
  return { codes: [...seen], duplicates, badCheck };
}

export type ReferenceStatus = 'both' | 'added' | 'dropped' | 'outside';

export interface ReferenceRow {
  row: number;
  status: ReferenceStatus;
  /** The list's scope group of the row ('' for an overall list). */
  group: string;
  rank: number;
  score: number;
  vetoed: boolean;
  /**
   * For a dropped row: the items where it is furthest behind the last enterprise its group let
   * onto the list (its points − that enterprise's, most negative first; a veto first). Empty when
   * the group let no one on.
   */
  reasons: ChangeReason[];
  /** That last enterprise (the row at the cut-off), −1 when none. */
  cutoffRow: number;
}

export interface ReferenceComparison {
  /** Reference codes found in the scored population. */
  found: number;
  counts: Record<ReferenceStatus, number>;
  /** Reference codes not among the scored enterprises (not in the data, or excluded from scoring). */
  missing: string[];
  /** Dropped (by rank), then added (by rank), then both (by rank), then outside the segment. */
  rows: ReferenceRow[];
}

export interface ReferenceInput {
  codes: readonly string[];
  /** The scored population's codes, normalised, by row. */
  usccs: readonly string[];
  /** The current list. */
  entries: readonly ListEntry[];
  /** The list scope group of any row (the list's own grouping). */
  groupOf: (row: number) => string;
  /** The segment's rows, when the list is drawn from a segment. */
  within?: Uint8Array;
  rank: ArrayLike<number>;
  score: ArrayLike<number>;
  vetoed: ArrayLike<number>;
  explainRow: (row: number) => Explanation;
  /** How many reasons per dropped row (default 3). */
  reasons?: number;
}

const ORDER: Record<ReferenceStatus, number> = { dropped: 0, added: 1, both: 2, outside: 3 };

/**
 * Who is on both lists, who is new on the current one, who fell off it (with why: the items that
 * keep the enterprise below its group's cut-off), who is outside the segment the list is drawn
 * from, and which reference codes are not among the scored enterprises at all.
 */
export function compareReference(inp: ReferenceInput): ReferenceComparison {
  const rowOf = new Map<string, number>();
  inp.usccs.forEach((u, r) => rowOf.set(u, r));
  const onRef = new Set<number>();
  const missing: string[] = [];
  for (const c of inp.codes) {
    const r = rowOf.get(c);
    if (r === undefined) missing.push(c);
    else onRef.add(r);
  }
  const listed = new Set(inp.entries.map((e) => e.row));
  // The cut-off of each group: its lowest-scoring listed row (ties: the last listed).
  const cutoff = new Map<string, ListEntry>();
  for (const e of inp.entries) {
    const c = cutoff.get(e.group);
    if (!c || e.score <= c.score) cutoff.set(e.group, e);
  }
  const rows: ReferenceRow[] = [];
  const counts: Record<ReferenceStatus, number> = { both: 0, added: 0, dropped: 0, outside: 0 };
  const base = (row: number, status: ReferenceStatus): ReferenceRow => ({
    row,
    status,
    group: inp.groupOf(row),
    rank: inp.rank[row],
    score: inp.score[row],
    vetoed: inp.vetoed[row] === 1,
    reasons: [],
    cutoffRow: -1,
  });
  for (const r of onRef) {
    if (listed.has(r)) rows.push(base(r, 'both'));
    else if (inp.within && !inp.within[r]) rows.push(base(r, 'outside'));
    else {
      const out = base(r, 'dropped');
      const c = cutoff.get(out.group);
      if (c) {
        out.cutoffRow = c.row;
        out.reasons = reasonsBetween(inp.explainRow(c.row), inp.explainRow(r), inp.reasons ?? 3, true);
      }
      rows.push(out);
    }
  }
  for (const e of inp.entries) if (!onRef.has(e.row)) rows.push(base(e.row, 'added'));
  for (const x of rows) counts[x.status]++;
  rows.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.rank - b.rank || a.row - b.row);
  return { found: onRef.size, counts, missing, rows };
}
