import type { IndicatorSystem, Label } from '../../engine/index.ts';
import { formatSigned } from '../../analysis/format.ts';
import { COMMON } from '../../i18n/common.ts';
import { EXPORTS } from '../../i18n/exports.ts';
import type { Lang } from '../../i18n/lang.ts';
import { YOY } from '../../i18n/yoy.ts';
import type { YoyRow } from '../../protocol/yoy.ts';
import { roundForDisplay, type Cell, type ExportTable, type NoteTable } from '../export/table.ts';
import type { YoyPart } from './year-on-year.ts';

/** "研发费用 +3.20", "加分项合计 −0.20", "否决（清零） −61.30": a part of a change as plain text. */
export function partText(system: IndicatorSystem, p: YoyPart, lang: Lang): string {
  const t = YOY[lang];
  const name = p.kind === 'bonus' ? t.bonusPart : p.kind === 'veto' ? t.vetoPart : (system.indicators.find((x) => x.id === p.id)?.name[lang] ?? p.id);
  return `${name} ${formatSigned(p.delta, 2, lang)}`;
}

/** A row's largest parts as one line (empty when the enterprise is in one year only). */
export function partsLine(system: IndicatorSystem, r: Pick<YoyRow, 'parts'>, lang: Lang): string {
  return r.parts.map((p) => partText(system, p, lang)).join(COMMON[lang].clauseSep);
}

/** Every enterprise of both years, scores rounded as on screen and then exact; empty cells where a year has none. */
export function yoyExportTable(
  rows: readonly YoyRow[],
  opts: { system: IndicatorSystem; flagText: (r: YoyRow) => string; notes: [string, string][]; noteTables?: NoteTable[]; lang?: Lang },
): ExportTable {
  const lang = opts.lang ?? 'zh';
  const h = EXPORTS[lang];
  const t = YOY[lang];
  const stageName = (s: number): string => (s < 0 ? '' : ((opts.system.stages[s]?.name as Label | undefined)?.[lang] ?? ''));
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  const out: Cell[][] = rows.map((r, i) => [
    i + 1,
    r.name,
    r.uscc,
    t.statuses[r.status] === '—' ? '' : t.statuses[r.status],
    stageName(r.stagePrev),
    stageName(r.stage),
    r.rankPrev || null,
    r.rank || null,
    num(roundForDisplay(r.scorePrev)),
    num(roundForDisplay(r.score)),
    num(roundForDisplay(r.dScore)),
    r.vetoedPrev ? t.vetoed : '',
    r.vetoed ? t.vetoed : '',
    partsLine(opts.system, r, lang),
    num(r.scorePrev),
    num(r.score),
    opts.flagText(r),
  ]);
  const year = (side: string, what: string) => (lang === 'zh' ? `${what}（${side}）` : `${what} (${side})`);
  return {
    name: t.sheet,
    columns: [
      { header: h.seq, kind: 'number' },
      { header: h.name, kind: 'text' },
      { header: h.uscc, kind: 'text' },
      { header: t.status, kind: 'text' },
      { header: year(t.previous, h.stage), kind: 'text' },
      { header: year(t.current, h.stage), kind: 'text' },
      { header: t.rankPrev, kind: 'number' },
      { header: t.rank, kind: 'number' },
      { header: t.scorePrev, kind: 'number', decimals: 2 },
      { header: t.score, kind: 'number', decimals: 2 },
      { header: t.delta, kind: 'number', decimals: 2 },
      { header: year(t.previous, t.vetoedHead), kind: 'text' },
      { header: year(t.current, t.vetoedHead), kind: 'text' },
      { header: t.parts, kind: 'text' },
      { header: year(t.previous, h.scoreExact), kind: 'number' },
      { header: year(t.current, h.scoreExact), kind: 'number' },
      { header: h.flags, kind: 'text' },
    ],
    rows: out,
    notes: opts.notes,
    ...(opts.noteTables ? { noteTables: opts.noteTables } : {}),
  };
}
