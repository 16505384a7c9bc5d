import { bilingualError } from '../src/import/errors.ts';
import { transfer } from 'comlink';
import { baselineScenario, explain, scoreScenario, systemFields, type Scenario } from '../src/engine/index.ts';
import { exportSystem, getSystem, listSystems } from '../src/systems/index.ts';
import {
  crossSystem as crossSystemStats,
  kendallTauB,
  listDiff,
  meanAbsRankShift,
  methodAgreement as methodAgreementStats,
  rankShiftGrid,
  spearman,
  weightDiff,
  type ListChange,
} from '../src/whatif/compare/index.ts';
import { provenanceNotes, toCsvBytes, toNotesCsvBytes, toXlsx, weightsNoteTable } from '../src/whatif/export/index.ts';
import { flagCellText } from '../src/data/row-flags.ts';
import { buildList, listTable, relendingEntries, type ListGroups, type ListRule } from '../src/whatif/lists/index.ts';
import { borderline } from '../src/whatif/borderline.ts';
import { publicationPack } from '../src/whatif/lists/publication-pack.ts';
import { compareReference } from '../src/whatif/reference/reference-list.ts';
import { referenceTable } from '../src/whatif/reference/reference-table.ts';
import { REFERENCE } from '../src/i18n/reference.ts';
import { auditExportTable, computeAudit, type Audit } from '../src/whatif/audit/index.ts';
import { oneAtATime } from '../src/whatif/sensitivity/index.ts';
import { mcListRow, mcOrder, searchMask, withinMask, type McSortKey } from '../src/whatif/mc/list-table.ts';
import { SegmentRanks } from '../src/whatif/mc/segment-ranks.ts';
import { mcExportTable } from '../src/whatif/mc/export-table.ts';
import { pageOfOrder } from '../src/analysis/ranking-page.ts';
import { EXPORTS } from '../src/i18n/exports.ts';
import { loadBuffers, preparedMatrix, type McLoadInput } from '../src/protocol/monte-carlo.ts';
import { listGroups, type Dataset } from './dataset.ts';
import type { ScoringSession } from './scoring-session.ts';
import { filterRows, subsetRanks } from './whatif-subset.ts';
import type { ListPageRow, McTableLoad, McTableQuery, McTableRow, NamedChange, ListExportMeta, ReferenceRequest, SegmentRef, WhatifApi } from '../src/protocol/whatif.ts';
import { heldSegment } from './segment-api.ts';
import { runKey } from '../src/systems/run-key.ts';

const plain = (a: ArrayLike<number>) => Array.from(a);

/**
 * The what-if methods of the scoring worker, over whatever dataset and session it holds now
 * (`state()` throws when none is loaded). All statistics are src/whatif's; this file only picks
 * the rows, adds names and keeps answers small.
 */
