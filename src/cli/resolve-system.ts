import { readFile, stat } from 'node:fs/promises';
import type { IndicatorSystem } from '../engine/index.ts';
import { getSystem, importSystem, isPresetSystem, listSystems, MAX_SYSTEM_FILE_BYTES, registerSystem } from '../systems/index.ts';
import { CliError } from './cli-error.ts';

/**
 * `--system ID` (a preset) or `--system FILE.json` (a system exported by the workbench's system
 * editor, e.g. a bank's model with custom indicators). A file is validated by the same reader the
 * browser uses (importSystem) and registered, so a scenario file naming its id is accepted.
 */
export async function resolveSystem(arg: string): Promise<IndicatorSystem> {
  if (!/\.json$/i.test(arg)) {
    const system = getSystem(arg);
    if (system) return system;
    const ids = listSystems()
      .map((s) => s.id)
      .join(', ');
    throw new CliError(`Unknown system "${arg}"; known systems: ${ids} (or give an exported system file, --system FILE.json).`, 2);
  }
  let text: string;
  try {
    if ((await stat(arg)).size > MAX_SYSTEM_FILE_BYTES)
      throw new CliError(`System file ${arg} is larger than ${MAX_SYSTEM_FILE_BYTES / 1e6} MB; it cannot be an indicator system.`);
    text = await readFile(arg, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `System file ${arg} does not exist.` : `System file ${arg} cannot be read (${code ?? 'I/O error'}).`);
  }
  const parsed = importSystem(text);
  if (!parsed.ok) throw new CliError(`System file ${arg} is invalid: ${parsed.errors.slice(0, 3).join('; ')}.`, 1, parsed.errors.join('\n'));
  if (isPresetSystem(parsed.system.id)) {
    throw new CliError(`System file ${arg} uses the id "${parsed.system.id}" of a preset; give the custom system an id of its own.`);
  }
  const errors = registerSystem(parsed.system);
  if (errors.length) throw new CliError(`System file ${arg} is invalid: ${errors[0]}.`);
  return getSystem(parsed.system.id) as IndicatorSystem;
}
