import type { Label } from '../engine/types.ts';

/**
 * A file that cannot be used. `en` / `zh` are one short sentence for the user: what is wrong and
 * what to do (the CLI prints `en`, the workbench shows `zh` or `en`). Everything longer — the full
 * list of missing fields, the conflicting rows, the internal error text of a reader — goes in
 * `details`, shown only on request (the CLI's `--verbose`, the workbench's 详情 disclosure), so a
 * refusal stays readable and never shows an internal message such as "Cannot read properties of
 * undefined" as its sentence (issue 9, class 7).
 */
export type DataErrorCode = 'not-found' | 'unreadable' | 'empty' | 'binary' | 'encoding' | 'no-header' | 'no-rows' | 'bad-xlsx' | 'bad-parquet' | 'bad-csv' | 'duplicate-field';

export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    readonly en: string,
    readonly zh: string,
    /** Longer explanation for those who ask (zh + en; may span several lines). */
    readonly details?: Label,
  ) {
    super(en);
    this.name = 'DataError';
  }
}

/** The first line of an internal error's text, for `details` only (never the short sentence). */
export function internalText(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/** `details` holding an internal error text, in both languages. */
export function internalDetails(e: unknown): Label {
  const why = internalText(e);
  return { zh: `内部错误：${why}`, en: `internal error: ${why}` };
}
