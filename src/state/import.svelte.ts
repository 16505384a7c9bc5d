import { proxy, transfer } from 'comlink';
import { columnReads } from '../data/column-reads.ts';
import { requiredFields } from '../data/system-fields.ts';
import { setColumnField, type ColumnMapping } from '../data/mapping.ts';
import type { GridHeader } from '../data/typed-read.ts';
import type { ValidationReport } from '../data/validation-report.ts';
import type { Connector } from '../db/connector.ts';
import type { Label } from '../engine/types.ts';
import { importErrorLabel, type ImportError } from '../import/errors.ts';
import { GridSource } from '../import/grid-source.ts';
import { applyEdits, manualEdits, recallEdits, rememberEdits } from '../import/mapping-memory.ts';
import { importPreview } from '../import/preview.ts';
import type { ImportChoices, StoredDataset, StoredDatasetInfo } from '../persist/datasets.ts';
import type { ImportFormat, ImportPreview, ParseOptions, ParsedFile } from '../protocol/import.ts';
import type { LoadReport, LoadTimings } from '../protocol/scoring.ts';
import type { RowWidthIssue, TextEncoding } from '../data/index.ts';
import { Latest } from '../protocol/latest.ts';
import { startImportWorker } from './workers.ts';
import type { Workbench } from './workbench.svelte.ts';

export type ImportPhase = 'idle' | 'reading' | 'decoding' | 'parsing' | 'duckdb' | 'mapping' | 'review' | 'scoring' | 'error';

/** What the user sees about a file once it is parsed (the encoding, the sheet, …). */
export interface FileFacts {
  name: string;
  size: number;
  format: ImportFormat;
  encoding?: TextEncoding;
  detectedEncoding?: TextEncoding;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
}

/** A CSV or a stored dataset: DuckDB holds the grid, the worker gets typed reads of it. */
interface DuckGrid {
  source: GridSource;
  header: GridHeader;
  /** A stored dataset's rows of another width (XLSX…: not in the grid itself). */
  widthIssues?: RowWidthIssue[];
  /** The column reads of the typed table the worker holds ('' = none yet). */
  held: string;
}

/**
 * The import of one user file: progress while it is parsed off the main thread, the column
 * mapping under review, the validation report, and finally handing the built dataset to the
 * scoring worker (import worker → scoring worker on a MessagePort) and storing it without its
 * personal data. Every step runs in a worker or in DuckDB; a newer import or a cancel makes
 * older answers stale.
 */
export class ImportState {
  phase = $state<ImportPhase>('idle');
  fraction = $state(NaN);
  error = $state.raw<ImportError | null>(null);
  file = $state.raw<Blob | null>(null);
  facts = $state.raw<FileFacts | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  /** Data rows of the file (a CSV's are known once DuckDB has read it whole). */
  rows = $state<number | null>(null);
  mapping = $state.raw<ColumnMapping | null>(null);
  report = $state.raw<ValidationReport | null>(null);
  validating = $state(false);
  keepInvalidUscc = $state(false);
  options = $state.raw<ParseOptions>({});
  readonly evalYear = $derived(this.mapping?.evalYear ?? new Date().getFullYear() - 1);

  // Started on the first import, not with the page: its 300 kB would compete with the first ranking.
  private started: ReturnType<typeof startImportWorker> | null = null;
  private get worker(): ReturnType<typeof startImportWorker> {
    return (this.started ??= startImportWorker());
  }
  private grid: DuckGrid | null = null;
  /** Each open takes a ticket; answers to an older open or after a cancel are dropped. */
  private readonly opens = new Latest();
  /** The ticket of the file under review (validations belong to it). */
  private token = 0;
  private steps: LoadTimings['steps'] = [];

  /**
   * Where a scored file goes: by default the scoring worker's population (what every view shows);
   * 年度对比's importer hands it over as the comparison year instead. Resolves to null, or to the
   * worker's error message.
   */
  private readonly deliver: (port: MessagePort) => Promise<string | null>;

  constructor(
    private readonly workbench: Workbench,
    private readonly db: Connector,
    deliver?: (port: MessagePort) => Promise<string | null>,
  ) {
    this.deliver =
      deliver ??
      (async (port) => ((await this.workbench.loadWith((): Promise<LoadReport> => this.workbench.scoring.adopt(transfer(port, [port])))) ? null : (this.workbench.error ?? '')));
  }

  private need() {
    const system = this.workbench.system;
    return { required: requiredFields(system), extensions: system.optionalFields ?? [] };
  }

