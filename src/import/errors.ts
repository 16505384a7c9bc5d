import type { Label } from '../engine/types.ts';

/**
 * A failure of an import as one sentence in both languages. The import worker sends a DataError
 * as an Error whose message is `code|en|zh` (structured clone keeps only the message); anything
 * else is shown as it is.
 */
export function importErrorLabel(err: unknown): Label {
  const message = err instanceof Error ? err.message : String(err);
  const parts = message.split('|');
  if (parts.length >= 3) return { en: parts[1], zh: parts.slice(2).join('|') };
  return { en: message, zh: message };
}
