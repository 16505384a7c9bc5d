import { basename } from 'node:path';
import type { Page } from 'playwright-core';

/** Page-clock milestones of one import (ms since the file input's change event). */
export interface ImportTimes {
  /** Mapping review shown: phase 'review' and file-facts naming the file. */
  review: number;
  /** 数据核验 report shown: report table (or its counts) present and data-validating="false". */
  report: number;
  /** score-import clicked (right after the report was on screen). */
  click: number;
  /** data-score-version incremented. */
  scored: number;
  /** ranking-table rows of the new result on screen (after switching to the 排名 tab). */
  ranking: number;
}

export interface ImportRun {
  times: Partial<ImportTimes>;
  error: string | null;
  /** "N" from the ranking caption and from the report's scored count, as a consistency check. */
  rankingTotal: string;
  reportScored: string;
  /** Which selectors matched, for builds whose hooks differ. */
  notes: string[];
}

interface Watch {
  t: Record<string, number>;
  chosenAt: number;
  done: boolean;
  error: string | null;
  notes: string[];
  rankingTotal: string;
  reportScored: string;
}

/**
 * Installs an in-page watcher (MutationObserver + a 50 ms poll as a backstop) that records each
 * milestone the moment the DOM shows it, plus the next frame (rAF → setTimeout 0) as "on screen",
 * and drives the flow itself: score-import is clicked as soon as the report is shown and enabled,
 * the 排名 tab as soon as the score version moves. Nothing waits on a DevTools round trip.
 */
async function installWatcher(page: Page, fileName: string): Promise<void> {
  await page.evaluate((name) => {
    const w: Watch = { t: {}, chosenAt: NaN, done: false, error: null, notes: [], rankingTotal: '', reportScored: '' };
    (window as unknown as { __benchImport: Watch }).__benchImport = w;
    const q = (s: string) => document.querySelector(s);
    const digits = (s: string | null | undefined) => (s ?? '').replace(/\D/g, '');
    const input = q('[data-testid="import-file"]') as HTMLInputElement;
    const versionBefore = Number(q('.app')?.getAttribute('data-score-version') ?? 0);
    const chosen = () => {
      if (Number.isNaN(w.chosenAt)) w.chosenAt = performance.now();
    };
    input.addEventListener('input', chosen, { capture: true });
    input.addEventListener('change', chosen, { capture: true });
    const rel = () => performance.now() - w.chosenAt;
    const onScreen = (key: string) => requestAnimationFrame(() => setTimeout(() => (w.t[key] = rel()), 0));
    let stage: 'review' | 'report' | 'score' | 'scored' | 'ranking' | 'done' = 'review';
    const finish = () => {
      stage = 'done';
      obs.disconnect();
      clearInterval(poll);
      requestAnimationFrame(() => setTimeout(() => (w.done = true), 20));
    };
    const check = () => {
      if (stage === 'done' || Number.isNaN(w.chosenAt)) return;
      const view = q('.data-view');
      const phase = view?.getAttribute('data-import-phase');
      if (phase === 'error') {
        w.error = q('[data-testid="import-error"]')?.textContent?.trim() ?? 'import phase "error"';
        finish();
        return;
      }
      if (stage === 'review' && phase === 'review' && (q('[data-testid="file-facts"]')?.textContent ?? '').includes(name)) {
        w.t.reviewDom = rel();
        onScreen('review');
        stage = 'report';
      }
      if (stage === 'report' && phase === 'review' && view?.getAttribute('data-validating') === 'false') {
        const table = q('[data-testid="report-table"]');
        const counts = q('[data-testid="report-scored"]');
        if (table || counts) {
          if (!table) w.notes.push('no report-table (report without entries): used report-scored');
          w.reportScored = digits(counts?.textContent);
          w.t.reportDom = rel();
          onScreen('report');
          stage = 'score';
        }
      }
      if (stage === 'score') {
        const button = q('[data-testid="score-import"]') as HTMLButtonElement | null;
        if (button && !button.disabled) {
          stage = 'scored';
          // After the report's frame, as a user's click would come.
          requestAnimationFrame(() =>
            setTimeout(() => {
              w.t.click = rel();
              button.click();
            }, 0),
          );
        }
      }
      if (stage === 'scored' && Number(q('.app')?.getAttribute('data-score-version')) > versionBefore) {
        w.t.scored = rel();
        stage = 'ranking';
        const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((el) => el.textContent?.trim() === '排名');
        if (tab) tab.click();
        else w.notes.push('no 排名 tab found');
      }
      if (stage === 'ranking') {
        const rows = document.querySelectorAll('[data-testid="ranking-table"] tbody tr td.name');
        if (rows.length > 0) {
          w.t.rankingDom = rel();
          const caption = q('[data-testid="ranking-table"] caption')?.textContent ?? q('.summary')?.textContent;
          w.rankingTotal = digits(caption);
          requestAnimationFrame(() =>
            setTimeout(() => {
              w.t.ranking = rel();
              finish();
            }, 0),
          );
          stage = 'done';
        }
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    const poll = setInterval(check, 50);
  }, fileName);
}

/** Chooses `file` in the 数据 tab's input and waits until its ranking is on screen (or an error). */
export async function runImport(page: Page, file: string, timeoutMs: number): Promise<ImportRun> {
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByTestId('import-file').waitFor({ state: 'attached' });
  const name = basename(file);
  await installWatcher(page, name);
  await page.getByTestId('import-file').setInputFiles(file, { timeout: timeoutMs });
  // Progress to stderr while waiting (one line per milestone).
  const seen = new Set<string>();
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const w = (await page.evaluate(() => (window as unknown as { __benchImport: Watch }).__benchImport)) as Watch;
    for (const [k, v] of Object.entries(w.t)) {
      if (!seen.has(k) && !k.endsWith('Dom')) {
        seen.add(k);
        console.error(`  ${k.padEnd(8)} ${(v / 1000).toFixed(2)} s after the file was chosen`);
      }
    }
    if (w.done) {
      const t = w.t;
      return {
        times: { review: t.review, report: t.report, click: t.click, scored: t.scored, ranking: t.ranking },
        error: w.error,
        rankingTotal: w.rankingTotal,
        reportScored: w.reportScored,
        notes: w.notes,
      };
    }
    if (performance.now() > deadline) return { times: w.t, error: `timed out after ${timeoutMs / 60_000} min`, rankingTotal: '', reportScored: w.reportScored, notes: w.notes };
    await new Promise((r) => setTimeout(r, 250));
  }
}
