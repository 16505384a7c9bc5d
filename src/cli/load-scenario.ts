import { readFile } from 'node:fs/promises';
import { parseScenarioText, type IndicatorSystem, type Scenario } from '../engine/index.ts';
import { CliError } from './cli-error.ts';

/** Reads and validates `--scenario S.json`; every problem becomes one sentence naming the field. */
export async function loadScenario(path: string, system: IndicatorSystem): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `Scenario file ${path} does not exist.` : `Scenario file ${path} cannot be read (${code ?? 'I/O error'}).`);
  }
  const parsed = parseScenarioText(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new CliError(`Scenario file ${path} is invalid: ${parsed.errors.slice(0, 3).join('; ').replace(/\.$/, '')}.`);
  const scenario = parsed.scenario;
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
  return scenario;
}
