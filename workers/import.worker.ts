/// <reference lib="webworker" />
import { expose } from 'comlink';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { typedTableFromArrow } from '../src/data/arrow-columns.ts';
import { buildDataset, type EngineDataset } from '../src/data/build-dataset.ts';
import { DataError } from '../src/data/errors.ts';
import type { ColumnMapping } from '../src/data/mapping.ts';
import type { RawTable, TypedRawTable } from '../src/data/raw-table.ts';
import { validationReport } from '../src/data/validation-report.ts';
import { computeRowFlags, type QualityResult } from '../src/data/row-flags.ts';
import { daysFromCivil } from '../src/engine/calendar.ts';
import { bilingualError, encodeDataError } from '../src/import/errors.ts';
import { saveDataset } from '../src/persist/datasets.ts';
import type { ImportApi, ValidateOptions } from '../src/protocol/import.ts';
import { encodeFields } from '../src/segment/dictionary.ts';
import { SEGMENT_DICTIONARY_FIELDS } from '../src/segment/columns.ts';
import { builtBuffers, SCORING_TEXT_FIELDS, type BuiltDataset } from '../src/protocol/scoring.ts';
import { storedGridIpc } from './import/grid-ipc.ts';
import { parseFile } from './import/parse-file.ts';

/**
 * The import worker (src/protocol/import.ts): parses a user's file off the main thread, holds its
 * table while the user reviews the column mapping, validates and builds the dataset with
 * src/data's logic (the CLI's rules), hands the built dataset to the scoring worker, and stores
 * the file without its personal data. A DataError crosses as a plain Error whose message is
 * `code|en|zh` and its details (see src/import/errors.ts).
 */
let table: TypedRawTable | null = null;
/** The table came from XLSX/Parquet/JSON (all text): it can be stored from here. */
let textTable: RawTable | null = null;
let built: { options: ValidateOptions; engine: EngineDataset; quality: QualityResult; ms: number } | null = null;
let lastOptions: ValidateOptions | null = null;

function wrap<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((e: unknown) => {
    if (e instanceof DataError) throw new Error(encodeDataError(e));
    throw e;
  });
}

function build(options: ValidateOptions): { engine: EngineDataset; quality: QualityResult } {
  if (!table) throw bilingualError('no-file', { zh: '没有待导入的文件：请重新选择文件。', en: 'No file held: choose the file again.' });
  lastOptions = options;
  const t0 = performance.now();
  const engine = buildDataset(table, options.mapping, { asOfDays: daysFromCivil(options.evalYear, 12, 31), keepInvalidUscc: options.keepInvalidUscc });
  // The flags travel with the rows to the scoring worker (ranking, profile, list exports).
  const { flags, quality } = computeRowFlags(engine, headerOf(options.mapping)(table));
  engine.rowFlags = flags;
  built = { options, engine, quality, ms: performance.now() - t0 };
  return { engine, quality };
}

/** "ARROW1" opens the IPC file format. */
const isIpcFile = (b: Uint8Array) => b.length > 6 && String.fromCharCode(...b.subarray(0, 6)) === 'ARROW1';
const asIpcStream = (b: Uint8Array) => (isIpcFile(b) ? tableToIPC(tableFromIPC(b), 'stream') : b);

const headerOf = (mapping: ColumnMapping) => (t: TypedRawTable) => (f: string) => (mapping.fields[f] === undefined ? undefined : t.headers[mapping.fields[f]]);

const api: ImportApi = {
  parse: (file, name, options, onProgress) =>
    wrap(async () => {
      table = textTable = null;
      built = lastOptions = null;
      const parsed = await parseFile(file, name, options, onProgress);
      if (parsed.kind === 'csv') return parsed;
      const { table: t, ...rest } = parsed;
      table = textTable = t;
      return rest;
    }),

  hold: ({ ipc, plan, widthIssues }) =>
    wrap(async () => {
      table = typedTableFromArrow(tableFromIPC(ipc), plan);
      if (widthIssues?.length) table.widthIssues = [...(table.widthIssues ?? []), ...widthIssues];
      textTable = null;
      built = null;
      return table.rowNumbers.length;
    }),

  validate: (options) =>
    wrap(async () => {
      const { engine, quality } = build(options);
      return validationReport(engine, headerOf(options.mapping)(table!), quality);
    }),

  handOff: ({ port, source, timings }) =>
    wrap(async () => {
      try {
        if (!built && lastOptions) build(lastOptions);
        if (!built) throw bilingualError('not-validated', { zh: '尚无核验完成的数据可载入：请先完成核验。', en: 'Nothing validated to hand over: finish the validation first.' });
        const { options, ms, engine } = built;
        built = null; // its buffers are transferred: a new score builds it again
        const text = Object.fromEntries(SCORING_TEXT_FIELDS.flatMap((f) => (engine.text[f] ? [[f, engine.text[f]]] : []))) as EngineDataset['text'];
        const data: BuiltDataset = {
          engine: { ...engine, text },
          headers: table!.headers,
          mapping: options.mapping,
          source,
          evalYear: options.evalYear,
          timings: { totalMs: timings.totalMs + ms, steps: [...timings.steps, { label: { zh: '核验与转换', en: 'validate and convert' }, ms }] },
          segmentText: encodeFields(engine.text, SEGMENT_DICTIONARY_FIELDS),
        };
        port.postMessage(data, builtBuffers(data));
      } catch (e) {
        port.postMessage({ error: e instanceof Error ? e.message : String(e) });
        throw e;
      } finally {
        port.close();
      }
    }),

  release: async () => {
    // After the hand-off, a table DuckDB can read again is not worth its memory here.
    if (!textTable) table = null;
    built = null;
  },

  keep: ({ info, grid, personal }) =>
    wrap(async () => {
      // DuckDB-wasm answers in the IPC file format; a stored grid is re-inserted with
      // insertArrowFromIPCStream, which reads the stream format only (Arrow copies, no decoding).
      const bytes = grid ? asIpcStream(grid) : textTable ? storedGridIpc(textTable, new Set(personal)) : null;
      if (!bytes) throw bilingualError('no-grid', { zh: '没有可保存的表格：请重新导入文件。', en: 'No table to store: import the file again.' });
      const widthIssues = grid ? undefined : textTable?.widthIssues;
      await saveDataset({ ...info, ...(widthIssues ? { widthIssues } : {}), grid: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    }),
};

expose(api);
