import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** What a page did that the tests assert on: console errors, page errors and every request URL. */
export interface PageLog {
  errors: string[];
  requests: string[];
}

export function recordPage(page: Page): PageLog {
  const log: PageLog = { errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    // The browser's own icon request, cancelled by a reload while it was still in flight (a
    // loaded machine): not the app's request, and no failure. Any other failure is recorded.
    if (why === 'net::ERR_ABORTED' && new URL(r.url()).pathname.endsWith('/favicon.svg')) return;
    log.errors.push(`requestfailed: ${r.url()} ${why}`);
  });
  // Requests from workers are reported on the context; record both.
  page.context().on('request', (r) => log.requests.push(r.url()));
  return log;
}

/** Requests that left the page's origin (data: and blob: URLs stay in the page). */
export function foreignRequests(log: PageLog, origin: string): string[] {
  return [...new Set(log.requests)].filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}
