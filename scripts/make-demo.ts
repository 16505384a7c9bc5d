/**
 * Writes the demo dataset (模拟数据) to a CSV file — the same bytes the site generates in its
 * worker — so the command-line scorer can score it too:
 *
 *   npm run demo -- --rows 30000 --output demo.csv [--seed 20231231] [--previous]
 *
 * `--previous` writes the same enterprises' previous evaluation year (2022) instead, for 年度对比
 * (src/demo/previous-year.ts says what changes).
 */
import { createWriteStream } from 'node:fs';
import { DEMO_DEFAULT_ROWS, DEMO_SEED, demoCsvChunks, recordCsvChunks } from '../src/demo/generate.ts';
import { DEMO_PREVIOUS_YEAR, demoPreviousRecords } from '../src/demo/previous-year.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const rows = Number(arg('rows') ?? DEMO_DEFAULT_ROWS);
const seed = Number(arg('seed') ?? DEMO_SEED);
const output = arg('output') ?? 'demo.csv';
if (!Number.isInteger(rows) || rows < 1) {
  console.error(`--rows must be a positive whole number, got "${arg('rows')}".`);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`--seed must be a whole number, got "${arg('seed')}".`);
  process.exit(2);
}

const previous = process.argv.includes('--previous');
const out = createWriteStream(output, { encoding: 'utf8' });
for (const chunk of previous ? recordCsvChunks(demoPreviousRecords({ rows, seed }), DEMO_PREVIOUS_YEAR) : demoCsvChunks({ rows, seed })) {
  if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
}
await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
console.error(
  previous
    ? `wrote the previous year (${DEMO_PREVIOUS_YEAR}) of ${rows} demo rows (seed ${seed}; enterprises registered after ${DEMO_PREVIOUS_YEAR} and about 2% of the others left out) to ${output}`
    : `wrote ${rows} demo rows (seed ${seed}, evaluation year 2023, as of 2023-12-31) to ${output}`,
);
