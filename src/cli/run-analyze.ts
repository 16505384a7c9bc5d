import { availableParallelism } from 'node:os';
import type { Scenario } from '../engine/index.ts';
import { auditExportTable, auditJson, computeAudit } from '../whatif/audit/index.ts';
import { provenanceNotes, toXlsx, weightsNoteTable } from '../whatif/export/index.ts';
import type { ListRule } from '../whatif/lists/index.ts';
import { sobolConfig } from '../whatif/sobol/config.ts';
import type { AnalyzeArgs } from './analyze-args.ts';
import { CliError } from './cli-error.ts';
import { loadScenarioDoc } from './load-scenario.ts';
import { loadAndScore } from './run-score.ts';
import { runSobolNode, sobolDrawsCsv, sobolEnterpriseCsv, sobolIndicesCsv } from './sobol-output.ts';
import { writeFileAtomic } from './write-atomic.ts';
import { basename } from 'node:path';

/** The browser's default list rule (情景分析: top 100 of all enterprises), for a scenario without one. */
const DEFAULT_LIST: ListRule = { kind: 'top-n', n: 100, scope: 'overall' };

/** The two files beside `--sobol OUT.csv`: per-enterprise indices and every draw's parameters. */
export function sobolSiblings(output: string): { enterprises: string; draws: string } {
  const stem = output.replace(/\.csv$/i, '');
  return { enterprises: `${stem}.enterprises.csv`, draws: `${stem}.draws.csv` };
}

/**
 * One `analyze` run: load and score exactly as `score` does, then the audit (JSON or XLSX) or the
 * Sobol indices (three CSV files) of that run. Returns the files written.
 */
export async function runAnalyze(args: AnalyzeArgs, log: (line: string) => void): Promise<string[]> {
  let list: ListRule | undefined;
  const { system, data, run } = await loadAndScore(args, log, async (path, sys): Promise<Scenario> => {
    const doc = await loadScenarioDoc(path, sys, log, args.mode.kind === 'sobol');
    list = doc.list;
    return doc.scenario;
  });
  const mode = args.mode;
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
  const rule = list ?? DEFAULT_LIST;
  if (rule.scope === 'city' || rule.scope === 'tech-field') {
    throw new CliError(
      `The scenario's list rule ranks within each ${rule.scope === 'city' ? 'city' : 'technology field'}, which the command line does not support yet; use a rule over all enterprises or within each stage.`,
    );
  }
  const res = await runSobolNode({
    prepared: run.prepared,
    weights: run.weights,
    toggles: run.toggles,
    config: sobolConfig(mode.samples, mode.spread, rule),
    seed: mode.seed,
    workers: args.workers ?? availableParallelism(),
  });
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
