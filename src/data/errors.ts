/**
 * A file that cannot be used, with one clear sentence for the user (zh + en). Readers throw it;
 * the CLI prints `message` (English) and the workbench shows `zh` or `en`.
 */
export type DataErrorCode = 'not-found' | 'unreadable' | 'empty' | 'binary' | 'encoding' | 'no-header' | 'no-rows' | 'bad-xlsx' | 'bad-parquet' | 'bad-csv';

export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
    this.name = 'DataError';
  }
}
