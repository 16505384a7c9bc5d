import { transfer } from 'comlink';
import { bilingualError } from '../src/import/errors.ts';
import { dataColumns, segmentColumns } from '../src/segment/columns.ts';
import { segmentFacets } from '../src/segment/facets.ts';
import type { SegmentApi } from '../src/protocol/scoring.ts';
import type { SegmentColumnDef } from '../src/segment/columns.ts';
import type { SegmentRef } from '../src/protocol/whatif.ts';
import type { Scenario } from '../src/engine/index.ts';
import { findSegment, type ActiveSegment } from '../src/analysis/ranking-filter.ts';
import type { Dataset } from './dataset.ts';

/**
 * The scoring worker's side of segments (细分范围): the population as the segment table (built
 * here, queried by the page's locked DuckDB-wasm, src/db/segment-db.ts), and the rows a checked
 * condition selected, held as a mask that ranking queries name by id.
 */
/** How many replaced segments stay answerable (a mask is one byte per row). */
const RECENT_SEGMENTS = 3;

/** The columns a condition may name on `ds` (the segment table's, and `score`). */
export function segmentColumnsOf(ds: Dataset): SegmentColumnDef[] {
  return segmentColumns(Object.keys(ds.segmentText), Object.keys(ds.engine.columns));
}

/** `ds` as the segment table with `row_id` and the columns `ids` (Arrow IPC, transferred). */
export async function segmentTableOf(ds: Dataset, ids: readonly string[]): Promise<Uint8Array> {
  const wanted = new Set(ids);
  // `score` is never a column of this table (columns.ts SEGMENT_SCORE): segmentScores gives it.
  const columns = dataColumns(segmentColumnsOf(ds)).filter((c) => wanted.has(c.id));
  // Arrow is loaded on first use only: most sessions never define a segment.
  const { segmentArrowIPC } = await import('../src/segment/arrow-table.ts');
  const ipc = segmentArrowIPC({ n: ds.n, columns: ds.engine.columns, regDays: ds.engine.regDays, text: ds.segmentText }, columns);
  return transfer(ipc, [ipc.buffer as ArrayBuffer]);
}

/** Scores as the score table (Arrow IPC, transferred). */
export async function scoreTableOf(score: Float64Array): Promise<Uint8Array> {
  const { scoreArrowIPC } = await import('../src/segment/arrow-table.ts');
  const ipc = scoreArrowIPC(score);
  return transfer(ipc, [ipc.buffer as ArrayBuffer]);
}

/** The mask of a condition's rows on a population of `n` (a row beyond it: apply again). */
export function segmentMask(n: number, rows: Uint32Array): Uint8Array {
  const mask = new Uint8Array(n);
  for (const r of rows) {
    if (r >= n)
      throw bilingualError('segment-rows', {
        zh: '细分范围的行号超出了当前数据：请重新应用条件。',
        en: 'The segment names rows beyond the current dataset: apply the condition again.',
      });
    mask[r] = 1;
  }
  return mask;
}

export function segmentApi(data: () => Dataset, scores: (scenario: Scenario) => Float64Array): SegmentApi {
  return {
    async segmentColumns() {
      return segmentColumnsOf(data());
    },

    async segmentTable(ids) {
      return segmentTableOf(data(), ids);
    },

    async segmentScores(scenario) {
      return scoreTableOf(scores(scenario));
    },

    async segmentFacets() {
      return segmentFacets(data().segmentText);
    },

    async setSegment(req) {
      const ds = data();
      // Requests already sent may still name the segment replaced here: keep the last few.
      if (ds.segment) ds.recentSegments = [ds.segment, ...ds.recentSegments].slice(0, RECENT_SEGMENTS);
      if (!req) {
        ds.segment = null;
        return { count: ds.n };
      }
      const mask = segmentMask(ds.n, req.rows);
      ds.segment = { id: req.id, mask, count: req.rows.length };
      return { count: req.rows.length };
    },
  };
}

/**
 * The segment a request names, when it is held or was just before (the request was sent before
 * the change; its answer is superseded); otherwise it is refused, never answered for other rows.
 */
export function heldSegment(ds: Dataset, ref: SegmentRef): ActiveSegment {
  const s = findSegment(ds, ref.id);
  if (!s)
    throw bilingualError('segment-stale', {
      zh: '细分范围已更改，正在按新的范围重新计算。',
      en: 'The segment has changed; recomputing for the new one.',
    });
  return s;
}
