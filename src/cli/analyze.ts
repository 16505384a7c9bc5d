/**
 * Batch analyses (issue 12):
 *   npm run --silent analyze -- --system ID --input FILE [--scenario S.json] (--audit OUT.json|OUT.xlsx | --sobol OUT.csv --samples N --seed S)
 * Exit 0 with the files written listed on stdout; otherwise one sentence on stderr, a non-zero
 * exit code and no output file. Loading, the notes on stderr and the refusals are the scorer's.
 */
import { parseAnalyzeArgs } from './analyze-args.ts';
import { cliMain } from './main.ts';
import { runAnalyze } from './run-analyze.ts';

process.exitCode = await cliMain(process.argv.slice(2), parseAnalyzeArgs, async (args, log) => `${(await runAnalyze(args, log)).join('\n')}\n`);
