/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { buildDataset } from '../src/data/build-dataset.ts';
import { DataError } from '../src/data/errors.ts';
import { matchHeaders } from '../src/data/header-match.ts';
import type { RawTable } from '../src/data/raw-table.ts';
import { validationReport } from '../src/data/validation-report.ts';
import { daysFromCivil } from '../src/engine/calendar.ts';
import { encodeDataError } from '../src/import/errors.ts';
import type { ImportApi } from '../src/protocol/import.ts';
import { rawTableFromIPC } from './arrow-raw.ts';
import { parseFile } from './import/parse-file.ts';

/**
 * The import worker: parses a user's file off the main thread, then holds its raw table while the
 * user reviews the column mapping, and validates it with src/data's logic (the CLI's rules).
 * A DataError crosses as a plain Error whose message is `code|en|zh` and its details (see src/import/errors.ts).
 */
let raw: RawTable | null = null;
const SAMPLE_ROWS = 5;

function wrap<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((e: unknown) => {
    if (e instanceof DataError) throw new Error(encodeDataError(e));
    throw e;
  });
}

const api: ImportApi = {
  parse: (file, name, options, onProgress) => wrap(() => parseFile(file, name, options, onProgress)),

  ingest: (ipc, required, extensions) =>
    wrap(async () => {
      let table: RawTable;
      try {
        table = rawTableFromIPC(ipc, { format: 'csv' });
      } catch {
        throw new DataError('empty', 'The file has no header row and no data.', '文件为空，没有表头也没有数据。');
      }
      if (table.headers.every((h) => h === '')) throw new DataError('no-header', 'The file has no header row.', '文件没有表头行。');
      if (table.rowNumbers.length === 0) throw new DataError('no-rows', 'The file has a header row but no data rows.', '文件只有表头，没有数据行。');
      raw = table;
      const mapping = matchHeaders(table.headers, { required, extensions });
      const personal = new Set(mapping.personal);
      const samples = table.columns.map((c, j) => (personal.has(j) ? c.slice(0, SAMPLE_ROWS).map(() => null) : c.slice(0, SAMPLE_ROWS)));
      // The decoded table holds strings, not views of the bytes: give the bytes back for scoring.
      const preview = { headers: table.headers, headerRowNumber: table.headerRowNumber, rows: table.rowNumbers.length, mapping, samples, ipc };
      return transfer(preview, [ipc.buffer]);
    }),

  duplicate: async (ipc) => {
    const copy = ipc.slice();
    return transfer({ original: ipc, copy }, [ipc.buffer, copy.buffer]);
  },

  validate: ({ mapping, evalYear, keepInvalidUscc }) =>
    wrap(async () => {
      if (!raw) throw new Error('no file ingested');
      const t = raw;
      const ds = buildDataset(t, mapping, { asOfDays: daysFromCivil(evalYear, 12, 31), keepInvalidUscc });
      return validationReport(ds, (f) => (mapping.fields[f] === undefined ? undefined : t.headers[mapping.fields[f]]));
    }),
};

expose(api);
