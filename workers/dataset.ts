import type { ActiveSegment } from '../src/analysis/ranking-filter.ts';
import { SEGMENT_TEXT_FIELDS } from '../src/segment/columns.ts';
import type { TextDictionary } from '../src/segment/dictionary.ts';
import type { EngineDataset } from '../src/data/build-dataset.ts';
import type { ColumnMapping } from '../src/data/mapping.ts';
import type { Label } from '../src/engine/index.ts';
import type { DatasetSource, LoadReport, LoadTimings } from '../src/protocol/scoring.ts';
import { datasetFingerprint } from '../src/data/dataset-fingerprint.ts';
import { flaggedMask, rowFlagMessages } from '../src/data/row-flags.ts';
import type { ListGroups } from '../src/whatif/lists/index.ts';

/** The population held by the scoring worker: engine columns plus what the ranking shows. */
export interface Dataset {
  engine: EngineDataset;
  n: number;
  names: string[];
  usccs: string[];
  /** Index into `techFields` / `cities` per row (0 = empty value). */
  techField: Uint16Array;
  techFields: string[];
  city: Uint16Array;
  cities: string[];
  /** 1 per row with a data-quality flag (the ranking's 有数据提示 filter). */
  flagged: Uint8Array;
  /** The row's flag messages (数据提示). */
  flagsOf: (r: number) => Label[];
  /** The text fields a segment condition may test (src/segment/columns.ts). */
  segmentText: Record<string, readonly string[] | TextDictionary>;
  /** The active segment (细分范围): its id and a byte per row; null = the whole population. */
  segment: ActiveSegment | null;
  /** The last segments replaced or cleared, newest first (src/analysis/ranking-filter.ts findSegment). */
  recentSegments: ActiveSegment[];
  /** The evaluation year and where the data set came from, as loaded. */
  evalYear: number;
  source: DatasetSource;
}

/** The list groups (tech field, city) of a dataset's rows, for list rules scoped by them. */
export function listGroups(ds: Dataset): ListGroups {
  return { techField: { codes: ds.techField, values: ds.techFields }, city: { codes: ds.city, values: ds.cities } };
}

/** Distinct values as a dictionary: index per row, values sorted ('' first when present). */
function dictionary(values: readonly string[] | undefined, n: number): { codes: Uint16Array; values: string[] } {
  const vals = values ?? new Array<string>(n).fill('');
  const distinct = [...new Set(vals)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const index = new Map(distinct.map((v, i) => [v, i]));
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = index.get(vals[i]) ?? 0;
  return { codes, values: distinct };
}

const MAX_LISTED = 200;

export interface DatasetMeta {
  /** Dictionaries of the segment's text fields that `engine.text` does not carry (imports). */
  segmentText?: Record<string, TextDictionary>;
  headers: string[];
  mapping: ColumnMapping;
  source: DatasetSource;
  evalYear: number;
  timings: LoadTimings;
}

/** A built dataset (src/data's buildDataset) → what the ranking shows, and the load report. */
export function datasetFromEngine(engine: EngineDataset, meta: DatasetMeta): { dataset: Dataset; report: LoadReport } {
  const n = engine.n;
  const tf = dictionary(engine.text.tech_field, n);
  const city = dictionary(engine.text.city, n);
  const dataset: Dataset = {
    engine,
    n,
    names: engine.text.name ?? new Array<string>(n).fill(''),
    usccs: engine.text.uscc,
    techField: tf.codes,
    techFields: tf.values,
    city: city.codes,
    cities: city.values,
    flagged: flaggedMask(engine.rowFlags, n),
    flagsOf: (r) => rowFlagMessages(engine.rowFlags, engine.columns, r),
    segmentText: { ...Object.fromEntries(SEGMENT_TEXT_FIELDS.flatMap((f) => (engine.text[f] ? [[f, engine.text[f]]] : []))), ...meta.segmentText },
    segment: null,
    recentSegments: [],
    evalYear: meta.evalYear,
    source: meta.source,
  };
  const excludedByReason: Record<string, number> = {};
  for (const e of engine.excluded) excludedByReason[e.reason] = (excludedByReason[e.reason] ?? 0) + 1;
  const report: LoadReport = {
    source: meta.source,
    rowsLoaded: engine.totalRows,
    rowsScored: n,
    excludedByReason,
    excluded: engine.excluded.slice(0, MAX_LISTED).map((e) => ({ row: e.row, uscc: e.uscc, reason: e.reason, message: e.message })),
    unmatchedHeaders: meta.mapping.unmatched.map((i) => meta.headers[i]),
    droppedPersonal: meta.mapping.personal.map((i) => meta.headers[i]),
    warnings: summarizeWarnings(engine),
    techFields: tf.values.filter((v) => v !== ''),
    cities: city.values.filter((v) => v !== ''),
    evalYear: meta.evalYear,
    fieldsPresent: [...Object.keys(engine.columns), ...Object.keys(engine.text)].sort(),
    timings: meta.timings,
    fingerprint: datasetFingerprint(engine.text.uscc, meta.headers),
  };
  return { dataset, report };
}

/** Warnings grouped by code: one line per kind with its count and the first example. */
function summarizeWarnings(ds: EngineDataset): Label[] {
  const byCode = new Map<string, { count: number; first: Label }>();
  for (const w of ds.warnings) {
    const g = byCode.get(w.code);
    if (g) g.count++;
    else byCode.set(w.code, { count: 1, first: w.message });
  }
  return [...byCode.values()].map((g) => ({
    zh: g.count > 1 ? `${g.first.zh}（同类共 ${g.count} 处）` : g.first.zh,
    en: g.count > 1 ? `${g.first.en} (${g.count} such cells)` : g.first.en,
  }));
}
