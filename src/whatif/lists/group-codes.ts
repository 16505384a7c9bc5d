/**
 * A text column as a dictionary (the scoring worker's `techField`/`techFields` shape): one code
 * per row into `values`. Rows with an empty value form their own group '' (the UI labels it 未填).
 */
export interface GroupCodes {
  codes: ArrayLike<number>;
  values: readonly string[];
}

/** Builds a dictionary from one string per row (missing → ''); values in first-seen order. */
export function groupCodesFrom(strings: readonly (string | null | undefined)[]): GroupCodes {
  const index = new Map<string, number>();
  const values: string[] = [];
  const codes = new Int32Array(strings.length);
  strings.forEach((s, r) => {
    const v = s ?? '';
    let c = index.get(v);
    if (c === undefined) {
      c = values.length;
      index.set(v, c);
      values.push(v);
    }
    codes[r] = c;
  });
  return { codes, values };
}

/**
 * Competition ranks ("1224") within each group, from rows already ordered by score descending
 * (`order`, as rescore returns it). O(n), no allocation: `seen`, `lastScore`, `lastRank` are
 * scratch arrays of at least `values.length` entries.
 */
export function groupRanks(
  order: ArrayLike<number>,
  score: ArrayLike<number>,
  codes: ArrayLike<number>,
  out: Int32Array,
  seen: Int32Array,
  lastScore: Float64Array,
  lastRank: Int32Array,
): void {
  seen.fill(0);
  for (let p = 0; p < order.length; p++) {
    const r = order[p];
    const g = codes[r];
    const v = score[r];
    const c = ++seen[g];
    if (c === 1 || v !== lastScore[g]) lastRank[g] = c;
    lastScore[g] = v;
    out[r] = lastRank[g];
  }
}

/** Number of rows per code. */
export function groupSizes(codes: ArrayLike<number>, groups: number): Int32Array {
  const size = new Int32Array(groups);
  for (let r = 0; r < codes.length; r++) size[codes[r]]++;
  return size;
}
