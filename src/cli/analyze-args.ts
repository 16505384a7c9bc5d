import { parseArgs } from 'node:util';
import { INPUT_OPTIONS } from './args.ts';
import { CliError } from './cli-error.ts';
import { parseOptionsOrRefuse } from './main.ts';
import type { InputArgs } from './run-score.ts';
import { MC_DEFAULTS } from '../whatif/mc/run-config.ts';

/** Command-line arguments of `npm run analyze` (issue 12: the audit and Sobol indices in batch). */
export type AnalyzeMode =
  | { kind: 'audit'; output: string; lang: 'zh' | 'en' }
  | { kind: 'sobol'; output: string; samples: number; seed: number; spread: number }
  | { kind: 'mc'; output: string; samples: number; seed: number; spread: number; lang: 'zh' | 'en'; segment?: string };

export interface AnalyzeArgs extends InputArgs {
  mode: AnalyzeMode;
  /** worker_threads for Sobol and Monte Carlo (default: every core). */
  workers?: number;
  verbose?: boolean;
}

export const ANALYZE_USAGE =
  'usage: npm run --silent analyze -- --system ID|FILE.json --input FILE [--scenario S.json] [--as-of YYYY-MM-DD] [--sheet NAME] (--audit OUT.json|OUT.xlsx [--lang zh|en] | --sobol OUT.csv --samples N --seed S [--spread X] [--workers W] | --mc OUT.csv|OUT.xlsx [--samples N] [--seed S] [--spread X] [--lang zh|en] [--workers W] [--segment "SQL CONDITION"]) [--verbose]';

function positiveInt(name: string, text: string, max: number): number {
  const v = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(v) || v < 1 || v > max) throw new CliError(`--${name} must be a whole number from 1 to ${max}, got "${text}".`, 2);
  return v;
}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const { values } = parseOptionsOrRefuse(
    () =>
      parseArgs({
        args: [...argv],
        options: {
          ...INPUT_OPTIONS,
          audit: { type: 'string' },
          lang: { type: 'string' },
          sobol: { type: 'string' },
          mc: { type: 'string' },
          samples: { type: 'string' },
          seed: { type: 'string' },
          spread: { type: 'string' },
          workers: { type: 'string' },
          segment: { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      }),
    ANALYZE_USAGE,
  ) as { values: Record<string, string | boolean | undefined> };
  for (const name of ['system', 'input'] as const) {
    if (typeof values[name] !== 'string' || values[name] === '') throw new CliError(`Missing --${name}; ${ANALYZE_USAGE}.`, 2);
  }
  const modes = (['audit', 'sobol', 'mc'] as const).filter((m) => typeof values[m] === 'string');
  if (modes.length !== 1)
    throw new CliError(
      `Choose exactly one of --audit OUT, --sobol OUT.csv or --mc OUT${modes.length ? ` (got ${modes.map((m) => `--${m}`).join(' and ')})` : ''}; ${ANALYZE_USAGE}.`,
      2,
    );
  const lang = (): 'zh' | 'en' => {
    const l = values.lang ?? 'zh';
    if (l !== 'zh' && l !== 'en') throw new CliError(`--lang must be zh or en, got "${String(l)}".`, 2);
    return l;
  };
  const seed = (text: string): number => {
    const t = text.trim();
    const v = Number(t);
    if (!/^\d+$/.test(t) || !Number.isSafeInteger(v) || v > 0xffffffff) throw new CliError(`--seed must be a whole number from 0 to 4294967295, got "${text}".`, 2);
    return v;
  };
  const spread = (): number => {
    const v = values.spread === undefined ? MC_DEFAULTS.spread : Number(values.spread);
    if (!(Number.isFinite(v) && v >= 0 && v < 1))
      throw new CliError(`--spread must be a number from 0 to below 1 (0.2 = weights varied by ±20 %), got "${String(values.spread)}".`, 2);
    return v;
  };
  if (typeof values.segment === 'string' && modes[0] !== 'mc')
    throw new CliError(`--segment belongs to --mc (Monte Carlo within the segment); --${modes[0]} covers every scored row.`, 2);
  let mode: AnalyzeMode;
  if (modes[0] === 'audit') {
    const output = values.audit as string;
    if (!/\.(json|xlsx)$/i.test(output)) throw new CliError(`--audit writes .json or .xlsx, got "${output}".`, 2);
    for (const name of ['samples', 'seed', 'spread', 'workers'] as const)
      if (values[name] !== undefined) throw new CliError(`--${name} belongs to --sobol and --mc, not --audit.`, 2);
    mode = { kind: 'audit', output, lang: lang() };
  } else if (modes[0] === 'sobol') {
    const output = values.sobol as string;
    if (!/\.csv$/i.test(output)) throw new CliError(`--sobol writes a .csv file, got "${output}".`, 2);
    if (values.lang !== undefined) throw new CliError('--lang belongs to --audit and --mc (the Sobol CSV files have id headers).', 2);
    if (typeof values.samples !== 'string') throw new CliError(`--sobol needs --samples N (base samples; the run scores N × (indicators + 2) times); ${ANALYZE_USAGE}.`, 2);
    if (typeof values.seed !== 'string') throw new CliError(`--sobol needs --seed S (the same seed gives the same indices as the workbench); ${ANALYZE_USAGE}.`, 2);
    const s = spread();
    if (s === 0) throw new CliError('--spread must be above 0 for --sobol: with no variation of the weights there is no variance to share out.', 2);
    mode = { kind: 'sobol', output, samples: positiveInt('samples', values.samples, 1_000_000), seed: seed(values.seed), spread: s };
  } else {
    const output = values.mc as string;
    if (!/\.(csv|xlsx)$/i.test(output)) throw new CliError(`--mc writes .csv or .xlsx, got "${output}".`, 2);
    const samples = typeof values.samples === 'string' ? positiveInt('samples', values.samples, 10_000_000) : MC_DEFAULTS.samples;
    mode = {
      kind: 'mc',
      output,
      samples,
      seed: typeof values.seed === 'string' ? seed(values.seed) : MC_DEFAULTS.seed,
      spread: spread(),
      lang: lang(),
      ...(typeof values.segment === 'string' ? { segment: values.segment } : {}),
    };
  }
  const out: AnalyzeArgs = { system: values.system as string, input: values.input as string, mode };
  if (typeof values['as-of'] === 'string') out.asOf = values['as-of'];
  if (typeof values.scenario === 'string') out.scenario = values.scenario;
  if (typeof values.sheet === 'string') out.sheet = values.sheet;
  if (typeof values.workers === 'string') out.workers = positiveInt('workers', values.workers, 256);
  if (values.verbose === true) out.verbose = true;
  return out;
}
