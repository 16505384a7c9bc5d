/// <reference lib="webworker" />
import { bilingualError } from '../src/import/errors.ts';
import { expose } from 'comlink';
import { RankingPager, scoreDistribution, stageComparison, stageIndicatorMeans, stagePercentile, topN, type ScoredRows } from '../src/analysis/index.ts';
import { explain, type Run } from '../src/engine/index.ts';
import { weightStability } from '../src/whatif/stability.ts';
import { buildDataset } from '../src/data/build-dataset.ts';
import { computeRowFlags } from '../src/data/row-flags.ts';
import { matchHeaders } from '../src/data/header-match.ts';
import { daysFromCivil } from '../src/engine/calendar.ts';
import { demoRawTable } from '../src/demo/raw-table.ts';
import { DEMO_EVALUATION_YEAR } from '../src/demo/generate.ts';
import { DEMO_PREVIOUS_YEAR } from '../src/demo/previous-year.ts';
import { datasetFromEngine, type Dataset, type DatasetMeta } from './dataset.ts';
import { ScoringSession } from './scoring-session.ts';
import { Latest } from '../src/protocol/latest.ts';
import type { BuiltDataset, DemoRequest, LoadReport, ProfileData, RankingRow, ScoringApi } from '../src/protocol/scoring.ts';
import { whatifApi } from './whatif-api.ts';
import { segmentApi } from './segment-api.ts';
import { yoyApi } from './yoy-api.ts';
import { setCustomSystems } from '../src/systems/index.ts';

/**
 * The scoring worker: owns the population's columns, the prepared matrices and the current and
 * baseline results; answers with small results only (see scoring-protocol.ts).
 */
let ds: Dataset | null = null;
const NO_DATASET = () => bilingualError('no-dataset', { zh: '尚未载入数据集。', en: 'No dataset loaded.' });
let session: ScoringSession | null = null;
let pager: RankingPager | null = null;
let scoredGeneration = 0;
const updates = new Latest();

function need() {
  if (!ds || !session || !pager) throw NO_DATASET();
  const run = session.current;
  const baseline = session.baseline;
  if (!run || !baseline) throw bilingualError('no-scenario', { zh: '尚未评分：请先载入数据并评分。', en: 'No scenario scored yet: load and score a dataset first.' });
  return { ds, session, pager, run, baseline };
}

/** A run's columns as src/analysis reads them. */
function scored(run: Run): ScoredRows {
  const { score, base, bonus, vetoed, rank, stageRank, order } = run.result;
  return { score, base, bonus, vetoed, rank, stageRank, order, stage: run.prepared.stage, nStages: run.system.stages.length };
}

/** Makes `engine` the population scored from now on (a new session: no run is kept). */
function install(engine: BuiltDataset['engine'], meta: DatasetMeta): LoadReport {
  const { dataset, report } = datasetFromEngine(engine, meta);
  ds = dataset;
  session = new ScoringSession(dataset.engine);
  pager = new RankingPager(dataset);
  return report;
}

/** The demo (this year's, or its previous year for 年度对比) generated and built here: no file, no DuckDB. */
function demoDataset({ rows, seed }: DemoRequest, year: 'current' | 'previous'): { engine: BuiltDataset['engine']; meta: DatasetMeta } {
  const t0 = performance.now();
  const evalYear = year === 'current' ? DEMO_EVALUATION_YEAR : DEMO_PREVIOUS_YEAR;
  const raw = demoRawTable(seed === undefined ? { rows } : { rows, seed }, year);
  const t1 = performance.now();
  const mapping = matchHeaders(raw.headers, { required: ['uscc', 'registration_date'], evalYear });
  const engine = buildDataset(raw, mapping, { asOfDays: daysFromCivil(evalYear, 12, 31), keepInvalidUscc: false });
  engine.rowFlags = computeRowFlags(engine, (f) => (mapping.fields[f] === undefined ? undefined : raw.headers[mapping.fields[f]])).flags;
  const t2 = performance.now();
  const timings = {
    totalMs: t2 - t0,
    steps: [
      { label: { zh: '生成模拟数据', en: 'generate the demo' }, ms: t1 - t0 },
      { label: { zh: '核验与转换', en: 'validate and convert' }, ms: t2 - t1 },
    ],
  };
  const name =
    year === 'current' ? `模拟数据 / demo (${rows.toLocaleString('en')} rows)` : `模拟数据 ${evalYear} / demo ${evalYear} (${raw.rowNumbers.length.toLocaleString('en')} rows)`;
  return { engine, meta: { headers: raw.headers, mapping, source: { kind: 'demo', name }, evalYear, timings } };
}

