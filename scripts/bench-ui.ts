/**
 * UI interaction benchmark in real headless Chromium (`npm run bench:ui [-- --sizes 30000,100000]`).
 * Builds the site, serves it under /points/, and for each demo size (`?demoRows=N`) measures
 *   - time to first ranking on screen: navigation start → ranking table rows painted;
 *   - slider → screen: a weight slider's input event → re-scored top-10 table AND histogram
 *     repainted (measured inside the page, so no DevTools round trip is counted).
 * Targets (issue 3): ≤ 50 ms median at 100k rows, ≤ 250 ms at 1M, first ranking ≤ 3 s.
 */
import { forEachDemoSize } from './bench/demo-pages.ts';
import { sliderRound, firstRanking } from './bench-ui/measure.ts';
import { printTable } from './bench/table.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const sizes = arg('sizes', '30000,100000,1000000').split(',').map(Number);
const rounds = Number(arg('rounds', '15'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.9 * xs.length) - 1)];

const rows: string[][] = [];
await forEachDemoSize('bench-ui', sizes, async (page, n, siteUrl) => {
  const first = await firstRanking(page, `${siteUrl}?demoRows=${n}#ranking`);
  const slider = await sliderRound(page, rounds);
  const worker = slider.worker;
  rows.push([
    n.toLocaleString('en'),
    `${(first.ms / 1000).toFixed(2)} s`,
    `${median(slider.ms).toFixed(0)} ms`,
    `${p90(slider.ms).toFixed(0)} ms`,
    `${median(worker).toFixed(0)} ms`,
    first.breakdown,
  ]);
});

printTable(['rows', 'first ranking', 'slider→screen median', 'p90', 'worker round trip median', 'load breakdown'], rows);
