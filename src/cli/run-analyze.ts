import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { systemFields, type IndicatorSystem, type Scenario } from '../engine/index.ts';
import { auditExportTable, auditJson, computeAudit } from '../whatif/audit/index.ts';
import { provenanceNotes, toCsv, toNotesCsv, toXlsx, weightsNoteTable } from '../whatif/export/index.ts';
import { buildList, DEFAULT_LIST_RULE, groupCodesFrom, type ListGroups, type ListRule } from '../whatif/lists/index.ts';
import { mcExportTable, type McExportRow } from '../whatif/mc/export-table.ts';
import { listPlaces, mcListRow, mcOrder } from '../whatif/mc/list-table.ts';
import { mcConfig, mcExportNotes } from '../whatif/mc/run-config.ts';
import { preparedMatrix, type McLoadInput } from '../protocol/monte-carlo.ts';
import { sobolConfig } from '../whatif/sobol/config.ts';
import type { AnalyzeArgs } from './analyze-args.ts';
import { loadScenarioDoc } from './load-scenario.ts';
import { createNodePool } from './node-pool.ts';
import { loadAndScore } from './run-score.ts';
import { sobolDrawsCsv, sobolEnterpriseCsv, sobolIndicesCsv } from './sobol-output.ts';
import { writeFileAtomic } from './write-atomic.ts';
import { segmentFields, selectSegmentRows } from './segment-native.ts';
import { SegmentRanks } from '../whatif/mc/segment-ranks.ts';

/** The two files beside `--sobol OUT.csv`: per-enterprise indices and every draw's parameters. */
export function sobolSiblings(output: string): { enterprises: string; draws: string } {
  const stem = output.replace(/\.csv$/i, '');
  return { enterprises: `${stem}.enterprises.csv`, draws: `${stem}.draws.csv` };
}

/** The 方案说明 beside `--mc OUT.csv` (an XLSX holds it as a sheet). */
export function mcNotesFile(output: string): string {
  return `${output.replace(/\.csv$/i, '')}.notes.csv`;
}

/** The text column a list scope groups by (read from the file only when the rule needs it). */
const SCOPE_FIELD = { 'tech-field': 'tech_field', city: 'city' } as const;

type Loaded = Awaited<ReturnType<typeof loadAndScore>>;

/**
 * What the pool's workers receive, built as the scoring worker builds it for the browser's pool
 * (workers/whatif-api.ts mcData): copies of the system's columns, the stages, the group codes and
 * the scenario's prepared matrix.
 */
function poolInput(system: IndicatorSystem, { data, run }: Loaded, groups: ListGroups): McLoadInput {
  const columns: Record<string, Float64Array> = {};
  for (const f of systemFields(system)) if (data.columns[f]) columns[f] = data.columns[f].slice();
  const g: McLoadInput['groups'] = {};
  if (groups.techField) g.techField = { codes: Int32Array.from(groups.techField.codes), values: [...groups.techField.values] };
  if (groups.city) g.city = { codes: Int32Array.from(groups.city.codes), values: [...groups.city.values] };
  if (groups.within) g.within = Uint8Array.from(groups.within);
  return { system, n: data.n, columns, stage: run.prepared.stage.slice(), groups: g, matrix: preparedMatrix(run.prepared) };
}

function listGroups({ data }: Loaded): ListGroups {
  const n = data.n;
  const groups: ListGroups = {};
  if (data.text.tech_field) groups.techField = groupCodesFrom(data.text.tech_field.slice(0, n));
  if (data.text.city) groups.city = groupCodesFrom(data.text.city.slice(0, n));
  return groups;
}

/**
 * One `analyze` run: load and score exactly as `score` does, then the audit (JSON or XLSX), the
 * Sobol indices (three CSV files) or the Monte Carlo table (CSV + notes, or XLSX) of that run.
 * Sobol and Monte Carlo run on worker_threads hosting the browser's worker (node-pool.ts), so a
 * seed gives the workbench's numbers. Returns the files written.
 */
