import { matchHeaders } from '../data/header-match.ts';
import type { ImportPreview } from '../protocol/import.ts';

/** Sample cells shown per column in the mapping review. */
const SHOWN = 5;

/**
 * What the mapping review shows of a file: the automatic mapping of its headers and the first
 * few cells of each column, personal-data columns blanked (never shown).
 */
export function importPreview(
  headers: string[],
  headerRowNumber: number,
  sample: readonly (readonly (string | null)[])[],
  need: { required: string[]; extensions: string[] },
): ImportPreview {
  const mapping = matchHeaders(headers, { required: need.required, extensions: need.extensions });
  const personal = new Set(mapping.personal);
  const rows = sample.slice(0, SHOWN);
  const samples = headers.map((_, j) => rows.map((r) => (personal.has(j) ? null : (r[j] ?? null))));
  return { headers, headerRowNumber, mapping, samples };
}
