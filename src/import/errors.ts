import type { Label } from '../engine/types.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * A failure of an import as one sentence in both languages, plus the details a 详情 disclosure
 * shows on request (src/data/errors.ts). The import worker sends a DataError as an Error whose
 * message is `code|en|zh`, then, when it has details, DETAILS_MARK + details zh + DETAILS_MARK +
 * details en (structured clone keeps only the message); anything else is shown as it is.
 */
export interface ImportError extends Label {
  details?: Label;
}

/** Separates the sentence from its details in a DataError crossing the worker boundary. */
export const DETAILS_MARK = '\u001f';

export function encodeDataError(e: { code: string; en: string; zh: string; details?: Label }): string {
  const head = `${e.code}|${e.en}|${e.zh}`;
  return e.details ? `${head}${DETAILS_MARK}${e.details.zh}${DETAILS_MARK}${e.details.en}` : head;
}

/**
 * An error a worker throws for the screen, in both languages (the same `code|en|zh` message as a
 * DataError), so the page shows it in the reader's language.
 */
export function bilingualError(code: string, label: Label): Error {
  return new Error(encodeDataError({ code, ...label }));
}

/** The code of a bilingual error message ('' for any other message). */
export function errorCode(message: string): string {
  const parts = message.split(DETAILS_MARK)[0].split('|');
  return parts.length >= 3 ? parts[0] : '';
}

/** A message that reached the page from a worker, in `lang` (a message in one language as it is). */
export function errorText(message: string | null | undefined, lang: Lang): string {
  return message ? importErrorLabel(message)[lang] : '';
}

export function importErrorLabel(err: unknown): ImportError {
  const message = err instanceof Error ? err.message : String(err);
  const [head, detailsZh, detailsEn] = message.split(DETAILS_MARK);
  const parts = head.split('|');
  if (parts.length >= 3) {
    const out: ImportError = { en: parts[1], zh: parts.slice(2).join('|') };
    if (detailsZh !== undefined) out.details = { zh: detailsZh, en: detailsEn ?? detailsZh };
    return out;
  }
  return { en: message, zh: message };
}
