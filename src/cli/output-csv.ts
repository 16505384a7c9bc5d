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
export function outputOrder(score: ArrayLike<number>, uscc: readonly string[]): Uint32Array {
  const idx = Array.from({ length: score.length }, (_, i) => i);
  idx.sort((a, b) => {
    const d = score[b] - score[a];
    if (d !== 0) return d;
    return uscc[a] < uscc[b] ? -1 : uscc[a] > uscc[b] ? 1 : 0;
  });
  return Uint32Array.from(idx);
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole OUT.csv text: UTF-8, `\n` line ends, one line per scored row in output order. */
export function formatOutputCsv(c: OutputColumns): string {
  const order = outputOrder(c.score, c.uscc);
  const lines = [OUTPUT_HEADER];
  for (const i of order) {
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
