/**
 * The audit as the CLI's `--audit OUT.json` writes it (issue 12): for each stage id and for
 * `all`, the statistics of the normalised values s keyed by indicator / class id. A value that is
 * not defined (a constant column, a single-item class) is null, never 0; NaN has no JSON form.
 */
import type { Audit } from './audit.ts';

export type Num = number | null;

export interface AuditGroupJson {
  rows: number;
  scored_rows: number;
  coverage: Record<string, Num>;
  skewness: Record<string, Num>;
  kurtosis: Record<string, Num>;
  pearson: Record<string, Record<string, Num>>;
  spearman: Record<string, Record<string, Num>>;
  cronbach_alpha: Record<string, Num>;
  pca_explained: number[];
  effective_weights: Record<string, Num>;
}

const num = (x: number): Num => (Number.isFinite(x) ? x : null);

export function auditJson(audit: Audit): Record<string, AuditGroupJson> {
  const ids = audit.indicators;
  const k = ids.length;
  const byId = (values: readonly number[]) => Object.fromEntries(ids.map((id, i) => [id, num(values[i])]));
  const matrix = (m: readonly number[]) => Object.fromEntries(ids.map((a, i) => [a, Object.fromEntries(ids.map((b, j) => [b, num(m[i * k + j])]))]));
  const out: Record<string, AuditGroupJson> = {};
  for (const g of audit.groups) {
    out[g.id] = {
      rows: g.rows,
      scored_rows: g.scored,
      coverage: byId(g.coverage),
      skewness: byId(g.sSkewness),
      kurtosis: byId(g.sKurtosis),
      pearson: matrix(g.pearson),
      spearman: matrix(g.spearman),
      cronbach_alpha: Object.fromEntries(g.alpha.map((a) => [a.id, num(a.alpha)])),
      pca_explained: g.pca.explained,
      effective_weights: byId(g.effective),
    };
  }
  return out;
}