export function whatifApi(state: () => { ds: Dataset; session: ScoringSession }): WhatifApi {
  let listFor: Dataset | null = null;
  let listCache: ({ key: string } & ReturnType<typeof buildList>) | null = null;

  const need = () => {
    const { ds, session } = state();
    if (listFor !== ds) {
      listFor = ds;
      listCache = null;
    }
    return { ds, session, scorer: session };
  };
  // The last Monte Carlo run's per-row results, for the dataset they were computed on, and its
  // sort orders (built on first use: a 1M-row sort is done once, not per page).
  /**
   * `system`: the run's system as it was when the run read its data (exportSystem's JSON); another
   * one at export means that system was saved again since (other systems do not matter).
   */
  let mcTable: { ds: Dataset; load: McTableLoad; system: string; stage: Uint8Array; orders: Map<McSortKey, Uint32Array>; within: Uint8Array | null } | null = null;
  /**
   * What the last Monte Carlo run read (mcData): its scenario, its system as JSON and its segment's
   * mask, pinned so the table load meets the rows the run ranked even after the segment was
   * replaced (a score segment is re-applied on every scenario change) and the system it ran with.
   */
  let mcRead: { scenario: string; system: string; segment: number; within: Uint8Array | null } | null = null;
  const systemJson = (id: string) => {
    const sys = getSystem(id);
    return sys ? exportSystem(sys) : '';
  };
  // The last audit, for the dataset and scenario it was computed on: the export reuses it (a 1M-row
  // audit takes seconds) instead of computing it again.
  let lastAudit: { ds: Dataset; key: string; audit: Audit } | null = null;
  const auditOf = (scenario: Scenario) => {
    const { ds, scorer } = need();
    const key = runKey(scenario);
    const sc = scorer.score(scenario);
    if (lastAudit?.ds !== ds || lastAudit.key !== key) lastAudit = { ds, key, audit: computeAudit({ prepared: sc.prepared, weights: sc.weights, result: sc.result }) };
    return { audit: lastAudit.audit, sc };
  };
  const mcNeed = () => {
    const { ds } = need();
    if (!mcTable) throw bilingualError('mc-no-run', { zh: '蒙特卡洛：尚未运行，请先开始计算。', en: 'Monte Carlo: no run yet — start one first' });
    if (mcTable.ds !== ds)
      throw bilingualError('mc-stale', { zh: '蒙特卡洛：运行后数据集已更换，请重新计算。', en: 'Monte Carlo: the data set changed since the run — start it again' });
    return mcTable;
  };
  const mcRows = (q: Omit<McTableQuery, 'offset' | 'limit'>, offset: number, limit: number) => {
    const t = mcNeed();
    const { ds } = need();
    let order = t.orders.get(q.sort);
    if (!order) t.orders.set(q.sort, (order = mcOrder(t.load, q.sort)));
    const found = withinMask(searchMask(q.search, ds.names, ds.usccs), t.within, ds.n);
    const total = found ? found.total : ds.n;
    const o = Math.max(0, Math.min(offset, Math.max(0, total - 1)));
    const rows = pageOfOrder(order, o, limit, found?.mask, q.reverse);
    const L = t.load;
    const row = (r: number): McTableRow => ({ row: r, ...mcListRow(L, r, ds.names[r], ds.usccs[r], t.stage[r]) });
    return { total, offset: o, samples: L.samples, rows: rows.map(row) };
  };
  /** The list groups of the population, and the rows of the segment a request names (checked to be the one held). */
  const groupsOf = (ds: Dataset, segment?: SegmentRef): ListGroups => ({ ...listGroups(ds), ...(segment ? { within: heldSegment(ds, segment).mask } : {}) });
  const named = (ds: Dataset, c: ListChange): NamedChange => ({ ...c, name: ds.names[c.row], uscc: ds.usccs[c.row] });

  const list = (scenario: Scenario, rule: ListRule, segment?: SegmentRef) => {
    const { ds, scorer } = need();
    const key = runKey([scenario, rule, segment?.id ?? 0]);
    if (listCache?.key !== key) {
      const sc = scorer.score(scenario);
      const built = buildList(sc.prepared, sc.result, rule, groupsOf(ds, segment));
      listCache = { key, ...built };
    }
    return { ds, sc: scorer.score(scenario), entries: listCache.entries, groups: listCache.groups, groupOf: listCache.groupOf };
  };

  /** The 方案说明 lines of a list's export (the list itself, or its comparison with a reference list). */
  const listNotes = (sc: ReturnType<ScoringSession['score']>, req: ListExportMeta & { segment?: SegmentRef }, rows: number) =>
    provenanceNotes(
      {
        system: sc.system,
        weights: sc.weights,
        normalization: sc.normalization,
        scenarioName: req.scenarioName,
        datasetName: req.datasetName,
        listDescription: req.listDescription,
        ...(req.segment ? { segment: req.segment.condition } : {}),
        exportedAt: req.exportedAt,
        rows,
        quality: req.quality,
      },
      req.lang ?? 'zh',
    );

  /** The current list beside a reference list, with names (one computation for the screen and the export). */
  const reference = ({ scenario, rule, segment, codes }: ReferenceRequest) => {
    const { ds, sc, entries, groupOf } = list(scenario, rule, segment);
    const cmp = compareReference({
      codes,
      usccs: ds.usccs,
      entries,
      groupOf,
      ...(segment ? { within: heldSegment(ds, segment).mask } : {}),
      rank: sc.result.rank,
      score: sc.result.score,
      vetoed: sc.result.vetoed,
      explainRow: (r) => explain(sc.prepared, sc.weights, sc.toggles, r),
    });
    const rows = cmp.rows.map((x) => ({
      ...x,
      name: ds.names[x.row],
      uscc: ds.usccs[x.row],
      stage: sc.prepared.stage[x.row],
      cutoffName: x.cutoffRow >= 0 ? ds.names[x.cutoffRow] : '',
      cutoffScore: x.cutoffRow >= 0 ? sc.result.score[x.cutoffRow] : NaN,
      ...(ds.flagged[x.row] ? { flags: ds.flagsOf(x.row) } : {}),
    }));
    return { ds, sc, cmp, rows };
  };

  return {
    async compare(req) {
      const t0 = performance.now();
      const { ds, scorer } = need();
      const a = scorer.score(req.a);
      const b = scorer.score(req.b);
      if (a.system.id !== b.system.id)
        throw bilingualError('compare-systems', {
          zh: '方案对比：两个方案须使用同一指标体系（跨体系比较见“方法吻合度”）。',
          en: 'compare: both scenarios must use the same indicator system (see the cross-system comparison)',
        });
      const rows = filterRows(ds, a.prepared.stage, req.filter);
      const ra = subsetRanks(a.result.rank, rows);
      const rb = subsetRanks(b.result.rank, rows);
      const grid = rankShiftGrid(ra, rb, { bins: req.bins ?? 40 });
      const diff = listDiff(a, b, req.list, { groups: groupsOf(ds, req.segment), maxRows: 2000 });
      const keep = (c: ListChange) => (req.filter.stage < 0 || c.stage === req.filter.stage) && (!req.filter.techField || c.techField === req.filter.techField);
      return {
        rows: ra.length,
        systemId: a.system.id,
        weights: weightDiff(a.system, a.weights, b.weights),
        spearman: spearman(ra, rb),
        kendall: kendallTauB(ra, rb),
        meanAbsShift: meanAbsRankShift(ra, rb),
        grid: { bins: grid.bins, maxRank: grid.maxRank, edges: plain(grid.edges), counts: plain(grid.counts), outside: grid.outside, diagonal: grid.diagonal },
        list: {
          sizeA: diff.sizeA,
          sizeB: diff.sizeB,
          stayed: diff.stayed,
          bandMoves: diff.bandMoves,
          entries: diff.entries.filter(keep).map((c) => named(ds, c)),
          exits: diff.exits.filter(keep).map((c) => named(ds, c)),
          byStage: diff.byStage,
          byTechField: diff.byTechField,
          truncated: diff.truncated,
        },
        ms: performance.now() - t0,
      };
    },

    async sensitivity(req) {
      const t0 = performance.now();
      const { ds, scorer } = need();
      const sc = scorer.score(req.scenario);
      const rows = oneAtATime(sc.prepared, sc.weights, sc.toggles, {
        shift: req.shift,
        stages: req.stages,
        ...(req.list ? { list: req.list, groups: groupsOf(ds, req.segment) } : {}),
      });
      return { rows, ms: performance.now() - t0 };
    },

    async mcData(scenario, segment) {
      const { ds, scorer } = need();
      const sc = scorer.score(scenario);
      const within = segment ? heldSegment(ds, segment).mask.slice() : undefined;
      const system = sc.system;
      mcRead = { scenario: JSON.stringify(scenario), system: exportSystem(system), segment: segment?.id ?? 0, within: within ? within.slice() : null };
      const fields = systemFields(system);
      // Copies: the pool's workers own (and may keep) what they receive; ours stay intact.
      const columns: Record<string, Float64Array> = {};
      for (const f of fields) if (ds.engine.columns[f]) columns[f] = ds.engine.columns[f].slice();
      const load: McLoadInput = {
        system,
        n: ds.n,
        columns,
        stage: sc.prepared.stage.slice(),
        groups: { techField: { codes: ds.techField.slice(), values: ds.techFields }, city: { codes: ds.city.slice(), values: ds.cities }, ...(within ? { within } : {}) },
        matrix: preparedMatrix(sc.prepared), // the workers need not prepare it again
      };
      // The scenario's own ranks, within the segment when there is one (0 outside it).
      const rank0 = within ? new SegmentRanks(within, ds.n, sc.prepared.stage, 'overall').of(sc.result).slice() : sc.result.rank.slice();
      const weights = sc.weights.slice();
      const buffers = [...loadBuffers(load), rank0.buffer, weights.buffer];
      const toggles = { bonus: [...sc.toggles.bonus], veto: [...sc.toggles.veto] };
      return transfer({ load, run: { normalization: { ...sc.normalization }, weights, toggles }, rank0 }, buffers as ArrayBuffer[]);
    },

    async rowInfo(rows) {
      const { ds, session } = need();
      const stage = session.current?.prepared.stage;
      return rows.filter((r) => r >= 0 && r < ds.n).map((r) => ({ row: r, name: ds.names[r], uscc: ds.usccs[r], stage: stage ? stage[r] : 255 }));
    },

    async methodAgreement({ scenario, topN }) {
      const t0 = performance.now();
      const { ds, scorer } = need();
      const sc = scorer.score(scenario);
      const m = methodAgreementStats(ds.engine, sc.system, scenario, { topN });
      return {
        names: m.methods,
        spearman: plain(m.spearman),
        kendall: plain(m.kendall),
        topOverlap: plain(m.topOverlap),
        topN: m.topN,
        verdict: { level: m.verdict.level, text: m.verdict.text },
        ms: performance.now() - t0,
      };
    },

    async crossSystem({ topN }) {
      const t0 = performance.now();
      const { ds } = need();
      const e = ds.engine;
      const runs = listSystems().map((sys) => scoreScenario(e, sys, baselineScenario(sys)));
      const c = crossSystemStats(runs, { topN, favoured: 10 });
      return {
        names: c.systems,
        spearman: plain(c.spearman),
        kendall: plain(c.kendall),
        topOverlap: plain(c.topOverlap),
        topN: c.topN,
        verdict: { level: c.verdict.level, text: c.verdict.text },
        favoured: c.favoured.map((f) => ({ systemId: f.systemId, rows: f.rows.map((r) => ({ ...r, name: ds.names[r.row] })) })),
        missing: runs.map((r) => ({ systemId: r.system.id, fields: r.missingFields })),
        ms: performance.now() - t0,
      };
    },

    async listPage({ scenario, rule, offset, limit, relending, segment }) {
      const { ds, sc, entries: all, groups } = list(scenario, rule, segment);
      const loan = ds.engine.columns.loan_demand;
      const rel = relendingEntries(all, loan);
      const entries = relending ? rel : all;
      const o = Math.max(0, Math.min(offset, Math.max(0, entries.length - 1)));
      const rows: ListPageRow[] = entries.slice(o, o + limit).map((e) => ({
        ...e,
        name: ds.names[e.row],
        uscc: ds.usccs[e.row],
        stage: sc.prepared.stage[e.row],
        techField: ds.techFields[ds.techField[e.row]] ?? '',
        city: ds.cities[ds.city[e.row]] ?? '',
        ...(ds.flagged[e.row] ? { flags: ds.flagsOf(e.row) } : {}),
      }));
      return { total: entries.length, offset: o, groups, rows, hasLoanDemand: !!loan, relendingTotal: rel.length };
    },

    async listBorderline({ scenario, rule, count, segment }) {
      const t0 = performance.now();
      const { ds, scorer } = need();
      const sc = scorer.score(scenario);
      const rows = borderline({ prepared: sc.prepared, weights: sc.weights, result: sc.result, rule, groups: groupsOf(ds, segment), count }).map((e) => ({
        ...e,
        name: ds.names[e.row],
        uscc: ds.usccs[e.row],
        ...(ds.flagged[e.row] ? { flags: ds.flagsOf(e.row) } : {}),
      }));
      return { rule, count, rows, ms: performance.now() - t0, ...(segment ? { segment } : {}) };
    },

    async referenceCompare(req) {
      const t0 = performance.now();
      const { cmp, rows } = reference(req);
      return { ...cmp, rows, ms: performance.now() - t0 };
    },

    async referenceExport(req) {
      const { ds, sc, cmp, rows } = reference(req);
      const lang = req.lang ?? 'zh';
      const notes = listNotes(sc, req, rows.length + cmp.missing.length);
      notes.splice(notes.length - 1, 0, ['对照名单 Reference list', `${req.referenceName} (${req.codes.length})`], ['', REFERENCE[lang].whyNote]);
      const stageScope = (req.rule.scope ?? 'overall') === 'stage';
      const table = referenceTable(rows, cmp.missing, {
        system: sc.system,
        groupName: (g) => (stageScope ? (sc.system.stages.find((st) => st.id === g)?.name[lang] ?? g) : g),
        flagText: (r) => (ds.flagged[r] ? flagCellText(ds.flagsOf(r), lang) : ''),
        notes,
        noteTables: [weightsNoteTable(sc.system, sc.weights, lang)],
        lang,
      });
      const bytes = req.format === 'csv' ? toCsvBytes(table) : toXlsx(table);
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },

    async audit({ scenario }) {
      const t0 = performance.now();
      const { audit } = auditOf(scenario);
      return { audit, ms: performance.now() - t0 };
    },

    async auditExport(req) {
      const { audit, sc } = auditOf(req.scenario);
      const l = req.lang ?? 'zh';
      const notes = provenanceNotes(
        {
          system: sc.system,
          weights: sc.weights,
          normalization: sc.normalization,
          scenarioName: req.scenarioName,
          datasetName: req.datasetName,
          exportedAt: req.exportedAt,
          rows: sc.prepared.n,
          ...(req.quality ? { quality: req.quality } : {}),
        },
        l,
      );
      const table = auditExportTable(audit, sc.system, l, notes);
      table.noteTables = [weightsNoteTable(sc.system, sc.weights, l)];
      const bytes = toXlsx(table);
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },

    async mcTableLoad(req) {
      const { ds, scorer } = need();
      if (req.listCount.length !== ds.n)
        throw bilingualError('mc-rows', {
          zh: `蒙特卡洛：运行结果有 ${req.listCount.length} 行，数据集有 ${ds.n} 行，请重新计算。`,
          en: `Monte Carlo: the run has ${req.listCount.length} rows, the data set ${ds.n}`,
        });
      const read = mcRead && mcRead.scenario === JSON.stringify(req.scenario) && mcRead.segment === (req.segment?.id ?? 0) ? mcRead : null;
      mcTable = {
        ds,
        load: req,
        system: read ? read.system : systemJson(req.scenario.systemId),
        stage: scorer.score(req.scenario).prepared.stage,
        orders: new Map(),
        within: req.segment ? (read?.within ?? heldSegment(ds, req.segment).mask) : null,
      };
    },

    async mcTablePage(q) {
      return mcRows(q, q.offset, Math.max(0, Math.min(q.limit, 1000)));
    },

    async mcTableExport(req) {
      const t = mcNeed();
      const { scorer } = need();
      // The export states the run's system, method and weights: they must be the ones it ran with.
      if (systemJson(t.load.scenario.systemId) !== t.system)
        throw bilingualError('mc-system-changed', {
          zh: '蒙特卡洛：运行后指标体系已重新保存，表中的结果按修改前的体系计算。请重新运行后再导出。',
          en: 'Monte Carlo: the indicator system was saved again after this run, whose results follow the system as it was. Run it again, then export.',
        });
      const sc = scorer.score(t.load.scenario);
      const all = mcRows(req, 0, Number.MAX_SAFE_INTEGER);
      // The run's scenario (not whatever is on screen now) names the system, method and weights.
      const table = mcExportTable(all.rows, sc, req.notes, req.lang ?? 'zh', t.within !== null);
      const bytes = req.format === 'csv' ? toCsvBytes(table) : toXlsx(table);
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },

    async listExport(req) {
      const { ds, sc, entries: all } = list(req.scenario, req.rule, req.segment);
      const entries = req.relending ? relendingEntries(all, ds.engine.columns.loan_demand) : all;
      const lang = req.lang ?? 'zh';
      const notes = listNotes(sc, req, entries.length);
      const src = {
        system: sc.system,
        result: sc.result,
        stage: sc.prepared.stage,
        usccs: ds.usccs,
        names: ds.names,
        text: ds.engine.text,
        columns: ds.engine.columns,
        flagText: (r: number) => (ds.flagged[r] ? flagCellText(ds.flagsOf(r), lang) : ''),
      };
      const noteTables = [weightsNoteTable(sc.system, sc.weights, lang)];
      const table =
        req.format === 'pack'
          ? publicationPack(entries, src, { rule: req.rule, notes, noteTables, lang })
          : listTable(entries, src, {
              rule: req.rule,
              name: req.relending ? EXPORTS[lang].relendingSheet : EXPORTS[lang].listSheet,
              notes,
              noteTables,
              relending: req.relending,
              lang,
            });
      const bytes = req.format === 'csv' ? toCsvBytes(table) : req.format === 'notes-csv' ? toNotesCsvBytes(table) : toXlsx(table);
      return transfer(bytes, [bytes.buffer as ArrayBuffer]);
    },
  };
}
