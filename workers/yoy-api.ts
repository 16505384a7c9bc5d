import { transfer } from 'comlink';
import { bilingualError } from '../src/import/errors.ts';
import type { BuiltDataset, DemoRequest, LoadReport } from '../src/protocol/scoring.ts';
import { YOY_SLOPE_TOP, type YoyApi, type YoyPage, type YoyQuery, type YoyRequest, type YoyResult, type YoyRow, type YoySlopeRow, type YoySort } from '../src/protocol/yoy.ts';
import { pageOfOrder } from '../src/analysis/ranking-page.ts';
import { searchMask } from '../src/whatif/mc/list-table.ts';
import { buildList } from '../src/whatif/lists/index.ts';
import { toCsvBytes, toXlsx, provenanceNotes, weightsNoteTable } from '../src/whatif/export/index.ts';
import { flagCellText } from '../src/data/row-flags.ts';
import { linkYears, listedRows, segmentMoves, summarizeLink, topParts, YOY_STATUSES, type YearLink, type YearRun, type YoySummary } from '../src/whatif/yoy/year-on-year.ts';
import { yoyMask, yoyOrder, type YoyColumns } from '../src/whatif/yoy/yoy-table.ts';
import { yoyExportTable } from '../src/whatif/yoy/yoy-export.ts';
import { YOY } from '../src/i18n/yoy.ts';
import { segmentNamesScore } from '../src/segment/columns.ts';
import { datasetFromEngine, listGroups, type Dataset, type DatasetMeta } from './dataset.ts';
import { ScoringSession } from './scoring-session.ts';
import { runKey } from '../src/systems/run-key.ts';
import { previousScenario } from '../src/whatif/yoy/previous-scenario.ts';
import { heldSegment, scoreTableOf, segmentColumnsOf, segmentMask, segmentTableOf } from './segment-api.ts';
import type { Scenario } from '../src/engine/index.ts';

/**
 * Last year's scenario: the current one with its own as-of date (the end of its evaluation year),
 * so that each year's stages are those of its own year.
 */

interface Held {
  key: string;
  cur: Dataset;
  prev: Dataset;
  link: YearLink;
  cols: YoyColumns & { score: Float64Array; scorePrev: Float64Array; vetoed: Uint8Array; vetoedPrev: Uint8Array };
  summary: YoySummary;
  /** With a segment: the enterprises of both years that moved into or out of it (segmentMoves). */
  moves: { into: number; outOf: number } | null;
  slope: YoySlopeRow[];
  asOfPrev: YoyResult['asOfPrev'];
  orders: Map<YoySort, Uint32Array>;
  indicatorIds: string[];
  ms: { score: number; link: number };
  sc: ReturnType<ScoringSession['score']>;
}

/**
 * Year on year (年度对比) in the scoring worker: it holds last year's data set beside the current
 * one, scores both under the same scenario, links them (src/whatif/yoy) and pages the table.
 */
