import { basename } from 'node:path';
import { baselineScenario, scoreScenario, type IndicatorSystem, type Scenario } from '../engine/index.ts';
import { buildDataset, DataError, fieldLabel, finalizeMapping, matchHeaders, type ColumnMapping } from '../data/index.ts';
import { readDataFileTyped } from '../data/node/read-file.ts';
import { columnReads } from '../data/column-reads.ts';
import type { ScoreArgs } from './args.ts';
import { resolveAsOf } from './as-of.ts';
import { CliError } from './cli-error.ts';
import { resolveSystem } from './resolve-system.ts';
import { loadScenario, loadScenarioDoc } from './load-scenario.ts';
import { formatOutputCsv, type OutputColumns } from './output-csv.ts';
import { segmentFields, selectSegmentRows } from './segment-native.ts';
import { exclusionLines, mappingNotes, warningLines } from './report.ts';
import { requiredFields, systemFieldSet } from '../data/system-fields.ts';
import { missingInputs } from '../data/missing-inputs.ts';
import { writeFileAtomic } from './write-atomic.ts';

/**
 * One CLI run: system → scenario → read → map headers → as-of → validate/convert → score →
 * OUT.csv. Returns the number of scored rows; throws CliError (one sentence) when the input
 * cannot be used. `log` receives the stderr lines (exclusions, notes, warnings).
 */
export async function runScore(args: ScoreArgs, log: (line: string) => void): Promise<number> {
  if (args.segment !== undefined) segmentFields(args.segment); // refuses a bad condition before reading
  // --segment wins over the scenario file's segment (said on stderr when they differ).
  let segment = args.segment;
  let source = '--segment';
  const fromFile = async (path: string, system: IndicatorSystem) => {
    const doc = await loadScenarioDoc(path, system, log, { segment: true });
    if (doc.segment !== undefined && segment === undefined) {
      segment = doc.segment;
      source = `the scenario's segment`;
    } else if (doc.segment !== undefined && doc.segment !== segment) log(`note --segment replaces the scenario's segment (${doc.segment})`);
    return doc.scenario;
  };
  const { data, run } = await loadAndScore(args, log, fromFile, () => (segment === undefined ? [] : segmentFields(segment, source)));
  const r = run.result;
  const stage = Array.from(run.prepared.stage, (s) => run.system.stages[s]?.id ?? '');
  const all = { uscc: data.text.uscc, stage, base: r.base, bonus: r.bonus, score: r.score, vetoed: r.vetoed, rank: r.rank, stageRank: r.stageRank };
  if (segment === undefined) {
    await writeFileAtomic(args.output, formatOutputCsv(all));
    return data.n;
  }
  // A segment is scored with the whole population (normalisation bounds, ranks): its rows are
  // written with the population's scores and ranks, as the workbench shows them.
  const rows = await selectSegmentRows(data, segment, source, run.result.score);
  log(`note segment: ${rows.length} of ${data.n} scored rows match the condition; only they are written (scores and ranks are the whole population's)`);
  await writeFileAtomic(args.output, formatOutputCsv(subsetColumns(all, rows)));
  return rows.length;
}

/** The output columns of `rows` only. */
function subsetColumns(c: OutputColumns, rows: Uint32Array): OutputColumns {
  const pick = <T>(a: ArrayLike<T>): T[] => Array.from(rows, (r) => a[r]);
  return {
    uscc: pick(c.uscc),
    stage: pick(c.stage),
    base: pick(c.base),
    bonus: pick(c.bonus),
    score: pick(c.score),
    vetoed: pick(c.vetoed),
    rank: pick(c.rank),
    stageRank: pick(c.stageRank),
  };
}

/** What the score and analyze commands read: the input file and the options that shape the run. */
export type InputArgs = Pick<ScoreArgs, 'system' | 'input' | 'asOf' | 'scenario' | 'sheet'>;

/**
 * Loading and scoring shared by `score` and `analyze`: system → scenario → read → map headers →
 * as-of → validate/convert → score. Throws CliError (one sentence) when the input cannot be used.
 * `scenarioFile` reads the scenario (the analyze command also wants its list rule).
 */
