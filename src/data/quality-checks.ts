import type { Label } from '../engine/types.ts';
import { quantile7 } from '../engine/quantile.ts';
import type { EngineDataset } from './build-dataset.ts';
import { FIELD_BY_ID } from './fields.ts';
import { qualityMessage, type QualityCode, type QualityContext } from './quality-messages.ts';

/**
 * Data-quality checks over the scored rows that look at whole columns, run after buildDataset
 * (which already warns about single cells: text in number columns, negatives, counts, and the
 * 科技人员/研究生 > 从业人员 and 高新技术产品收入 > 营业收入 comparisons):
 * - missing values per column;
 * - extreme values: beyond the winsorisation caps Q(0.01)/Q(0.99) by more than ten times the
 *   range between them (a routine long tail is not flagged; a typo or a 元 value is), or money
 *   above 1e8 万元 (一万亿元), which no enterprise reports;
 * - a money column whose median is ≥ 1000× the median of the other money columns' medians (or
 *   ≥ 1e6 万元 when it has no peers): it looks like 元, not 万元;
 * - 研发费用 more than 10× 营业收入 (营业收入 > 0).
 */
export interface QualityFinding {
  /** The user's row number; absent for a finding about a whole column. */
  row?: number;
  column: string;
  field: string;
  value: string;
  code: QualityCode;
  message: Label;
}

export interface QualityCount {
  field: string;
  column: string;
  code: QualityCode;
  count: number;
}

export const EXTREME_RANGE_FACTOR = 10;
export const MONEY_CEILING = 1e8;
export const UNIT_RATIO = 1000;
export const RD_REVENUE_FACTOR = 10;

/** Shortest readable form of a number (6 significant digits at most). */
export function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

function median(values: Float64Array): number {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  return pos.length ? quantile7(pos, pos.length, 0.5) : NaN;
}

/** `onRow` hears every row-level finding (scored-row index), not only the first `perKind` kept. */
export function qualityChecks(
  ds: EngineDataset,
  headerOf: (field: string) => string | undefined,
  perKind = 100,
  onRow?: (index: number, field: string, code: QualityCode) => void,
): { findings: QualityFinding[]; counts: QualityCount[] } {
  const findings: QualityFinding[] = [];
  const counts = new Map<string, QualityCount>();
  const add = (field: string, code: QualityCode, c: QualityContext) => {
    const key = `${field}\u0000${code}`;
    const k = counts.get(key) ?? { field, column: c.column, code, count: 0 };
    counts.set(key, k);
    if (k.count++ < perKind) findings.push({ ...(c.row === undefined ? {} : { row: c.row }), column: c.column, field, value: c.value, code, message: qualityMessage(code, c) });
  };
  const n = ds.n;
  // 1. missing values per column
  for (const [field, col] of Object.entries(ds.columns)) {
    const column = headerOf(field);
    let missing = 0;
    for (let i = 0; i < n; i++) if (Number.isNaN(col[i])) missing++;
    if (column !== undefined && missing > 0) add(field, 'missing-values', { column, value: '', count: missing, total: n });
  }
  for (const [field, col] of Object.entries(ds.text)) {
    const column = headerOf(field);
    const missing = col.reduce((m, t) => m + (t === '' ? 1 : 0), 0);
    if (column !== undefined && missing > 0 && field !== 'uscc') add(field, 'missing-values', { column, value: '', count: missing, total: n });
  }
  // 2. extreme values, 3. units
  const money = Object.keys(ds.columns).filter((f) => FIELD_BY_ID.get(f)?.unit === '万元');
  const medians = new Map(money.map((f) => [f, median(ds.columns[f])]));
  for (const [field, col] of Object.entries(ds.columns)) {
    const def = FIELD_BY_ID.get(field);
    const column = headerOf(field);
    if (!def || def.type === 'bool' || column === undefined) continue;
    const finite = col.filter((v) => Number.isFinite(v));
    if (finite.length === 0) continue;
    const lo = quantile7(finite, finite.length, 0.01);
    const hi = quantile7(finite, finite.length, 0.99);
    const span = (hi - lo) * EXTREME_RANGE_FACTOR;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      const far = span > 0 && (v > hi + span || v < lo - span);
      if (far || (def.unit === '万元' && Math.abs(v) > MONEY_CEILING)) {
        add(field, 'extreme-value', { row: ds.sourceRow[i], column, value: formatValue(v), otherValue: formatValue(v > hi ? hi : lo) });
        onRow?.(i, field, 'extreme-value');
      }
    }
  }
  for (const field of money) {
    const m = medians.get(field) as number;
    const column = headerOf(field);
    if (!Number.isFinite(m) || column === undefined) continue;
    const peers = money
      .filter((f) => f !== field)
      .map((f) => medians.get(f) as number)
      .filter(Number.isFinite);
    const peer = peers.length ? quantile7(Float64Array.from(peers), peers.length, 0.5) : NaN;
    const suspect = Number.isFinite(peer) ? m >= UNIT_RATIO * peer : m >= 1e6;
    if (suspect) add(field, 'unit-suspect', { column, value: formatValue(m), otherValue: Number.isFinite(peer) ? formatValue(peer) : '—' });
  }
  // 4. 研发费用 far above 营业收入
  const rd = ds.columns.rd_expense;
  const rev = ds.columns.revenue;
  const rdCol = headerOf('rd_expense');
  const revCol = headerOf('revenue');
  if (rd && rev && rdCol !== undefined && revCol !== undefined) {
    for (let i = 0; i < n; i++) {
      if (rev[i] > 0 && rd[i] > RD_REVENUE_FACTOR * rev[i]) {
        add('rd_expense', 'rd-far-above-revenue', { row: ds.sourceRow[i], column: rdCol, value: formatValue(rd[i]), otherColumn: revCol, otherValue: formatValue(rev[i]) });
        onRow?.(i, 'rd_expense', 'rd-far-above-revenue');
      }
    }
  }
  return { findings, counts: [...counts.values()] };
}
