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
  return (await loadScenarioDoc(path, system, log, {})).scenario;
}

export interface ScenarioUses {
  /** `analyze`: the Sobol list-churn output and the MC list are computed for the file's list rule. */
  list?: boolean;
  /** `score`: only the segment's rows are written. */
  segment?: boolean;
}

/**
 * The scenario and what of the rest of the file the command uses (`uses`): the list rule (without
 * one the browser's default, top 100, applies) and the segment condition (checked by the file's
 * reader against the catalogue; against the input's columns when it runs).
 */
export async function loadScenarioDoc(
  path: string,
  system: IndicatorSystem,
  log: (line: string) => void,
  uses: ScenarioUses,
): Promise<{ scenario: Scenario; list?: ListRule; segment?: string }> {
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
  const { doc } = parsed;
  const unused = [doc.list && !uses.list ? 'list rule' : '', doc.filters ? 'ranking filters' : '', doc.segment !== undefined && !uses.segment ? 'segment' : ''].filter(Boolean);
  if (unused.length) {
    const what = unused.length > 1 ? `${unused.slice(0, -1).join(', ')} and ${unused.at(-1)} are` : `${unused[0]} is`;
    log(`note scenario "${doc.name}": its ${what} not used by this command (${uses.list ? 'the analysis covers every scored row' : 'OUT.csv ranks every scored row'})`);
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
  return { scenario, ...(doc.list ? { list: doc.list as ListRule } : {}), ...(doc.segment !== undefined && uses.segment ? { segment: doc.segment } : {}) };
}
