import type { Page } from 'playwright-core';

/** Navigation start → ranking rows painted (ms, page clock), and the load phases from the app. */
export async function firstRanking(page: Page, url: string): Promise<{ ms: number; breakdown: string }> {
  // tsx compiles this file with esbuild's keepNames, which wraps functions in `__name(…)`; the
  // functions passed to page.evaluate run in the page, where that helper must exist too.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(url);
  await page.waitForSelector('[data-testid="ranking-table"] tbody tr td.name', { timeout: 600_000 });
  // The rows are in the DOM; the next frame paints them.
  const ms = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))));
  await page.getByRole('tab', { name: '概览' }).click();
  const breakdown = (await page.getByTestId('load-time').getAttribute('title')) ?? '';
  return { ms, breakdown };
}

/**
 * `rounds` slider moves on the weights tab. Each is timed inside the page from the input event to
 * the frame after both the top-10 table and the histogram SVG show the new scores.
 */
export async function sliderRound(page: Page, rounds: number): Promise<{ ms: number[]; worker: number[] }> {
  await page.getByRole('tab', { name: '权重' }).click();
  await page.waitForSelector('[data-testid="preview-histogram"] svg');
  const slider = page.getByRole('slider', { name: '与主营业务相关的PCT专利申请量 — 成长期 权重' });
  await slider.waitFor();
  const handle = await slider.elementHandle();
  return page.evaluate(
    async ({ el, rounds }) => {
      const input = el as HTMLInputElement;
      const app = document.querySelector('.app') as HTMLElement;
      const chart = document.querySelector('[data-testid="preview-histogram"]') as HTMLElement;
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const ms: number[] = [];
      const worker: number[] = [];
      for (let i = 0; i < rounds + 2; i++) {
        const version = Number(app.dataset.scoreVersion);
        const svgBefore = chart.querySelector('svg')?.outerHTML ?? '';
        const done = new Promise<void>((resolve) => {
          const check = () => {
            const svg = chart.querySelector('svg');
            if (Number(app.dataset.scoreVersion) > version && svg && svg.outerHTML !== svgBefore) {
              obs.disconnect();
              resolve();
            }
          };
          const obs = new MutationObserver(check);
          obs.observe(app, { subtree: true, childList: true, attributes: true, characterData: true });
        });
        const t0 = performance.now();
        input.value = String(i % 2 ? 0.3 : 0.05 + 0.01 * (i % 7));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await done;
        await frame();
        const t1 = performance.now();
        if (i >= 2) {
          // the first two rounds warm up the JIT and the chart
          ms.push(t1 - t0);
          const text = document.querySelector('.preview .timing')?.textContent ?? '';
          worker.push(Number(/(\d+)/.exec(text)?.[1] ?? NaN));
        }
        await frame();
      }
      return { ms, worker };
    },
    { el: handle, rounds },
  );
}
