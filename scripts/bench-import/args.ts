import { resolve } from 'node:path';

export interface BenchArgs {
  /** Rows of the generated demo CSV (ignored with --file). */
  rows: number;
  /** An existing CSV to import instead of the generated one. */
  file: string | null;
  /** The project directory whose site is built and measured. */
  site: string;
  /** Cold loads of the embedded demo (median reported). */
  coldRuns: number;
  /** How long after the ranking is on screen the "memory held" figure is taken. */
  settleMs: number;
  /** Per-step wait limit. */
  timeoutMs: number;
}

const HELP = `npm run bench:import [-- --rows N] [--file CSV] [--site DIR] [--cold-runs K] [--settle-ms MS] [--timeout-min M]`;

export function parseArgs(argv: string[], repoRoot: string): BenchArgs {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value\n${HELP}`);
    return v;
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    console.error(HELP);
    process.exit(0);
  }
  const num = (name: string, fallback: number, min = 1): number => {
    const raw = get(name);
    const v = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(v) || v < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${raw}"\n${HELP}`);
    return v;
  };
  const file = get('file');
  return {
    rows: Math.round(num('rows', 1_000_000)),
    file: file === undefined ? null : resolve(file),
    site: resolve(get('site') ?? repoRoot),
    coldRuns: Math.round(num('cold-runs', 5)),
    settleMs: num('settle-ms', 5000, 0),
    timeoutMs: num('timeout-min', 30) * 60_000,
  };
}
