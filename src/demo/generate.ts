import { DEMO_FIELD_IDS, MAY_BE_MISSING, demoHeader } from './columns.ts';
import { csvRecord } from './csv.ts';
import { applyDefect, defectPlan } from './defects.ts';
import { makeEnterprise, type DemoRecord } from './enterprise.ts';
import { Rng } from './prng.ts';

/**
 * The embedded demo dataset (模拟数据): synthetic Sichuan enterprises for evaluation year 2023
 * (as of 2023-12-31), generated deterministically from a seed. Pure: runs in a worker, in Node
 * (scripts/make-demo.ts) and in tests, and always gives the same bytes for the same options.
 */
export interface DemoOptions {
  rows: number;
  seed?: number;
}

export const DEMO_DEFAULT_ROWS = 30_000;
export const DEMO_SEED = 20231231;
export const DEMO_EVALUATION_YEAR = 2023;
export const DEMO_AS_OF = '2023-12-31';

/** Writes a few percent of dates in the other formats the data model accepts. */
function dateVariant(rng: Rng, iso: string): string {
  const u = rng.next();
  if (u > 0.06) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  if (u < 0.03) return `${y}/${m}/${d}`;
  if (u < 0.05) return `${y}年${m}月${d}日`;
  return iso.replaceAll('-', '');
}

function blankSome(rng: Rng, rec: DemoRecord): void {
  if (!rng.chance(0.06)) return;
  const count = rng.int(1, 4);
  for (let j = 0; j < count; j++) rec[rng.pick(MAY_BE_MISSING)] = null;
}

/** The records one by one (defects applied). */
export function* demoRecords(opts: DemoOptions): Generator<DemoRecord> {
  const rng = new Rng(opts.seed ?? DEMO_SEED);
  const plan = defectPlan(opts.rows);
  const recent: string[] = [];
  let markups = 0;
  for (let i = 0; i < opts.rows; i++) {
    const rec = makeEnterprise(rng, i);
    blankSome(rng, rec);
    if (typeof rec.registration_date === 'string') rec.registration_date = dateVariant(rng, rec.registration_date);
    const defect = plan.get(i);
    if (defect) applyDefect(rec, defect, rng, recent[(i * 7) % Math.max(1, recent.length)] ?? String(rec.uscc), markups++);
    if (recent.length < 64) recent.push(String(rec.uscc));
    yield rec;
  }
}

export function demoHeaderLine(evalYear = DEMO_EVALUATION_YEAR): string {
  return csvRecord(DEMO_FIELD_IDS.map((id) => demoHeader(id, evalYear))) + '\n';
}

/**
 * CSV text in chunks of `chunkRows` rows (the header comes with the first chunk). Lines are
 * collected in an array and joined once per chunk: repeated `+=` builds rope strings whose
 * flattening and collection cost more than generating the data.
 */
export function* demoCsvChunks(opts: DemoOptions, chunkRows = 5000): Generator<string> {
  yield* recordCsvChunks(demoRecords(opts), DEMO_EVALUATION_YEAR, chunkRows);
}

/** Any demo records (this year's or the previous year's) as CSV text in chunks, headers of `evalYear`. */
export function* recordCsvChunks(records: Iterable<DemoRecord>, evalYear: number, chunkRows = 5000): Generator<string> {
  let lines: string[] = [demoHeaderLine(evalYear)];
  const cells = new Array<string | number | null>(DEMO_FIELD_IDS.length);
  for (const rec of records) {
    for (let j = 0; j < DEMO_FIELD_IDS.length; j++) cells[j] = rec[DEMO_FIELD_IDS[j]];
    lines.push(csvRecord(cells) + '\n');
    if (lines.length >= chunkRows) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
}

/** The whole CSV as one string (fine up to a few hundred thousand rows). */
export function demoCsv(opts: DemoOptions): string {
  return [...demoCsvChunks(opts)].join('');
}
