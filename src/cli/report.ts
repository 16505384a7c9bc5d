import { REASON_TEXT, type DataWarning, type EngineDataset } from '../data/index.ts';
import type { ColumnMapping } from '../data/mapping.ts';

/** stderr lines of a run: exclusions (scoring.md §8 format), then notes and capped warnings. */

const MAX_WARNINGS = 50;

/** A code as printed in an `excluded` line: `-` when empty; inner whitespace as `_` keeps one token. */
function token(code: string): string {
  return code === '' ? '-' : code.replace(/\s+/g, '_');
}

export function exclusionLines(data: EngineDataset): string[] {
  return data.excluded.map((e) => `excluded ${e.row} ${token(e.uscc)} ${REASON_TEXT[e.reason]}`);
}

export function mappingNotes(mapping: ColumnMapping): string[] {
  const out: string[] = [];
  for (const i of mapping.personal) out.push(`note personal-data column "${mapping.headers[i]}" dropped (not read, not written)`);
  // Fields on several columns: buildDataset uses identical ones (its mappingNotes) or refuses.
  return out;
}

export function warningLines(warnings: readonly DataWarning[], total = warnings.length): string[] {
  const shown = warnings.slice(0, MAX_WARNINGS);
  const out = shown.map((w) => `warning ${w.message.en}`);
  if (total > shown.length) out.push(`warning … and ${total - shown.length} more warnings`);
  return out;
}
