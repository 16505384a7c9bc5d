import { CliError } from './cli-error.ts';

/**
 * The shell of every CLI command: parse, run, then the stderr contract of scoring.md §8 — the
 * run's lines after success; after a refusal only the `excluded` lines (which explain it) and one
 * `error:` sentence, details with --verbose; never an internal text as the sentence.
 */
export async function cliMain<A extends { verbose?: boolean }>(
  argv: readonly string[],
  parse: (argv: readonly string[]) => A,
  run: (args: A, log: (line: string) => void) => Promise<string | undefined>,
): Promise<number> {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const flush = (onlyExclusions = false) => {
    const out = onlyExclusions ? lines.filter((l) => l.startsWith('excluded ')) : lines;
    if (out.length) process.stderr.write(`${out.join('\n')}\n`);
  };
  let args: A | undefined;
  try {
    args = parse(argv);
    const stdout = await run(args, log);
    flush();
    if (stdout) process.stdout.write(stdout);
    return 0;
  } catch (e) {
    flush(true);
    const verbose = args?.verbose === true || argv.includes('--verbose');
    if (e instanceof CliError) {
      process.stderr.write(`error: ${e.message}\n`);
      if (verbose && e.details) process.stderr.write(`${e.details.replace(/^/gm, 'details: ')}\n`);
      return e.exitCode;
    }
    process.stderr.write(`error: unexpected failure; please report it with the input file's header row (run with --verbose for the internal error).\n`);
    if (verbose) process.stderr.write(`${String(e instanceof Error ? (e.stack ?? e.message) : e).replace(/^/gm, 'details: ')}\n`);
    return 1;
  }
}

/** node:util parseArgs with a refusal as one sentence that ends with the usage line. */
export function parseOptionsOrRefuse<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (e) {
    const why = (e as Error).message.replace(/\.\s*$/, '').split('\n')[0];
    throw new CliError(`Invalid arguments (${why}); ${usage}.`, 2);
  }
}
