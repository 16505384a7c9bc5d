/**
 * Command-line scorer (scoring.md §8):
 *   npm run --silent score -- --system ID --input FILE --output OUT.csv [--as-of YYYY-MM-DD] [--scenario S.json]
 * Exit 0 when at least one row was scored; otherwise one sentence on stderr, a non-zero exit
 * code and no output file.
 */
import { parseScoreArgs } from './args.ts';
import { cliMain } from './main.ts';
import { runScore } from './run-score.ts';

process.exitCode = await cliMain(process.argv.slice(2), parseScoreArgs, async (args, log) => {
  await runScore(args, log);
  return undefined;
});
