/**
 * Segment benchmark in real headless Chromium (`npm run bench:segment [-- --sizes 100000,1000000]
 * [--rounds 6] [--json]`). Builds the site, serves it, and for each demo size (`?demoRows=N`) opens
 * 排名 and applies segment conditions, timing inside the page from the 应用 click to the frame after
 * the ranking shows the segment (the context bar names it and the ranking answered the new query):
 *   - the first condition, which also hands the population to the segment database (Arrow → DuckDB-wasm);
 *   - the background load of the columns the first condition did not name (until the table holds all);
 *   - a segment change (the table already held), median and worst over `rounds` different conditions;
 *   - a score range (`score …`, SCORE_CONDITIONS): the scores of the scenario on screen go to DuckDB each time.
 * Beside them, the reference: the condition's own DuckDB-wasm queries (type check + row ids) in the
 * same page, so the ratio says what the workbench adds around DuckDB. Target (issue 13): a segment
 * change on 1M enterprises → ranking on screen ≤ 500 ms. With --json a last line holds the figures.
 */
import type { Page } from 'playwright-core';
import { forEachDemoSize } from './bench/demo-pages.ts';
import { printTable } from './bench/table.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sizes = arg('sizes', '100000,1000000').split(',').map(Number);
const rounds = Number(arg('rounds', '6'));
const json = process.argv.includes('--json');

/** Conditions over the demo's columns, each selecting another part of it (so no answer is reused). */
const CONDITIONS = [
  "city = '成都市'",
  "city = '成都市' AND industry_code LIKE 'C39%'",
  "tech_field = '电子信息' AND rd_expense > 500",
  `"市" = '绵阳市' OR size = '小型'`,
  "registration_date >= DATE '2018-01-01' AND rd_expense >= 100",
  "industry_code LIKE 'C3%' AND city <> '成都市'",
  "contains(enterprise_types, '高新技术企业') AND city = '德阳市'",
  'rd_expense BETWEEN 50 AND 800',
];

/** Score ranges (`score` is the score under the scenario on screen: a table of its own, loaded per apply). */
const SCORE_CONDITIONS = ['score >= 30', 'score BETWEEN 20 AND 40', "city = '成都市' AND score >= 25"];

interface Timed {
  ms: number;
  queryMs: number;
  tableMs: number;
  count: number;
}

/** One apply, timed in the page: submit → context bar names the condition and the ranking answered → next frame. */
async function applyTimed(page: Page, condition: string): Promise<Timed> {
  await page.getByTestId('segment-input').fill(condition);
  const ms = await page.evaluate(async (cond) => {
    const app = document.querySelector('.app') as HTMLElement;
    const gen = Number(app.dataset.appliedGen);
    const form = document.querySelector('[data-testid="segment-form"]') as HTMLFormElement;
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const shown = () => {
      const chip = document.querySelector('[data-testid="context-segment"]');
      return !!chip && chip.textContent!.includes(cond) && Number(app.dataset.appliedGen) > gen && !!document.querySelector('[data-testid="segment-rank-header"]');
    };
    const done = new Promise<void>((resolve) => {
      const obs = new MutationObserver(() => {
        if (shown()) {
          obs.disconnect();
          resolve();
        }
      });
      obs.observe(app, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const t0 = performance.now();
    form.requestSubmit();
    await done;
    await frame();
    return performance.now() - t0;
  }, condition);
  const scope = page.getByTestId('segment-scope');
  const num = async (a: string) => Number(await scope.getAttribute(a));
  const count = Number(await page.getByTestId('context-segment').getAttribute('data-count'));
  return { ms, queryMs: await num('data-query-ms'), tableMs: await num('data-table-ms'), count };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const rows: string[][] = [];
const out: Record<string, number> = {};
await forEachDemoSize('bench-segment', sizes, async (page, n, siteUrl) => {
  await page.addInitScript('globalThis.__name = (f) => f'); // tsx's keepNames helper, for page.evaluate
  await page.goto(`${siteUrl}?demoRows=${n}#ranking`);
  await page.waitForSelector('[data-testid="ranking-table"] tbody tr td.name', { timeout: 600_000 });
  await page.getByRole('tab', { name: '排名' }).click();
  const first = await applyTimed(page, CONDITIONS[0]);
  // The first condition loads only the columns it names; the others follow in the background.
  const t0 = Date.now();
  await page.waitForSelector('[data-testid="segment-scope"][data-complete="true"]', { timeout: 600_000 });
  const completeMs = Date.now() - t0;
  const changes: Timed[] = [];
  for (let i = 0; i < rounds; i++) changes.push(await applyTimed(page, CONDITIONS[1 + (i % (CONDITIONS.length - 1))]));
  const ms = changes.map((c) => c.ms);
  const scored: Timed[] = [];
  for (const c of SCORE_CONDITIONS) scored.push(await applyTimed(page, c));
  const sms = scored.map((c) => c.ms);
  const q = changes.map((c) => c.queryMs);
  rows.push([
    n.toLocaleString('en'),
    `${first.ms.toFixed(0)} ms (table ${first.tableMs.toFixed(0)} ms)`,
    `+${(completeMs / 1000).toFixed(1)} s`,
    `${median(ms).toFixed(0)} ms`,
    `${Math.max(...ms).toFixed(0)} ms`,
    `${median(q).toFixed(0)} ms`,
    (median(ms) / median(q)).toFixed(2),
    changes.map((c) => c.count.toLocaleString('en')).join(' / '),
    `${median(sms).toFixed(0)} ms (scores ${median(scored.map((c) => c.tableMs)).toFixed(0)} ms, DuckDB ${median(scored.map((c) => c.queryMs)).toFixed(0)} ms)`,
  ]);
  out[`first_${n}_ms`] = Math.round(first.ms);
  out[`all_columns_${n}_ms`] = completeMs;
  out[`change_${n}_ms`] = Math.round(median(ms));
  out[`duckdb_${n}_ms`] = Math.round(median(q));
  out[`score_range_${n}_ms`] = Math.round(median(sms));
});

printTable(
  [
    'rows',
    'first condition → screen',
    'every column held (background)',
    'segment change → screen (median)',
    'worst',
    'DuckDB-wasm queries alone (median)',
    'ratio',
    'rows selected',
    'score range → screen (median)',
  ],
  rows,
);
console.log('target: a segment change on 1M enterprises → ranking on screen ≤ 500 ms');
if (json) console.log(JSON.stringify(out));
