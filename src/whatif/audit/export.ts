/**
 * The audit as one XLSX (统计审核): a sheet per statistic, each row naming its scope (stage or
 * all enterprises) and indicator in the reader's language, then the 方案说明 notes. The numbers
 * are the audit's own, unrounded (a researcher recomputes from them); NaN (not defined) is an
 * empty cell, and the flags column says why.
 */
import type { IndicatorSystem } from '../../engine/index.ts';
import { auditText } from '../../i18n/audit.ts';
import { COMMON } from '../../i18n/common.ts';
import { EXPORTS } from '../../i18n/exports.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Cell, ExportColumn, ExportSheet, ExportTable } from '../export/index.ts';
import type { Audit, GroupAudit } from './audit.ts';
import { ALL_GROUP_ID } from './groups.ts';

type Names = Pick<IndicatorSystem, 'stages' | 'classes' | 'indicators'>;

const text = (header: string): ExportColumn => ({ header, kind: 'text' });
const number = (header: string, decimals?: 2 | 4): ExportColumn => ({ header, kind: 'number', ...(decimals ? { decimals } : {}) });

/** A scope's name: the stage's, or 全部企业. */
export function auditGroupName(id: string, system: Names, lang: Lang): string {
  if (id === ALL_GROUP_ID) return auditText(lang).groupAll;
  return system.stages.find((s) => s.id === id)?.name[lang] ?? id;
}

/** The flags of one indicator in one scope, in words (empty when none). */
export function indicatorFlags(g: GroupAudit, i: number, lang: Lang): string[] {
  const t = auditText(lang);
  const out: string[] = [];
  if (g.coverageFlagged[i]) out.push(t.lowCoverage);
  if (g.shapeFlagged[i]) out.push(t.skewedRaw);
  if (g.sShapeFlagged[i]) out.push(t.skewedS);
  return out;
}

export function auditExportTable(audit: Audit, system: Names, lang: Lang, notes: [string, string][]): ExportTable {
  const t = auditText(lang);
  const sep = COMMON[lang].clauseSep;
  const ind = (i: number) => system.indicators[i]?.name[lang] ?? audit.indicators[i];
  const cls = (id: string) => (id === ALL_GROUP_ID ? t.allIndicators : (system.classes.find((c) => c.id === id)?.name[lang] ?? id));
  const classOf = (i: number) => cls(system.indicators[i]?.classId ?? '');
  const k = audit.indicators.length;
  const scope = (g: GroupAudit) => auditGroupName(g.id, system, lang);
  const each = <T>(f: (g: GroupAudit) => T[]) => audit.groups.flatMap(f);

  const indicatorRows: Cell[][] = each((g) =>
    Array.from({ length: k }, (_, i) => [
      scope(g),
      ind(i),
      classOf(i),
      g.coverage[i],
      g.finite[i],
      g.skewness[i],
      g.kurtosis[i],
      g.sSkewness[i],
      g.sKurtosis[i],
      g.clippedLow[i],
      g.clippedHigh[i],
      [...indicatorFlags(g, i, lang), ...(g.shapeUndefined[i] ? [`${t.rawSkew}${COMMON[lang].colon}${t.undefinedShape[g.shapeUndefined[i] as string]}`] : [])].join(sep),
    ]),
  );
  const correlationRows: Cell[][] = each((g) =>
    (['pearson', 'spearman'] as const).flatMap((kind) => Array.from({ length: k }, (_, i) => [scope(g), t[kind], ind(i), ...g[kind].slice(i * k, (i + 1) * k)])),
  );
  const negativeRows: Cell[][] = each((g) => g.negativePairs.map((p) => [scope(g), cls(p.classId), ind(p.a), ind(p.b), p.pearson, p.spearman]));
  const alphaRows: Cell[][] = each((g) => g.alpha.map((a) => [scope(g), cls(a.id), a.indicators.length, a.alpha]));
  const pcaRows: Cell[][] = each((g) => {
    let cum = 0;
    return g.pca.eigenvalues.map((ev, c) => {
      cum += g.pca.explained[c];
      return [scope(g), t.pc(c + 1), ev, g.pca.explained[c], cum, ...Array.from({ length: k }, (_, i) => g.pca.loadings[c]?.[i] ?? null)];
    });
  });
  const effectiveRows: Cell[][] = each((g) => Array.from({ length: k }, (_, i) => [scope(g), ind(i), classOf(i), g.nominal[i], g.effective[i], g.r2[i], g.bins]));
  const groupRows: Cell[][] = audit.groups.map((g) => [scope(g), g.rows, g.scored, g.enterpriseCoverageMean, g.enterprisesBelow]);

  const indicatorHeads = Array.from({ length: k }, (_, i) => number(ind(i), 4));
  const sheets: ExportSheet[] = [
    { name: t.sheetCorrelation, columns: [text(t.group), text(t.matrixKind), text(t.indicator), ...indicatorHeads], rows: correlationRows },
    { name: t.sheetNegative, columns: [text(t.group), text(t.class), text(t.pair), text(t.pair), number(t.pearson, 4), number(t.spearman, 4)], rows: negativeRows },
    { name: t.sheetAlpha, columns: [text(t.group), text(t.class), number(t.items), number(t.alpha, 4)], rows: alphaRows },
    {
      name: t.sheetPca,
      columns: [text(t.group), text(t.component), number(t.eigenvalue, 4), number(t.explained, 4), number(t.cumulative, 4), ...indicatorHeads],
      rows: pcaRows,
    },
    {
      name: t.sheetEffective,
      columns: [text(t.group), text(t.indicator), text(t.class), number(t.nominal, 4), number(t.effective, 4), number(t.r2, 4), number(t.binsHead)],
      rows: effectiveRows,
    },
    { name: t.sheetGroups, columns: [text(t.group), number(t.groupRows), number(t.groupScored), number(t.entMean, 4), number(t.entBelow)], rows: groupRows },
  ];
  return {
    name: t.sheetIndicators,
    columns: [
      text(t.group),
      text(t.indicator),
      text(t.class),
      number(t.coverage, 4),
      number(t.finiteValues),
      number(t.rawSkew, 4),
      number(t.rawKurt, 4),
      number(t.sSkew, 4),
      number(t.sKurt, 4),
      number(t.clipLow),
      number(t.clipHigh),
      text(t.flags),
    ],
    rows: indicatorRows,
    sheets,
    notes,
    notesName: EXPORTS[lang].notesSheet,
  };
}
