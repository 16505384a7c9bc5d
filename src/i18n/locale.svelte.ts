import type { Label } from '../engine/types.ts';
import { APP, type MessageKey } from './app.ts';
import { COMMON, type CommonText } from './common.ts';
import { langTag, type Lang } from './lang.ts';
import { formatDecimals } from '../analysis/format.ts';

export type { Lang };

/** The UI language (Chinese first) and message lookup with `{name}` placeholders. */
export class Locale {
  lang = $state<Lang>('zh');

  /** The BCP 47 tag for `<html lang>` and number formatting. */
  get tag(): string {
    return langTag(this.lang);
  }

  /** The shared words (common.ts) in the current language. */
  get common(): CommonText {
    return COMMON[this.lang];
  }

  t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return APP[this.lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  }

  /** A bilingual label in the current language. */
  pick(label: Label): string {
    return label[this.lang];
  }

  number(v: number, digits = 2): string {
    return formatDecimals(v, digits, this.lang);
  }

  int(v: number): string {
    return Number.isFinite(v) ? v.toLocaleString(this.tag) : '—';
  }
}

export const locale = new Locale();
