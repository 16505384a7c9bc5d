import { transfer } from 'comlink';
import { requiredFields } from '../data/system-fields.ts';
import { setColumnField, type ColumnMapping } from '../data/mapping.ts';
import type { ValidationReport } from '../data/validation-report.ts';
import type { Connector } from '../db/connector.ts';
import { importErrorLabel, type ImportError } from '../import/errors.ts';
import { applyEdits, manualEdits, recallEdits, rememberEdits, type MappingEdits } from '../import/mapping-memory.ts';
import { openFile, type FileFacts } from '../import/pipeline.ts';
import type { ImportPreview, ParseOptions } from '../protocol/import.ts';
import type { LoadReport } from '../protocol/scoring.ts';
import { startImportWorker } from './workers.ts';
import type { Workbench } from './workbench.svelte.ts';

export type ImportPhase = 'idle' | 'reading' | 'decoding' | 'parsing' | 'duckdb' | 'mapping' | 'review' | 'scoring' | 'error';

/** What a stored or freshly opened file needs to be imported again exactly. */
export interface ImportChoices {
  options: ParseOptions;
  edits: MappingEdits;
  keepInvalidUscc: boolean;
}

/**
 * The import of one user file: progress while it is parsed off the main thread, the column
 * mapping under review, the validation report, and finally handing it to the scoring worker.
 * Every step runs in a worker or in DuckDB; a newer import or a cancel makes older answers stale.
 */
export class ImportState {
  phase = $state<ImportPhase>('idle');
  fraction = $state(NaN);
  error = $state.raw<ImportError | null>(null);
  file = $state.raw<Blob | null>(null);
  facts = $state.raw<FileFacts | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  mapping = $state.raw<ColumnMapping | null>(null);
  report = $state.raw<ValidationReport | null>(null);
  validating = $state(false);
  keepInvalidUscc = $state(false);
  options = $state.raw<ParseOptions>({});
  readonly evalYear = $derived(this.mapping?.evalYear ?? new Date().getFullYear() - 1);

  private worker = startImportWorker();
  private ipc: Uint8Array | null = null;
  private token = 0;

  constructor(
    private readonly workbench: Workbench,
    private readonly db: Connector,
  ) {}

  /** Opens a file (or re-opens it with another encoding or sheet); resolves false on failure. */
  async open(file: Blob, name: string, choices: Partial<ImportChoices> = {}): Promise<boolean> {
    const token = ++this.token;
    this.reset();
    this.file = file;
    this.options = choices.options ?? {};
    this.keepInvalidUscc = choices.keepInvalidUscc ?? false;
    this.phase = 'reading';
    const system = this.workbench.system;
    const need = { required: requiredFields(system), extensions: system.optionalFields ?? [] };
    try {
      const opened = await openFile(this.worker.api, this.db, file, name, this.options, need, (p) => {
        if (token !== this.token) return;
        this.phase = p.phase;
        this.fraction = p.fraction;
      });
      if (token !== this.token) return false;
      this.ipc = opened.ipc;
      this.facts = opened.facts;
      this.preview = opened.preview;
      const edits = choices.edits ?? recallEdits(localStorage, opened.preview.headers);
      this.mapping = applyEdits(opened.preview.mapping, edits);
      this.phase = 'review';
      await this.validate();
      return token === this.token;
    } catch (err) {
      if (token === this.token) this.failWith(err);
      return false;
    }
  }

  reopen(options: ParseOptions): Promise<boolean> {
    if (!this.file || !this.facts) return Promise.resolve(false);
    return this.open(this.file, this.facts.name, { options: { ...this.options, ...options }, keepInvalidUscc: this.keepInvalidUscc });
  }

  /** A mapping edit by hand: remembered for files with the same headers, then re-validated. */
  setField(index: number, field: string | null): void {
    if (!this.mapping || !this.preview) return;
    this.mapping = setColumnField(this.mapping, index, field);
    rememberEdits(localStorage, this.preview.headers, manualEdits(this.mapping));
    void this.validate();
  }

  setKeepInvalidUscc(keep: boolean): void {
    this.keepInvalidUscc = keep;
    void this.validate();
  }

  async validate(): Promise<void> {
    const mapping = this.mapping;
    if (!mapping) return;
    const token = this.token;
    this.validating = true;
    try {
      if (mapping.fields.uscc === undefined || mapping.fields.registration_date === undefined) {
        this.report = null;
        return;
      }
      const report = await this.worker.api.validate({ mapping: $state.snapshot(mapping) as ColumnMapping, evalYear: this.evalYear, keepInvalidUscc: this.keepInvalidUscc });
      if (token === this.token && mapping === this.mapping) {
        this.report = report;
        // A refusal of an earlier mapping (e.g. a field on two differing columns) is fixed now.
        if (this.phase === 'error') {
          this.phase = 'review';
          this.error = null;
        }
      }
    } catch (err) {
      // No report means no Score button: a refused mapping (buildDataset's DataError) blocks scoring.
      if (token === this.token) {
        this.report = null;
        this.failWith(err);
      }
    } finally {
      if (token === this.token) this.validating = false;
    }
  }

  /** Scores the reviewed file in the workbench (the scoring worker gets a copy of the raw table). */
  async score(name: string): Promise<boolean> {
    if (!this.ipc || !this.mapping) return false;
    // The copy is made in the import worker (a 1M-row table copied here stalled the page ~0.6 s);
    // the original comes back so that the file can be scored again with another mapping.
    const { original, copy: ipc } = await this.worker.api.duplicate(transfer(this.ipc, [this.ipc.buffer]));
    this.ipc = original;
    const input = { ipc, source: { kind: 'file' as const, name }, evalYear: this.evalYear, mapping: $state.snapshot(this.mapping) as ColumnMapping, keepInvalidUscc: this.keepInvalidUscc };
    this.phase = 'scoring';
    const ok = await this.workbench.loadWith((): Promise<LoadReport> => this.workbench.scoring.load(transfer(input, [ipc.buffer])));
    this.phase = ok ? 'review' : 'error';
    if (!ok) this.error = { zh: this.workbench.error ?? '', en: this.workbench.error ?? '' };
    return ok;
  }

  choices(): ImportChoices {
    return { options: { ...this.options }, edits: this.mapping ? manualEdits(this.mapping) : {}, keepInvalidUscc: this.keepInvalidUscc };
  }

  /** Stops the running import: the worker is terminated and a fresh one started. */
  cancel(): void {
    this.token++;
    this.worker.worker.terminate();
    this.worker = startImportWorker();
    this.reset();
    this.phase = 'idle';
  }

  private reset(): void {
    this.error = null;
    this.facts = null;
    this.preview = null;
    this.mapping = null;
    this.report = null;
    this.ipc = null;
    this.fraction = NaN;
  }

  private failWith(err: unknown): void {
    console.warn(err);
    this.error = importErrorLabel(err);
    this.phase = 'error';
  }
}
