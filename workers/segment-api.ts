import { transfer } from 'comlink';
import { bilingualError } from '../src/import/errors.ts';
import { dataColumns, segmentColumns } from '../src/segment/columns.ts';
import { segmentFacets } from '../src/segment/facets.ts';
import type { SegmentApi } from '../src/protocol/scoring.ts';
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

export function segmentApi(data: () => Dataset, scores: (scenario: Scenario) => Float64Array): SegmentApi {
  return {
    async segmentColumns() {
      const ds = data();
      return segmentColumns(Object.keys(ds.segmentText), Object.keys(ds.engine.columns));
    },

    async segmentTable(ids) {
      const ds = data();
      const wanted = new Set(ids);
      // `score` is never a column of this table (columns.ts SEGMENT_SCORE): segmentScores gives it.
      const columns = dataColumns(segmentColumns(Object.keys(ds.segmentText), Object.keys(ds.engine.columns))).filter((c) => wanted.has(c.id));
      // Arrow is loaded on first use only: most sessions never define a segment.
      const { segmentArrowIPC } = await import('../src/segment/arrow-table.ts');
      const ipc = segmentArrowIPC({ n: ds.n, columns: ds.engine.columns, regDays: ds.engine.regDays, text: ds.segmentText }, columns);
      return transfer(ipc, [ipc.buffer as ArrayBuffer]);
    },

    async segmentScores(scenario) {
      const { scoreArrowIPC } = await import('../src/segment/arrow-table.ts');
      const ipc = scoreArrowIPC(scores(scenario));
      return transfer(ipc, [ipc.buffer as ArrayBuffer]);
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
      const mask = new Uint8Array(ds.n);
      for (const r of req.rows) {
        if (r >= ds.n)
          throw bilingualError('segment-rows', {
            zh: '细分范围的行号超出了当前数据：请重新应用条件。',
            en: 'The segment names rows beyond the current dataset: apply the condition again.',
          });
        mask[r] = 1;
      }
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