  private timed<T>(label: Label, work: Promise<T>): Promise<T> {
    const t0 = performance.now();
    return work.then((v) => {
      // A step run again (DuckDB reading for another mapping) counts once: its last run.
      this.steps = [...this.steps.filter((s) => s.label.en !== label.en), { label, ms: performance.now() - t0 }];
      return v;
    });
  }

  /** Opens a file (or re-opens it with another encoding or sheet); resolves false on failure. */
  async open(file: Blob, name: string, choices: Partial<ImportChoices> = {}): Promise<boolean> {
    const token = this.begin();
    this.file = file;
    this.options = choices.options ?? {};
    this.keepInvalidUscc = choices.keepInvalidUscc ?? false;
    this.phase = 'reading';
    try {
      const parsed = await this.timed<ParsedFile>(
        { zh: '读取并解析文件', en: 'read and parse the file' },
        this.worker.api.parse(
          file,
          name,
          this.options,
          proxy((p) => {
            // Progress messages may arrive after `parse` has answered: never step back.
            if (!this.opens.isNewest(token) || !['reading', 'decoding', 'parsing'].includes(this.phase)) return;
            this.phase = p.phase;
            this.fraction = p.fraction;
          }),
        ),
      );
      if (!this.opens.isNewest(token)) return false;
      let preview: ImportPreview;
      if (parsed.kind === 'csv') {
        this.facts = { name, size: parsed.size, format: parsed.format, encoding: parsed.encoding, detectedEncoding: parsed.detectedEncoding, delimiter: parsed.delimiter };
        this.phase = 'duckdb';
        const source = await GridSource.csv(this.db, parsed.utf8, parsed.delimiter); // the bytes move to DuckDB's worker
        const header = await source.header();
        if (!header) {
          await source.close();
          throw new Error(`empty|${name} is empty: it has no header row and no data.|${name} 是空文件，没有表头也没有数据。`);
        }
        if (!this.opens.isNewest(token)) {
          await source.close();
          return false;
        }
        this.grid = { source, header, held: '' };
        preview = importPreview(header.headers, header.index + 1, header.sample, this.need());
      } else {
        this.facts = { name, size: parsed.size, format: parsed.format, ...(parsed.sheet ? { sheet: parsed.sheet } : {}), ...(parsed.sheets ? { sheets: parsed.sheets } : {}) };
        this.rows = parsed.rows;
        preview = importPreview(parsed.headers, parsed.headerRowNumber, parsed.sample, this.need());
      }
      return await this.review(token, preview, choices);
    } catch (err) {
      if (this.opens.isNewest(token)) this.failWith(err);
      return false;
    }
  }

  /** Opens a dataset stored on this computer (its grid goes into DuckDB, then as a CSV's). */
  async openStored(stored: StoredDataset): Promise<boolean> {
    const token = this.begin();
    this.file = null;
    this.options = stored.options;
    this.keepInvalidUscc = stored.keepInvalidUscc;
    this.phase = 'duckdb';
    try {
      const bytes = new Uint8Array(await stored.grid.arrayBuffer());
      const source = await this.timed({ zh: '载入已保存的数据', en: 'load the stored data' }, GridSource.stored(this.db, bytes));
      const header = await source.storedHeader(stored.headers, stored.width);
      if (!this.opens.isNewest(token)) {
        await source.close();
        return false;
      }
      this.grid = { source, header, held: '', ...(stored.widthIssues ? { widthIssues: stored.widthIssues } : {}) };
      this.facts = { name: stored.name, size: stored.size, format: stored.format };
      return await this.review(token, importPreview(stored.headers, stored.headerRowNumber, header.sample, this.need()), stored);
    } catch (err) {
      if (this.opens.isNewest(token)) this.failWith(err);
      return false;
    }
  }

