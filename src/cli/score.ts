/**
 * Command-line scorer (scoring.md §8):
 *   npm run --silent score -- --system ID --input FILE --output OUT.csv [--as-of YYYY-MM-DD] [--scenario S.json]
 * Exit 0 when at least one row was scored; otherwise one sentence on stderr, a non-zero exit
 * code and no output file.
 */
import { parseScoreArgs, type ScoreArgs } from './args.ts';
import { CliError } from './cli-error.ts';
import { runScore } from './run-score.ts';

async function main(argv: readonly string[]): Promise<number> {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const flush = (onlyExclusions = false) => {
    const out = onlyExclusions ? lines.filter((l) => l.startsWith('excluded ')) : lines;
    if (out.length) process.stderr.write(`${out.join('\n')}\n`);
  };
  let args: ScoreArgs | undefined;
  try {
    args = parseScoreArgs(argv);
    await runScore(args, log);
    flush();
    return 0;
  } catch (e) {
    // A failed run says one sentence; only the excluded lines (which explain it) come first.
    flush(true);
    const verbose = args?.verbose === true || argv.includes('--verbose');
    if (e instanceof CliError) {
      process.stderr.write(`error: ${e.message}\n`);
      if (verbose && e.details) process.stderr.write(`${e.details.replace(/^/gm, 'details: ')}\n`);
      return e.exitCode;
    }
    // Never an internal text as the sentence: it goes to --verbose (with the stack).
    process.stderr.write(`error: unexpected failure; please report it with the input file's header row (run with --verbose for the internal error).\n`);
    if (verbose) process.stderr.write(`${String(e instanceof Error ? (e.stack ?? e.message) : e).replace(/^/gm, 'details: ')}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
