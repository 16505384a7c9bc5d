import { formatNumber } from './format-number.ts';

/** The OUT.csv header, exactly (scoring.md §8). */
export const OUTPUT_HEADER = 'uscc,stage,base,bonus,vetoed,score,rank,stage_rank';

export interface OutputColumns {
  uscc: readonly string[];
  /** Stage id per row. */
  stage: readonly string[];
  base: ArrayLike<number>;
  bonus: ArrayLike<number>;
  score: ArrayLike<number>;
  vetoed: ArrayLike<number>;
  rank: ArrayLike<number>;
  stageRank: ArrayLike<number>;
}

/** Row indices by score descending, then uscc ascending (a total order: codes are unique). */
export function outputOrder(score: ArrayLike<number>, uscc: readonly string[], rank?: ArrayLike<number>): Uint32Array {
  if (rank) {
    const byRank = orderByRank(score, uscc, rank);
    if (byRank) return byRank;
  }
  const idx = Array.from({ length: score.length }, (_, i) => i);
  idx.sort((a, b) => {
    const d = score[b] - score[a];
    if (d !== 0) return d;
    return uscc[a] < uscc[b] ? -1 : uscc[a] > uscc[b] ? 1 : 0;
  });
  return Uint32Array.from(idx);
}

/**
 * The same order from the engine's competition ranks, without a comparison sort of a million
 * rows (the comparator sort was ~0.5 s): a counting sort by rank (1…n), rows of one rank (equal
 * scores) ordered by uscc. The result is then checked pair by pair to be strictly ordered by
 * (score descending, uscc ascending); a strict order has one sorted permutation only, so a
 * result that passes is exactly the comparator sort's. Undefined when the check fails (NaN
 * scores, equal codes, ranks that do not follow the scores): the caller then sorts.
 */
export function orderByRank(score: ArrayLike<number>, uscc: readonly string[], rank: ArrayLike<number>): Uint32Array | undefined {
  const n = score.length;
  const start = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) {
    const r = rank[i];
    if (!(r >= 1 && r <= n) || r !== Math.floor(r)) return undefined;
    start[r + 1]++;
  }
  for (let r = 1; r <= n + 1; r++) start[r] += start[r - 1];
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[start[rank[i]]++] = i;
  // Rows of one rank are adjacent now; order each run of more than one row by code.
  for (let p = 0; p < n;) {
    let q = p + 1;
    while (q < n && rank[order[q]] === rank[order[p]]) q++;
    if (q - p > 1) order.subarray(p, q).sort((a, b) => (uscc[a] < uscc[b] ? -1 : uscc[a] > uscc[b] ? 1 : 0));
    p = q;
  }
  for (let p = 1; p < n; p++) {
    const a = order[p - 1];
    const b = order[p];
    if (!(score[a] > score[b] || (score[a] === score[b] && uscc[a] < uscc[b]))) return undefined;
  }
  return order;
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole OUT.csv text: UTF-8, `\n` line ends, one line per scored row in output order. */
export function formatOutputCsv(c: OutputColumns): string {
  const order = outputOrder(c.score, c.uscc, c.rank);
  const lines = [OUTPUT_HEADER];
  for (const i of order) {
    // An array joined per line measured faster than one template literal per line (V8 builds
    // those as rope strings that the final join then has to flatten).
    lines.push(
      [
        field(c.uscc[i]),
        field(c.stage[i]),
        formatNumber(c.base[i]),
        formatNumber(c.bonus[i]),
        c.vetoed[i] ? 'true' : 'false',
        formatNumber(c.score[i]),
        String(c.rank[i]),
        String(c.stageRank[i]),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