  private async review(token: number, preview: ImportPreview, choices: Partial<ImportChoices>): Promise<boolean> {
    this.preview = preview;
    const edits = choices.edits ?? recallEdits(localStorage, preview.headers);
    this.mapping = applyEdits(preview.mapping, edits);
    this.phase = 'review';
    await this.validate();
    return this.opens.isNewest(token);
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
      const snapshot = $state.snapshot(mapping) as ColumnMapping;
      const grid = this.grid;
      if (grid) {
        // DuckDB reads the columns this mapping needs (numbers as doubles); the same reads are
        // not read again for another option such as keeping invalid USCCs.
        const reads = columnReads(snapshot);
        const key = reads.join();
        if (grid.held !== key) {
          grid.held = '';
          const ipc = await this.timed({ zh: 'DuckDB 读取', en: 'DuckDB read' }, grid.source.typed(grid.header, reads));
          if (!this.opens.isNewest(token) || mapping !== this.mapping) return;
          const width = grid.header.width;
          const plan = { reads, headers: grid.header.headers, headerRowNumber: this.preview!.headerRowNumber, source: { format: 'csv' as const }, ...(width ? { width } : {}) };
          this.rows = await this.worker.api.hold(transfer({ ipc, plan, ...(grid.widthIssues ? { widthIssues: grid.widthIssues } : {}) }, [ipc.buffer]));
          grid.held = key;
        }
      }
      const report = await this.worker.api.validate({ mapping: snapshot, evalYear: this.evalYear, keepInvalidUscc: this.keepInvalidUscc });
      if (this.opens.isNewest(token) && mapping === this.mapping) {
        this.report = report;
        // A refusal of an earlier mapping (e.g. a field on two differing columns) is fixed now.
        if (this.phase === 'error') {
          this.phase = 'review';
          this.error = null;
        }
      }
    } catch (err) {
      // No report means no Score button: a refused mapping (buildDataset's DataError) blocks scoring.
      if (this.opens.isNewest(token)) {
        this.report = null;
        this.failWith(err);
      }
    } finally {
      if (this.opens.isNewest(token)) this.validating = false;
    }
  }

  /** Scores the reviewed file: the import worker hands its built dataset to the scoring worker. */
  async score(name: string): Promise<boolean> {
    if (this.grid && this.grid.held === '') await this.validate(); // released after an earlier score
    if (!this.mapping || !this.report) return false;
    const channel = new MessageChannel();
    const totalMs = this.steps.reduce((s, x) => s + x.ms, 0);
    const handOff = { port: channel.port1, source: { kind: 'file' as const, name }, timings: { totalMs, steps: [...this.steps] } };
    this.phase = 'scoring';
    const sent = this.worker.api.handOff(transfer(handOff, [channel.port1]));
    const failure = await this.deliver(channel.port2);
    const ok = failure === null;
    await sent.catch(() => {});
    if (ok && this.grid) {
      this.grid.held = ''; // read again from DuckDB if the mapping changes after this
      await this.worker.api.release();
    }
    this.phase = ok ? 'review' : 'error';
    if (failure !== null) this.error = importErrorLabel(failure);
    return ok;
  }

  choices(): ImportChoices {
    return { options: { ...this.options }, edits: this.mapping ? manualEdits(this.mapping) : {}, keepInvalidUscc: this.keepInvalidUscc };
  }

  /**
   * Stores the file under review on this computer as `info` says: the rows as read, with every
   * personal-data column emptied before anything is written (the original file is not kept).
   */
  async keep(info: Omit<StoredDatasetInfo, keyof ImportChoices | 'headers' | 'headerRowNumber' | 'format' | 'size' | 'width'>): Promise<void> {
    const mapping = this.mapping;
    const preview = this.preview;
    const facts = this.facts;
    if (!mapping || !preview || !facts) return;
    const personal = [...mapping.personal];
    const width = this.grid?.header.width;
    const record: StoredDatasetInfo = {
      ...info,
      format: facts.format,
      size: facts.size,
      headers: preview.headers,
      headerRowNumber: preview.headerRowNumber,
      ...(width ? { width } : {}),
      ...this.choices(),
    };
    const grid = this.grid ? await this.grid.source.withoutColumns(this.grid.header, new Set(personal)) : undefined;
    await this.worker.api.keep(grid ? transfer({ info: record, personal, grid }, [grid.buffer]) : { info: record, personal });
  }

  /** Stops the running import: the worker is terminated and a fresh one started. */
  cancel(): void {
    this.begin();
    this.started?.worker.terminate();
    this.started = null;
    this.phase = 'idle';
  }

  private begin(): number {
    const token = this.opens.take();
    this.token = token;
    void this.grid?.source.close();
    this.grid = null;
    this.error = null;
    this.facts = null;
    this.preview = null;
    this.mapping = null;
    this.report = null;
    this.rows = null;
    this.fraction = NaN;
    this.steps = [];
    return token;
  }

  private failWith(err: unknown): void {
    console.warn(err);
    this.error = importErrorLabel(err);
    this.phase = 'error';
  }
}
