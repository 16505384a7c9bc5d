import type { Remote } from 'comlink';
import type { Label, Scenario } from '../engine/index.ts';
import type { ListRule } from '../whatif/lists/index.ts';
import type { ScoringApi } from '../protocol/scoring.ts';
import type { ReferenceExportRequest, ReferenceRequest, ReferenceResult, SegmentRef } from '../protocol/whatif.ts';
import type { ReferenceCodes } from '../whatif/reference/reference-list.ts';
import { Job } from './job.svelte.ts';
import { downloadBytes, exportMoment, MIME } from './whatif-lists.svelte.ts';

/**
 * The reference list (对照名单) of 名单: the codes of a file the user loads, held in memory only
 * (never stored, never in a link), compared with the current list whenever scenario, rule, segment
 * or dataset change.
 */
export class ReferenceState {
  file = $state.raw<{ name: string; codes: ReferenceCodes } | null>(null);
  loadError = $state.raw<Label | null>(null);
  loading = $state(false);
  exporting = $state(false);
  exportError = $state<string | null>(null);
  readonly job: Job<ReferenceRequest, ReferenceResult>;

  constructor(private readonly scoring: Remote<ScoringApi>) {
    this.job = new Job((r) => scoring.referenceCompare(r));
  }

  async load(file: File): Promise<void> {
    this.loading = true;
    try {
      // The file readers (text decoding, exceljs) load with the first reference file, not with the page.
      const { readReferenceFile } = await import('../whatif/reference/read-reference-file.ts');
      const read = await readReferenceFile(new Uint8Array(await file.arrayBuffer()), file.name);
      if (read.ok) {
        this.file = { name: file.name, codes: read.codes };
        this.loadError = null;
      } else this.loadError = read.error;
    } finally {
      this.loading = false;
    }
  }

  remove(): void {
    this.file = null;
    this.loadError = null;
    this.job.clear();
  }

  private request(scenario: Scenario, rule: ListRule, segment?: SegmentRef): ReferenceRequest | null {
    if (!this.file) return null;
    return { scenario: $state.snapshot(scenario) as Scenario, rule: $state.snapshot(rule) as ListRule, codes: this.file.codes.codes, ...(segment ? { segment } : {}) };
  }

  refresh(scenario: Scenario, rule: ListRule, segment?: SegmentRef): Promise<void> {
    const req = this.request(scenario, rule, segment);
    return req ? this.job.run(req) : Promise.resolve();
  }

  async export(
    format: 'csv' | 'xlsx',
    scenario: Scenario,
    rule: ListRule,
    meta: Omit<ReferenceExportRequest, keyof ReferenceRequest | 'format' | 'exportedAt' | 'referenceName'>,
    segment?: SegmentRef,
  ): Promise<void> {
    const req = this.request(scenario, rule, segment);
    if (!req || !this.file) return;
    this.exporting = true;
    this.exportError = null;
    try {
      const now = exportMoment();
      const bytes = await this.scoring.referenceExport({ ...req, ...meta, format, referenceName: this.file.name, exportedAt: now.text });
      downloadBytes(bytes, `对照名单-${segment ? '细分-' : ''}${now.date}.${format}`, MIME[format]);
    } catch (err) {
      this.exportError = err instanceof Error ? err.message : String(err);
    } finally {
      this.exporting = false;
    }
  }
}
