/**
 * Writes the demo dataset (模拟数据) to a CSV file — the same bytes the site generates in its
 * worker — so the command-line scorer can score it too:
 *
 *   npm run demo -- --rows 30000 --output demo.csv [--seed 20231231]
 */
import { createWriteStream } from 'node:fs';
import { DEMO_DEFAULT_ROWS, DEMO_SEED, demoCsvChunks } from '../src/demo/generate.ts';

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

const out = createWriteStream(output, { encoding: 'utf8' });
for (const chunk of demoCsvChunks({ rows, seed })) {
  if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
}
await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
console.error(`wrote ${rows} demo rows (seed ${seed}, evaluation year 2023, as of 2023-12-31) to ${output}`);