export async function loadAndScore(
  args: InputArgs,
  log: (line: string) => void,
  scenarioFile: (path: string, system: IndicatorSystem) => Promise<Scenario> = (path, system) => loadScenario(path, system, log),
  /** Fields read beyond the system's (asked after the scenario is read: its list rule may need a column). */
  extraFields: () => readonly string[] = () => [],
) {
  const system = await resolveSystem(args.system);
  if (args.asOf !== undefined) resolveAsOf(args.asOf, undefined, undefined, ''); // fail early on a bad --as-of
  const scenario: Scenario | undefined = args.scenario ? await scenarioFile(args.scenario, system) : undefined;
  const name = basename(args.input);

  const required = requiredFields(system);
  const used = systemFieldSet(system);
  for (const f of extraFields()) used.add(f);
  const mapFields = (headers: string[]) => onlyUsedFields(matchHeaders(headers, { required, extensions: system.optionalFields ?? [] }), used);
  let raw;
  try {
    // Only the columns the mapping uses are read (personal data and unmatched columns never are).
    raw = await readDataFileTyped(args.input, args.sheet === undefined ? {} : { sheet: args.sheet }, (headers) => columnReads(scoredFields(mapFields(headers), used)));
  } catch (e) {
    if (e instanceof DataError) throw cliErrorOf(e);
    throw e;
  }
  if (raw.rowNumbers.length === 0) throw new CliError(`${name} has a header row but no data rows.`);

  const mapping = mapFields(raw.headers);
  failOnMissing(mapping, name);
  for (const line of mappingNotes(mapping)) log(line);
  // The same facts the browser lists after an import and on 概览 (src/data/missing-inputs.ts).
  const noted = new Set<string>();
  for (const m of missingInputs(system, Object.keys(mapping.fields))) {
    if (noted.has(m.field) || required.includes(m.field)) continue;
    noted.add(m.field);
    log(`note optional column ${fieldLabel(m.field)} not found; it counts as missing for every row`);
  }

  const asOfDays = resolveAsOf(args.asOf, scenario?.asOf, mapping.evalYear, name);
  let data;
  try {
    data = buildDataset(raw, scoredFields(mapping, used), { asOfDays });
  } catch (e) {
    if (e instanceof DataError) throw cliErrorOf(e); // a field on two columns that differ
    throw e;
  }
  for (const n of data.mappingNotes ?? []) log(`note ${n.en}`);
  for (const line of exclusionLines(data)) log(line);
  for (const line of warningLines(data.warnings, data.warningTotal)) log(line);
  if (data.n === 0) {
    throw new CliError(`No row of ${name} could be scored: all ${data.totalRows} data rows were excluded (see the excluded lines above).`);
  }

  let run;
  try {
    // --as-of (already folded into asOfDays with the scenario's own as-of) decides the stages.
    const chosen: Scenario = { ...(scenario ?? baselineScenario(system)), asOf: undefined };
    run = scoreScenario({ columns: data.columns, n: data.n, regDays: data.regDays, asOfDays }, system, chosen);
  } catch (e) {
    throw new CliError(`Scoring failed: ${(e as Error).message.replace(/\.$/, '')}.`);
  }
  return { system, data, run };
}

/** Keeps the key, the name and the fields the system reads; other columns are not parsed. */
function onlyUsedFields(mapping: ColumnMapping, used: Set<string>): ColumnMapping {
  const keep = new Set([...used, 'name']);
  const columns = mapping.columns.map((c) => {
    if (c.field === undefined || keep.has(c.field) || c.status === 'personal') return c;
    const { field: _f, ...rest } = c;
    return { ...rest, status: 'unmatched' as const };
  });
  return finalizeMapping({ headers: mapping.headers, columns, required: mapping.required, evalYear: mapping.evalYear, extensions: mapping.extensions });
}

/**
 * The mapping with only the fields the system reads, for reading and converting: the enterprise
 * name stays in the mapping the notes come from (so an ambiguous name column is still reported)
 * but is not read, since OUT.csv and the stderr lines never show it; a million names read as
 * strings cost about a second. Fields are dropped from `fields` only; columns, notes and the
 * rest of the mapping are as matched.
 */
function scoredFields(mapping: ColumnMapping, used: Set<string>): ColumnMapping {
  const fields = Object.fromEntries(Object.entries(mapping.fields).filter(([f]) => used.has(f)));
  return { ...mapping, fields };
}

/** A reader's or the data module's refusal as the CLI's: its English sentence, details for --verbose. */
function cliErrorOf(e: DataError): CliError {
  return new CliError(e.en, 1, e.details?.en);
}

/** Listed in the sentence at most; the rest are counted, and listed with --verbose. */
const LISTED_MISSING = 3;

/**
 * A required field with no column. A field on several columns is not "missing": buildDataset
 * uses it when the columns agree and refuses the file, naming them, when they do not.
 */
function failOnMissing(mapping: ColumnMapping, name: string): void {
  const ambiguous = new Set(mapping.ambiguous.map((a) => a.field));
  const absent = mapping.missingRequired.filter((f) => !ambiguous.has(f));
  if (absent.length === 1) {
    throw new CliError(`Required column ${fieldLabel(absent[0])} is missing from ${name}; add a column with that header.`);
  }
  if (absent.length > 1) {
    const shown = absent.slice(0, LISTED_MISSING).map(fieldLabel);
    const list =
      absent.length <= LISTED_MISSING ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : `${shown.join(', ')} and ${absent.length - LISTED_MISSING} more`;
    const details = `missing required columns: ${absent.map(fieldLabel).join(', ')}`;
    throw new CliError(`Required columns ${list} are missing from ${name}; add columns with those headers (the import template lists them all).`, 1, details);
  }
}
