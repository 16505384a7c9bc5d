import { isKnownHeader } from './header-match.ts';

/**
 * Finds the header row of a sheet or CSV that may start with a title row (often merged across
 * the columns): the first of the first `maxScan` rows where at least two cells are known headers.
 * Falls back to the first row with any non-empty cell. Returns an index into `rows`, or -1.
 */
export function findHeaderRow(rows: readonly (readonly (string | null)[])[], maxScan = 30): number {
  const limit = Math.min(rows.length, maxScan);
  for (let i = 0; i < limit; i++) {
    let known = 0;
    for (const cell of rows[i]) if (cell !== null && isKnownHeader(cell) && ++known >= 2) return i;
  }
  return rows.findIndex((r) => r.some((c) => c !== null && c.trim() !== ''));
}
