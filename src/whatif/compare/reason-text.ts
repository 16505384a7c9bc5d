import type { IndicatorSystem } from '../../engine/index.ts';
import type { ChangeReason } from './change-reasons.ts';
import type { Lang } from '../../i18n/lang.ts';
import { WHATIF } from '../../i18n/whatif.ts';

/** "研发费用 +3.20" — a reason's item named from the system, Δpoints signed, as plain text. */
export function reasonText(system: IndicatorSystem, r: ChangeReason, lang: Lang): string {
  const list = r.kind === 'indicator' ? system.indicators : r.kind === 'bonus' ? system.bonus : system.vetoes;
  const item = list.find((x) => x.id === r.id);
  const name = item ? item.name[lang] : r.id;
  const sign = r.delta > 0 ? '+' : r.delta < 0 ? '−' : '±';
  const prefix = r.kind === 'veto' ? WHATIF[lang].reasonVeto : r.kind === 'bonus' ? WHATIF[lang].reasonBonus : '';
  return `${prefix}${name} ${sign}${Math.abs(r.delta).toFixed(2)}`;
}
