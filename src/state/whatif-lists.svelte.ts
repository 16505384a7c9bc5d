import type { Remote } from 'comlink';
import type { Scenario } from '../engine/index.ts';
import type { ListRule } from '../whatif/lists/index.ts';
import { localDateTime } from '../whatif/export/index.ts';
import type { ScoringApi } from '../protocol/scoring.ts';
import type { BorderlineRequest, BorderlineResult, ListPage, ListPageRequest, SegmentRef } from '../protocol/whatif.ts';
import { Job } from './job.svelte.ts';
import type { Lang } from '../i18n/lang.ts';
import { runKey } from '../systems/run-key.ts';

/** Saves bytes as a file: a Blob behind an object URL, revoked once the download has started. */
export function downloadBytes(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;

/**
 * The moment of an export as the user's clock reads it: the local date-time with its UTC offset
 * and time zone for the 方案说明, and the local date for the file name (never the UTC date).
 */
export function exportMoment(now = new Date()): { text: string; date: string } {
  const offset = -now.getTimezoneOffset();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const text = localDateTime(now, offset, zone);
  return { text, date: text.slice(0, 10) };
}

/** The most rows the print view of a list shows (a larger list is printed from the XLSX pack). */
export const PRINT_MAX = 20_000;

/** The 名单 view: one page of the list under the current scenario and rule, and its export. */
export class ListsState {
  offset = $state(0);
  limit = $state(50);
  relending = $state(false);
  exporting = $state(false);
  exportError = $state<string | null>(null);
  readonly page: Job<ListPageRequest, ListPage>;
  /** The borderline enterprises, computed on request for one (scenario, rule); dropped when either changes. */
  readonly borderline: Job<BorderlineRequest, BorderlineResult>;
  /** The whole list for the print view of the published list (公示), up to PRINT_MAX rows; null = closed. */
  readonly printed: Job<ListPageRequest, ListPage>;
  private borderlineKey = '';

  constructor(private readonly scoring: Remote<ScoringApi>) {
    this.page = new Job((r) => scoring.listPage(r));
    this.borderline = new Job((r) => scoring.listBorderline(r));
    this.printed = new Job((r) => scoring.listPage(r));
  }

  /** Fetches the list for the print view (the first PRINT_MAX rows: more is for the XLSX pack). */
  openPrint(scenario: Scenario, rule: ListRule, segment?: SegmentRef): Promise<void> {
    return this.printed.run({
      scenario: $state.snapshot(scenario) as Scenario,
      rule: $state.snapshot(rule) as ListRule,
      offset: 0,
      limit: PRINT_MAX,
      relending: this.relending,
      ...(segment ? { segment } : {}),
    });
  }

  computeBorderline(scenario: Scenario, rule: ListRule, count: number, segment?: SegmentRef): Promise<void> {
    const req = { scenario: $state.snapshot(scenario) as Scenario, rule: $state.snapshot(rule) as ListRule, count, ...(segment ? { segment } : {}) };
    this.borderlineKey = runKey([req.scenario, req.rule, segment?.id ?? 0]);
    return this.borderline.run(req);
  }

  /**
   * Fetches the page shown (the scenario and rule are snapshotted: plain objects cross to the
   * worker), drawn from `segment` when one is applied.
   */
  refresh(scenario: Scenario, rule: ListRule, segment?: SegmentRef): Promise<void> {
    if (this.borderlineKey && runKey([$state.snapshot(scenario), $state.snapshot(rule), segment?.id ?? 0]) !== this.borderlineKey) {
      this.borderline.clear();
      this.borderlineKey = '';
    }
    return this.page.run({
      scenario: $state.snapshot(scenario) as Scenario,
      rule: $state.snapshot(rule) as ListRule,
      offset: this.offset,
      limit: this.limit,
      relending: this.relending,
      ...(segment ? { segment } : {}),
    });
  }

  async export(
    format: 'csv' | 'xlsx' | 'notes-csv' | 'pack',
    req: { scenario: Scenario; rule: ListRule; scenarioName: string; datasetName: string; listDescription: string; quality?: string[]; lang?: Lang; segment?: SegmentRef },
  ): Promise<void> {
    this.exporting = true;
    this.exportError = null;
    try {
      const now = exportMoment();
      const bytes = await this.scoring.listExport({ ...req, format, relending: this.relending, exportedAt: now.text });
      const base = `${this.relending ? '备选企业名单' : '积分榜'}${req.segment ? '-细分' : ''}-${now.date}`;
      if (format === 'notes-csv') downloadBytes(bytes, `${base}-方案说明.csv`, MIME.csv);
      else if (format === 'pack') downloadBytes(bytes, `公示包${req.segment ? '-细分' : ''}-${now.date}.xlsx`, MIME.xlsx);
      else downloadBytes(bytes, `${base}.${format}`, MIME[format]);
    } catch (err) {
      this.exportError = err instanceof Error ? err.message : String(err);
    } finally {
      this.exporting = false;
    }
  }
}
