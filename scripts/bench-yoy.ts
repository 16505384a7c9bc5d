/**
 * Year on year (年度对比) speed: two demo years of N rows each (this year and its previous year,
 * src/demo/previous-year.ts), built once, then — as the worker does on 对比 — both scored under
 * one scenario, both lists drawn (top 100), linked by USCC and every change decomposed. Prints a
 * table of medians over the repeats; `--json` prints a last line.
 *
 *   npm run --silent bench:yoy -- [--sizes 100000] [--repeats 5] [--json]
 */
import { buildDataset } from '../src/data/build-dataset.ts';
import { matchHeaders } from '../src/data/header-match.ts';
import { daysFromCivil } from '../src/engine/calendar.ts';
import { scoreScenario, type Scenario } from '../src/engine/index.ts';
import { DEMO_EVALUATION_YEAR } from '../src/demo/generate.ts';
import { DEMO_PREVIOUS_YEAR } from '../src/demo/previous-year.ts';
import { demoRawTable } from '../src/demo/raw-table.ts';
import { getSystem } from '../src/systems/index.ts';
import { buildList } from '../src/whatif/lists/index.ts';
import { linkYears, listedRows, summarizeLink, type YearRun } from '../src/whatif/yoy/year-on-year.ts';
import { printTable } from './bench/table.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const sizes = arg('sizes', '100000').split(',').map(Number);
const repeats = Number(arg('repeats', '5'));
const system = getSystem('sichuan-2024')!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function population(rows: number, year: 'current' | 'previous') {
  const evalYear = year === 'current' ? DEMO_EVALUATION_YEAR : DEMO_PREVIOUS_YEAR;
  const raw = demoRawTable({ rows }, year);
  const mapping = matchHeaders(raw.headers, { required: ['uscc', 'registration_date'], evalYear });
  const asOfDays = daysFromCivil(evalYear, 12, 31);
  const d = buildDataset(raw, mapping, { asOfDays, keepInvalidUscc: false });
  return { usccs: d.text.uscc, pop: { columns: d.columns, n: d.n, regDays: d.regDays, asOfDays } };
}

const out: Record<string, number> = {};
const rows: string[][] = [];
for (const n of sizes) {
  const a = population(n, 'current');
  const b = population(n, 'previous');
  const score: number[] = [];
  const link: number[] = [];
  for (let k = 0; k < repeats; k++) {
    // Another weight each time, so nothing is reused from the previous repeat.
    const scenario: Scenario = { version: 1, systemId: system.id, weights: { initial: { rd_expense: 0.1 + k / 100 } } };
    const t0 = performance.now();
    const ra = scoreScenario(a.pop, system, scenario);
    const rb = scoreScenario(b.pop, system, scenario);
    const t1 = performance.now();
    const rule = { kind: 'top-n', n: 100, scope: 'overall' } as const;
    const year = (u: readonly string[], r: typeof ra): YearRun => ({
      usccs: u,
      prepared: r.prepared,
      weights: r.weights,
      result: r.result,
      listed: listedRows(buildList(r.prepared, r.result, rule).entries, r.prepared.n),
    });
    const ya = year(a.usccs, ra);
    const yb = year(b.usccs, rb);
    summarizeLink(linkYears(ya, yb), ya, yb);
    const t2 = performance.now();
    score.push(t1 - t0);
    link.push(t2 - t1);
  }
  const s = median(score);
  const l = median(link);
  rows.push([n.toLocaleString('en'), `${b.pop.n.toLocaleString('en')}`, `${Math.round(s)} ms`, `${Math.round(l)} ms`, `${Math.round(s + l)} ms`]);
  out[`yoy_${n}_ms`] = s + l;
  out[`yoy_${n}_link_ms`] = l;
}
printTable(['rows (this year)', 'rows (previous year)', 'score both years', 'lists + link + decomposition', 'total (target ≤ 2,000 ms at 100k)'], rows);
if (process.argv.includes('--json')) console.log(JSON.stringify(out));
