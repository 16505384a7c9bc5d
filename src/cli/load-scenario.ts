import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IndicatorSystem, Scenario } from '../engine/index.ts';
import type { ListRule } from '../whatif/lists/index.ts';
import { parseScenarioFileText } from '../whatif/scenarios/scenario-file.ts';
import { CliError } from './cli-error.ts';

/**
 * Reads and validates `--scenario S.json`: the workbench's exported scenario file or a bare
 * scenario (src/whatif/scenarios/scenario-file.ts, the one reader the browser uses too); every
 * problem becomes one sentence naming the field. The file's list rule and filters are views of the
 * browser the CLI has no output for: `log` says they were not used, rather than dropping them silently.
 */
export async function loadScenario(path: string, system: IndicatorSystem, log: (line: string) => void = () => {}): Promise<Scenario> {
  return (await loadScenarioDoc(path, system, log, false)).scenario;
}

/**
 * The scenario and, for `analyze` (`usesList`), its list rule: the Sobol list-churn output is
 * computed for it, as in the browser; without one the browser's default (top 100) applies.
 */
export async function loadScenarioDoc(path: string, system: IndicatorSystem, log: (line: string) => void, usesList: boolean): Promise<{ scenario: Scenario; list?: ListRule }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `Scenario file ${path} does not exist.` : `Scenario file ${path} cannot be read (${code ?? 'I/O error'}).`);
  }
  const parsed = parseScenarioFileText(text, basename(path).replace(/(\.scenario)?\.json$/i, ''));
  if (!parsed.ok) throw new CliError(`Scenario file ${path} is invalid: ${parsed.errors.slice(0, 3).join('; ').replace(/\.$/, '')}.`);
  const scenario = parsed.doc.scenario;
  const unused = [parsed.doc.list && !usesList ? 'list rule' : '', parsed.doc.filters ? 'ranking filters' : ''].filter(Boolean);
  if (unused.length) {
    log(
      `note scenario "${parsed.doc.name}": its ${unused.join(' and ')} ${unused.length > 1 ? 'are' : 'is'} not used by the CLI (${usesList ? 'the analysis covers every scored row' : 'OUT.csv ranks every scored row'})`,
    );
  }
  if (scenario.systemId !== system.id) {
    throw new CliError(`Scenario file ${path} is for system "${scenario.systemId}", not "${system.id}"; set its systemId or choose --system ${scenario.systemId}.`);
  }
  const stageIds = new Set(system.stages.map((s) => s.id));
  const indicatorIds = new Set(system.indicators.map((i) => i.id));
  for (const [stage, row] of Object.entries(scenario.weights ?? {})) {
    if (!stageIds.has(stage)) throw new CliError(`Scenario file ${path} is invalid: weights.${stage} names no stage of ${system.id} (stages: ${[...stageIds].join(', ')}).`);
    for (const ind of Object.keys(row)) {
      if (!indicatorIds.has(ind)) throw new CliError(`Scenario file ${path} is invalid: weights.${stage}.${ind} names no indicator of ${system.id}.`);
    }
  }
  return { scenario, ...(parsed.doc.list ? { list: parsed.doc.list as ListRule } : {}) };
}
