/**
 * Sobol results as export tables: the indices, the per-enterprise indices and every design point.
 * Pure builders (no Node, no DOM) so the browser (情景分析 → 方差敏感性) and the CLI
 * (src/cli/sobol-output.ts) write the same columns; only the header words differ. The files go
 * through the export module (toCsv: BOM, CRLF, formula-injection protection of text cells, enterprise
 * names and indicator names included); numbers are written in shortest round-trip form so a reader
 * can re-score an exported draw exactly.
 */
import type { Cell, ExportColumn, ExportTable } from '../export/table.ts';
import type { SobolOutputId } from './config.ts';
import { forEachDraw, type DesignPoint } from './draws.ts';
import type { SobolResult } from './summarize.ts';

/** The words of the three tables; `ID_HEADERS` are the CLI's (ids, stable for scripts). */
export interface SobolExportHeaders {
  output: string;
  indicator: string;
  S: string;
  sLo: string;
  sHi: string;
  ST: string;
  stLo: string;
  stHi: string;
  variance: string;
  baseSamples: string;
  /** One base sample's number j (draws table). */
  baseSample: string;
  replicates: string;
  note: string;
  /** The name of an output in a cell (the CLI writes its id). */
  outputName: (id: SobolOutputId) => string;
  /** The note of an undefined index (the CLI writes the reason as the estimator states it). */
  reason: (reason: string) => string;
  uscc: string;
  name: string;
  rankVariance: string;
  sOf: (indicator: string) => string;
  stOf: (indicator: string) => string;
  point: string;
  pointName: (p: DesignPoint) => string;
  factorFromB: string;
  uOf: (indicator: string) => string;
  wOf: (stage: string, indicator: string) => string;
}

export const ID_HEADERS: SobolExportHeaders = {
  output: 'output',
  indicator: 'indicator',
  S: 'S',
  sLo: 'S_ci_low',
  sHi: 'S_ci_high',
  ST: 'ST',
  stLo: 'ST_ci_low',
  stHi: 'ST_ci_high',
  variance: 'variance',
  baseSamples: 'base_samples',
  baseSample: 'base_sample',
  replicates: 'bootstrap_replicates',
  note: 'note',
  outputName: (id) => id,
  reason: (r) => r,
  uscc: 'uscc',
  name: 'name',
  rankVariance: 'rank_variance',
  sOf: (id) => `S_${id}`,
  stOf: (id) => `ST_${id}`,
  point: 'point',
  pointName: (p) => p,
  factorFromB: 'factor_from_B',
  uOf: (id) => `u_${id}`,
  wOf: (s, id) => `w_${s}_${id}`,
};

const num = (header: string): ExportColumn => ({ header, kind: 'number' });
const text = (header: string): ExportColumn => ({ header, kind: 'text' });
const table = (name: string, columns: ExportColumn[], rows: Cell[][]): ExportTable => ({ name, columns, rows, notes: [] });

/**
 * Indices of outputs (a) mean absolute rank shift and (b) list churn: one row per output and
 * indicator, S and ST with their bootstrap intervals; empty cells and the reason when undefined.
 */
export function sobolIndicesTable(res: SobolResult, indicators: readonly string[], h: SobolExportHeaders = ID_HEADERS): ExportTable {
  const rows: Cell[][] = [];
  for (const o of res.outputs) {
    const x = o.indices;
    for (let i = 0; i < res.d; i++) {
      rows.push([
        h.outputName(o.id),
        indicators[i],
        x.S[i],
        x.ciS.lo[i],
        x.ciS.hi[i],
        x.ST[i],
        x.ciST.lo[i],
        x.ciST.hi[i],
        x.V,
        res.done,
        x.replicates,
        x.defined ? '' : h.reason(x.reason ?? ''),
      ]);
    }
  }
  const cols = [
    text(h.output),
    text(h.indicator),
    num(h.S),
    num(h.sLo),
    num(h.sHi),
    num(h.ST),
    num(h.stLo),
    num(h.stHi),
    num(h.variance),
    num(h.baseSamples),
    num(h.replicates),
    text(h.note),
  ];
  return table('sobol', cols, rows);
}

/**
 * Per-enterprise rank indices keyed by USCC: V of the rank, then S_i and ST_i per indicator (empty
 * when undefined). With `names` (the browser), the enterprise's name follows its code.
 */
export function sobolEnterpriseTable(
  res: SobolResult,
  uscc: readonly string[],
  indicators: readonly string[],
  h: SobolExportHeaders = ID_HEADERS,
  names?: readonly string[],
): ExportTable {
  const { n, d, perEnterprise: pe } = res;
  if (uscc.length !== n || (names && names.length !== n)) throw new Error(`Sobol export: ${uscc.length} codes for ${n} rows`);
  const cols = [text(h.uscc), ...(names ? [text(h.name)] : []), num(h.rankVariance), ...indicators.map((id) => num(h.sOf(id))), ...indicators.map((id) => num(h.stOf(id)))];
  const rows: Cell[][] = [];
  for (let r = 0; r < n; r++) {
    const row: Cell[] = names ? [uscc[r], names[r], pe.V[r]] : [uscc[r], pe.V[r]];
    for (let i = 0; i < d; i++) row.push(pe.S[r * d + i]);
    for (let i = 0; i < d; i++) row.push(pe.ST[r * d + i]);
    rows.push(row);
  }
  return table('sobol-enterprises', cols, rows);
}

/**
 * Every design point: base sample, point (A / B / AB), the factor taken from B, the u of every
 * factor, the weight of every stage × indicator scored there, and the outputs recorded there.
 */
export function sobolDrawsTable(
  res: SobolResult,
  baseWeights: ArrayLike<number>,
  spread: number,
  stages: readonly string[],
  indicators: readonly string[],
  h: SobolExportHeaders = ID_HEADERS,
): ExportTable {
  const cols = [
    num(h.baseSample),
    text(h.point),
    text(h.factorFromB),
    ...indicators.map((id) => num(h.uOf(id))),
    ...stages.flatMap((s) => indicators.map((id) => num(h.wOf(s, id)))),
    ...res.outputs.map((o) => num(h.outputName(o.id))),
  ];
  const rows: Cell[][] = [];
  forEachDraw(res.partial, baseWeights, stages.length, spread, (dr) => {
    rows.push([dr.j, h.pointName(dr.point), dr.factor >= 0 ? indicators[dr.factor] : '', ...dr.u, ...dr.weights, ...dr.outputs]);
  });
  return table('sobol-draws', cols, rows);
}