export function yoyApi(
  state: () => { ds: Dataset; session: ScoringSession },
  load: { demo: (req: DemoRequest) => { engine: BuiltDataset['engine']; meta: DatasetMeta }; receive: (port: MessagePort) => Promise<BuiltDataset> },
): YoyApi {
  let previous: { ds: Dataset; session: ScoringSession } | null = null;
  let held: Held | null = null;
  /** The comparison year's rows of the segment (setPreviousSegment). */
  let prevSegment: { id: number; mask: Uint8Array; count: number } | null = null;

  const needPrevious = () => {
    if (!previous) throw bilingualError('yoy-no-previous', { zh: '年度对比：请先选择上一年度的数据集。', en: 'Year on year: choose the previous year’s data set first.' });
    return previous;
  };
  /** Last year's scenario: the current one with its as-of date moved back by the years between the data sets. */
  const previousOf = (scenario: Scenario, ds: Dataset, prev: Dataset) => {
    const years = ds.evalYear - prev.evalYear;
    return previousScenario(scenario, prev.engine.regDays, years >= 1 ? years : 1);
  };

  const hold = (engine: BuiltDataset['engine'], meta: DatasetMeta): LoadReport => {
    const { dataset, report } = datasetFromEngine(engine, meta);
    previous = { ds: dataset, session: new ScoringSession(dataset.engine) };
    held = null;
    prevSegment = null;
    return report;
  };

  const compute = (req: YoyRequest): Held => {
    const { ds, session } = state();
    const previous = needPrevious();
    const key = runKey([req.scenario, req.rule, req.segment?.id ?? 0, req.segment?.previous ?? 0]);
    if (held && held.key === key && held.cur === ds && held.prev === previous.ds) return held;
    // The segment in each year's own data: this year's as held for the ranking, last year's as set for it.
    let within: { current: Uint8Array; previous: Uint8Array } | undefined;
    if (req.segment) {
      if (prevSegment?.id !== req.segment.previous)
        throw bilingualError('segment-stale', { zh: '细分范围已更改，正在按新的范围重新计算。', en: 'The segment has changed; recomputing for the new one.' });
      within = { current: heldSegment(ds, req.segment).mask, previous: prevSegment.mask };
    }
    const t0 = performance.now();
    const a = session.score(req.scenario);
    const prevScenario = previousOf(req.scenario, ds, previous.ds);
    const b = previous.session.score(prevScenario.scenario);
    const t1 = performance.now();
    const la = buildList(a.prepared, a.result, req.rule, { ...listGroups(ds), ...(within ? { within: within.current } : {}) });
    const lb = buildList(b.prepared, b.result, req.rule, { ...listGroups(previous.ds), ...(within ? { within: within.previous } : {}) });
    const cur: YearRun = { usccs: ds.usccs, prepared: a.prepared, weights: a.weights, result: a.result, listed: listedRows(la.entries, ds.n) };
    const prv: YearRun = { usccs: previous.ds.usccs, prepared: b.prepared, weights: b.weights, result: b.result, listed: listedRows(lb.entries, previous.ds.n) };
    const link = linkYears(cur, prv, within);
    const summary = summarizeLink(link, cur, prv);
    const moves = within ? segmentMoves(link, within) : null;
    // Copies: the session rescoring the current scenario in place must not change a held comparison.
    const cols = {
      link,
      stage: a.prepared.stage.slice(),
      stagePrev: b.prepared.stage.slice(),
      rank: a.result.rank.slice(),
      rankPrev: b.result.rank.slice(),
      score: a.result.score.slice(),
      scorePrev: b.result.score.slice(),
      vetoed: a.result.vetoed.slice(),
      vetoedPrev: b.result.vetoed.slice(),
    };
    const top = (entries: typeof la.entries) => [...entries].sort((x, y) => x.rank - y.rank || x.row - y.row).slice(0, YOY_SLOPE_TOP);
    const ofCur = new Map<number, number>();
    const ofPrev = new Map<number, number>();
    for (let e = 0; e < link.count; e++) {
      if (link.cur[e] >= 0) ofCur.set(link.cur[e], e);
      if (link.prev[e] >= 0) ofPrev.set(link.prev[e], e);
    }
    const slopeOf = new Set<number>([...top(la.entries).map((x) => ofCur.get(x.row)!), ...top(lb.entries).map((x) => ofPrev.get(x.row)!)]);
    const slope = [...slopeOf].map((e) => ({
      name: link.cur[e] >= 0 ? ds.names[link.cur[e]] : previous!.ds.names[link.prev[e]],
      rank: link.cur[e] >= 0 ? cols.rank[link.cur[e]] : null,
      rankPrev: link.prev[e] >= 0 ? cols.rankPrev[link.prev[e]] : null,
      status: YOY_STATUSES[link.status[e]],
    }));
    held = {
      key,
      cur: ds,
      prev: previous.ds,
      link,
      cols,
      summary,
      moves,
      slope,
      orders: new Map(),
      indicatorIds: a.system.indicators.map((i) => i.id),
      ms: { score: t1 - t0, link: performance.now() - t1 },
      sc: a,
      asOfPrev: { used: prevScenario.asOf, refused: prevScenario.refused },
    };
    return held;
  };

  const row = (h: Held, e: number): YoyRow => {
    const c = h.link.cur[e];
    const p = h.link.prev[e];
    const { cols } = h;
    return {
      name: c >= 0 ? h.cur.names[c] : h.prev.names[p],
      uscc: c >= 0 ? h.cur.usccs[c] : h.prev.usccs[p],
      stage: c >= 0 ? cols.stage[c] : -1,
      stagePrev: p >= 0 ? cols.stagePrev[p] : -1,
      score: c >= 0 ? cols.score[c] : NaN,
      scorePrev: p >= 0 ? cols.scorePrev[p] : NaN,
      dScore: h.link.dScore[e],
      rank: c >= 0 ? cols.rank[c] : 0,
      rankPrev: p >= 0 ? cols.rankPrev[p] : 0,
      vetoed: c >= 0 && cols.vetoed[c] === 1,
      vetoedPrev: p >= 0 && cols.vetoedPrev[p] === 1,
      status: YOY_STATUSES[h.link.status[e]],
      parts: topParts(h.link, h.indicatorIds, e),
      ...(c >= 0 && h.cur.flagged[c] ? { flags: h.cur.flagsOf(c) } : {}),
    };
  };

  const orderOf = (h: Held, sort: YoySort) => {
    let o = h.orders.get(sort);
    if (!o) h.orders.set(sort, (o = yoyOrder(h.cols, sort)));
    return o;
  };

  const page = (h: Held, q: YoyQuery): YoyPage => {
    const curFound = searchMask(q.search, h.cur.names, h.cur.usccs);
    const prevFound = curFound ? searchMask(q.search, h.prev.names, h.prev.usccs) : null;
    const search = curFound ? (e: number) => (h.link.cur[e] >= 0 ? curFound.mask[h.link.cur[e]] === 1 : prevFound!.mask[h.link.prev[e]] === 1) : undefined;
    const { mask, total } = yoyMask(h.cols, q.filter, search);
    const offset = Math.max(0, Math.min(q.offset, Math.max(0, total - 1)));
    const rows = pageOfOrder(orderOf(h, q.sort), offset, q.limit, mask).map((e) => row(h, e));
    return { total, offset, rows };
  };

  return {
    async loadPreviousDemo(req) {
      const { engine, meta } = load.demo(req);
      return hold(engine, meta);
    },

    async adoptPrevious(port) {
      const built = await load.receive(port);
      return hold(built.engine, built);
    },

    async dropPrevious() {
      previous = null;
      held = null;
      prevSegment = null;
    },

    async previousSegmentColumns() {
      return segmentColumnsOf(needPrevious().ds);
    },

    async previousSegmentTable(ids) {
      return segmentTableOf(needPrevious().ds, ids);
    },

    async previousSegmentScores(scenario) {
      const prev = needPrevious();
      return scoreTableOf(prev.session.score(previousOf(scenario, state().ds, prev.ds).scenario).result.score);
    },

    async setPreviousSegment(req) {
      const prev = needPrevious();
      held = null;
      if (!req) {
        prevSegment = null;
        return { count: prev.ds.n };
      }
      prevSegment = { id: req.id, mask: segmentMask(prev.ds.n, req.rows), count: req.rows.length };
      return { count: req.rows.length };
    },

    async yoyCompare(q) {
      const h = compute(q);
      return {
        years: { current: h.cur.evalYear, previous: h.prev.evalYear },
        sources: { current: h.cur.source, previous: h.prev.source },
        summary: h.summary,
        slope: h.slope,
        page: page(h, q),
        ms: h.ms,
        asOfPrev: h.asOfPrev,
        ...(q.segment && prevSegment && h.moves
          ? { segment: { condition: q.segment.condition, count: heldSegment(h.cur, q.segment).count, countPrev: prevSegment.count, ...h.moves } }
          : {}),
      };
    },

    async yoyExport(req) {
      const h = compute(req);
      const lang = req.lang ?? 'zh';
      const notes = provenanceNotes(
        {
          system: h.sc.system,
          weights: h.sc.weights,
          normalization: h.sc.normalization,
          scenarioName: req.scenarioName,
          datasetName: req.datasetName,
          listDescription: req.listDescription,
          exportedAt: req.exportedAt,
          rows: h.link.count,
          quality: req.quality,
          ...(req.segment ? { segment: req.segment.condition } : {}),
        },
        lang,
      );
      notes.splice(notes.length - 1, 0, ['上一年度数据 Previous year', `${h.prev.source.name} (${h.prev.evalYear})`], ['', YOY[lang].exportNote]);
      if (req.segment && prevSegment) {
        notes.splice(notes.length - 1, 0, ['', YOY[lang].segmentNote(String(prevSegment.count))]);
        if (segmentNamesScore(req.segment.condition)) notes.splice(notes.length - 1, 0, ['', YOY[lang].segmentScorePrev]);
      }
      const order = orderOf(h, 'rank');
      const rows = Array.from(order, (e) => row(h, e));
      const table = yoyExportTable(rows, {
        system: h.sc.system,
        flagText: (r) => (r.flags ? flagCellText(r.flags, lang) : ''),
        notes,
        noteTables: [weightsNoteTable(h.sc.system, h.sc.weights, lang)],
        lang,
      });
      const bytes = req.format === 'csv' ? toCsvBytes(table) : toXlsx(table);
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },
  };
}
