import { parseArgs } from 'node:util';
import { CliError } from './cli-error.ts';

/** Command-line arguments of `npm run score` (scoring.md §8). */
export interface ScoreArgs {
  system: string;
  input: string;
  output: string;
  asOf?: string;
  scenario?: string;
  sheet?: string;
  /** Print the details of a refusal (missing fields, internal error texts) after its sentence. */
  verbose?: boolean;
}

export const USAGE = 'usage: npm run --silent score -- --system ID --input FILE --output OUT.csv [--as-of YYYY-MM-DD] [--scenario S.json] [--sheet NAME] [--verbose]';

export function parseScoreArgs(argv: readonly string[]): ScoreArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        system: { type: 'string' },
        input: { type: 'string' },
        output: { type: 'string' },
        'as-of': { type: 'string' },
        scenario: { type: 'string' },
        sheet: { type: 'string' },
        verbose: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    const why = (e as Error).message.replace(/\.\s*$/, '').split('\n')[0];
    throw new CliError(`Invalid arguments (${why}); ${USAGE}.`, 2);
  }
  for (const name of ['system', 'input', 'output'] as const) {
    if (typeof values[name] !== 'string' || values[name] === '') throw new CliError(`Missing --${name}; ${USAGE}.`, 2);
  }
  const out: ScoreArgs = { system: values.system as string, input: values.input as string, output: values.output as string };
  if (typeof values['as-of'] === 'string') out.asOf = values['as-of'];
  if (typeof values.scenario === 'string') out.scenario = values.scenario;
  if (typeof values.sheet === 'string') out.sheet = values.sheet;
  if (values.verbose === true) out.verbose = true;
  return out;
}