export async function runAnalyze(args: AnalyzeArgs, log: (line: string) => void): Promise<string[]> {
  const mode = args.mode;
  let list: ListRule | undefined;
  // Monte Carlo within a segment: --segment, else the scenario file's (as `score` reads it).
  let segment = mode.kind === 'mc' ? mode.segment : undefined;
  let segmentSource = '--segment';
  if (segment !== undefined) segmentFields(segment); // refuses a bad condition before reading
  const loaded = await loadAndScore(
    args,
    log,
    async (path, sys): Promise<Scenario> => {
      const doc = await loadScenarioDoc(path, sys, log, { list: mode.kind !== 'audit', segment: mode.kind === 'mc' });
      list = doc.list;
      if (mode.kind === 'mc' && doc.segment !== undefined) {
        if (segment === undefined) {
          segment = doc.segment;
          segmentSource = `the scenario's segment`;
        } else if (doc.segment !== segment) log(`note --segment replaces the scenario's segment (${doc.segment})`);
      }
      return doc.scenario;
    },
    () => {
      if (mode.kind === 'audit') return [];
      const scope = list?.scope;
      return [
        ...(mode.kind === 'mc' ? ['name'] : []),
        ...(scope === 'city' || scope === 'tech-field' ? [SCOPE_FIELD[scope]] : []),
        ...(segment === undefined ? [] : segmentFields(segment, segmentSource)),
      ];
    },
  );
  const { system, data, run } = loaded;
  if (mode.kind === 'audit') {
    const audit = computeAudit({ prepared: run.prepared, weights: run.weights, result: run.result });
    if (/\.json$/i.test(mode.output)) {
      await writeFileAtomic(mode.output, `${JSON.stringify(auditJson(audit), null, 1)}\n`);
    } else {
      const notes = provenanceNotes(
        {
          system,
          weights: run.weights,
          normalization: run.normalization,
          scenarioName: args.scenario ? basename(args.scenario) : '',
          datasetName: basename(args.input),
          exportedAt: '',
          rows: data.n,
        },
        mode.lang,
      ).filter(([, value]) => value !== '');
      const table = auditExportTable(audit, system, mode.lang, notes);
      table.noteTables = [weightsNoteTable(system, run.weights, mode.lang)];
      await writeFileAtomic(mode.output, toXlsx(table));
    }
    return [mode.output];
  }

  const rule = list ?? DEFAULT_LIST_RULE;
  const groups = listGroups(loaded);
  let within: Uint8Array | undefined;
  if (segment !== undefined) {
    const rows = await selectSegmentRows(data, segment, segmentSource, run.result.score);
    within = new Uint8Array(data.n);
    for (const r of rows) within[r] = 1;
    groups.within = within;
    log(`note segment: ${rows.length} of ${data.n} scored rows match the condition; Monte Carlo ranks within it, draws the list from it and writes only its rows`);
  }
  const scenario = { normalization: run.normalization, weights: run.weights, toggles: run.toggles };
  const { pool, dispose } = createNodePool(args.workers ?? availableParallelism());
  try {
    await pool.load(poolInput(system, loaded, groups));
    if (mode.kind === 'sobol') {
      const { result: res } = await pool.runSobol(scenario, sobolConfig(mode.samples, mode.spread, rule), mode.seed);
      const ids = system.indicators.map((i) => i.id);
      const files = sobolSiblings(mode.output);
      await writeFileAtomic(mode.output, sobolIndicesCsv(res, ids));
      await writeFileAtomic(files.enterprises, sobolEnterpriseCsv(res, data.text.uscc, ids));
      await writeFileAtomic(
        files.draws,
        sobolDrawsCsv(
          res,
          run.weights,
          mode.spread,
          system.stages.map((s) => s.id),
          ids,
        ),
      );
      log(
        `note Sobol: ${res.done} base samples (${res.done * (ids.length + 2)} re-scorings), seed ${mode.seed}, weights varied by ±${Math.round(mode.spread * 100)} %, list ${rule.kind}`,
      );
      return [mode.output, files.enterprises, files.draws];
    }

    // Monte Carlo: the workbench's form with its defaults, N from the list rule (listPlaces).
    const listed = rule.kind === 'top-n' ? 0 : buildList(run.prepared, run.result, rule, groups).entries.length;
    const topN = listPlaces(rule, listed);
    const config = mcConfig({ samples: mode.samples, mode: 'perturb', spread: mode.spread, topN, sampleMethods: false }, rule);
    const res = await pool.run(scenario, config, mode.seed);
    const sm = res.summary;
    const src = {
      samples: res.done,
      listCount: res.partial.listCount ?? new Uint32Array(data.n),
      rank0: within ? new SegmentRanks(within, data.n, run.prepared.stage, 'overall').of(run.result) : run.result.rank,
      median: sm.median,
      p05: sm.p05,
      p95: sm.p95,
      exact: sm.exact,
    };
    const names = data.text.name;
    const order = Array.from(mcOrder(src, 'pList')).filter((r) => !within || within[r] === 1);
    const rows: McExportRow[] = order.map((r) => mcListRow(src, r, names?.[r] ?? '', data.text.uscc[r], run.prepared.stage[r]));
    const notes = mcExportNotes(
      {
        scenarioName: args.scenario ? basename(args.scenario) : '',
        datasetName: basename(args.input),
        rule,
        mode: 'perturb',
        spread: mode.spread,
        sort: 'pList',
        reverse: false,
        samples: res.done,
        requested: mode.samples,
        seed: mode.seed,
        topN,
        search: '',
        ...(segment === undefined ? {} : { segment }),
        exportedAt: '',
      },
      mode.lang,
    );
    const table = mcExportTable(rows, run, notes, mode.lang, within !== undefined);
    log(`note Monte Carlo: ${res.done} samples, seed ${mode.seed}, weights varied by ±${Math.round(mode.spread * 100)} %, list ${rule.kind} (N = ${topN})`);
    if (/\.xlsx$/i.test(mode.output)) {
      await writeFileAtomic(mode.output, toXlsx(table));
      return [mode.output];
    }
    const notesFile = mcNotesFile(mode.output);
    await writeFileAtomic(mode.output, toCsv(table));
    await writeFileAtomic(notesFile, toNotesCsv(table));
    return [mode.output, notesFile];
  } finally {
    await dispose();
  }
}
