import { parseArgs } from 'node:util';
import { CliError } from './cli-error.ts';
import { parseOptionsOrRefuse } from './main.ts';

/** Command-line arguments of `npm run score` (scoring.md §8). */
export interface ScoreArgs {
  system: string;
  input: string;
  output: string;
  asOf?: string;
  scenario?: string;
  sheet?: string;
  /** A segment condition (SQL, src/segment/expression.ts): only its rows are written. */
  segment?: string;
  /** Print the details of a refusal (missing fields, internal error texts) after its sentence. */
  verbose?: boolean;
}

export const USAGE =
  'usage: npm run --silent score -- --system ID|FILE.json --input FILE --output OUT.csv [--as-of YYYY-MM-DD] [--scenario S.json] [--sheet NAME] [--segment "SQL CONDITION"] [--verbose]';

/** The options every command reads its input with (score and analyze). */
export const INPUT_OPTIONS = {
  system: { type: 'string' },
  input: { type: 'string' },
  'as-of': { type: 'string' },
  scenario: { type: 'string' },
  sheet: { type: 'string' },
  verbose: { type: 'boolean' },
} as const;

export function parseScoreArgs(argv: readonly string[]): ScoreArgs {
  const { values } = parseOptionsOrRefuse(
    () =>
      parseArgs({
        args: [...argv],
        options: { ...INPUT_OPTIONS, output: { type: 'string' }, segment: { type: 'string' } },
        strict: true,
        allowPositionals: false,
      }),
    USAGE,
  ) as { values: Record<string, string | boolean | undefined> };
  for (const name of ['system', 'input', 'output'] as const) {
    if (typeof values[name] !== 'string' || values[name] === '') throw new CliError(`Missing --${name}; ${USAGE}.`, 2);
  }
  const out: ScoreArgs = { system: values.system as string, input: values.input as string, output: values.output as string };
  if (typeof values['as-of'] === 'string') out.asOf = values['as-of'];
  if (typeof values.scenario === 'string') out.scenario = values.scenario;
  if (typeof values.sheet === 'string') out.sheet = values.sheet;
  if (typeof values.segment === 'string') out.segment = values.segment;
  if (values.verbose === true) out.verbose = true;
  return out;
}