/** The one BuiltDataset the import worker posts on `port` (then both ends are closed). */
function receive(port: MessagePort): Promise<BuiltDataset> {
  return new Promise<BuiltDataset>((resolve, reject) => {
    port.onmessage = (e: MessageEvent<BuiltDataset | { error: string }>) => {
      port.close();
      if ('error' in e.data) reject(new Error(e.data.error));
      else resolve(e.data);
    };
    port.start();
  });
}

const api: ScoringApi = {
  ...whatifApi(() => {
    if (!ds || !session) throw NO_DATASET();
    return { ds, session };
  }),
  ...yoyApi(
    () => {
      if (!ds || !session) throw NO_DATASET();
      return { ds, session };
    },
    { demo: (req) => demoDataset(req, 'previous'), receive },
  ),
  ...segmentApi(
    () => {
      if (!ds) throw NO_DATASET();
      return ds;
    },
    (scenario) => {
      if (!session) throw NO_DATASET();
      return session.score(scenario).result.score;
    },
  ),

  async setCustomSystems(systems) {
    return setCustomSystems(systems);
  },

  async loadDemo(req) {
    const { engine, meta } = demoDataset(req, 'current');
    return install(engine, meta);
  },

  async adopt(port) {
    const built = await receive(port);
    return install(built.engine, built);
  },

  async update(req) {
    if (!(await updates.admit(req.gen))) return null;
    if (!session || !pager) throw NO_DATASET();
    const t0 = performance.now();
    const changed = session.setScenario(req.scenario);
    if (changed) scoredGeneration++;
    const { run, baseline, pager: rankingPager } = need();
    const rows = scored(run);
    const baseRank = baseline.result.rank;
    const stats = changed
      ? {
          systemId: run.system.id,
          ...scoreDistribution(rows),
          reports: run.prepared.report,
          top: topN(rows.score, 10).map((r) => rankingPager.row(r, rows, baseRank)),
          scoreMs: performance.now() - t0,
        }
      : undefined;
    const page = rankingPager.page(req.query, rows, baseRank, scoredGeneration);
    return stats ? { stats, page } : { page };
  },

  async profile(row) {
    const { ds, pager, run, baseline } = need();
    const r: RankingRow = pager.row(row, scored(run), baseline.result.rank);
    const stage = run.prepared.stage;
    let stagePopulation = 0;
    for (let i = 0; i < stage.length; i++) if (stage[i] === stage[row]) stagePopulation++;
    const data: ProfileData = {
      row,
      name: r.name,
      uscc: r.uscc,
      techField: ds.techFields[ds.techField[row]] ?? '',
      city: ds.cities[ds.city[row]] ?? '',
      system: run.system,
      explanation: explain(run.prepared, run.weights, run.toggles, row),
      rank: r.rank,
      stageRank: r.stageRank,
      baselineRank: baseline.result.rank[row],
      baselineStageRank: baseline.result.stageRank[row],
      stagePercentile: stagePercentile(run.result.score, stage, row),
      population: ds.n,
      stagePopulation,
      flags: ds.flagsOf(row),
    };
    return data;
  },

  async stability({ row, topN }) {
    const { run } = need();
    return weightStability({ prepared: run.prepared, weights: run.weights, result: run.result, row, rule: { kind: 'top-n', n: topN } });
  },

  async stages({ topShare }) {
    const { run } = need();
    return {
      means: stageIndicatorMeans(run.prepared, run.system.stages.length),
      comparison: stageComparison(run.prepared, run.weights, { topShare }),
    };
  },

  async registeredAfter({ days }) {
    if (!ds) throw NO_DATASET();
    const reg = ds.engine.regDays;
    let count = 0;
    let latestDays = -Infinity;
    for (let i = 0; i < reg.length; i++) {
      if (reg[i] > days) count++;
      if (reg[i] > latestDays) latestDays = reg[i];
    }
    return { count, latestDays };
  },

  async find({ text, limit }) {
    const { ds, pager, run, baseline } = need();
    const needle = text.trim().toLowerCase();
    const out: RankingRow[] = [];
    if (!needle) return out;
    const order = run.result.order;
    for (let p = 0; p < order.length && out.length < limit; p++) {
      const r = order[p];
      if (ds.names[r].toLowerCase().includes(needle) || ds.usccs[r].toLowerCase().includes(needle)) out.push(pager.row(r, scored(run), baseline.result.rank));
    }
    return out;
  },
};

expose(api);
