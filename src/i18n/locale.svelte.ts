import type { Label } from '../engine/types.ts';
import { en } from './en.ts';
import { zh, type MessageKey } from './zh.ts';

export type Lang = 'zh' | 'en';

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** The UI language (Chinese first) and message lookup with `{name}` placeholders. */
export class Locale {
  lang = $state<Lang>('zh');

  /** The BCP 47 tag for `<html lang>` and number formatting. */
  get tag(): string {
    return this.lang === 'zh' ? 'zh-CN' : 'en';
  }

  t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return MESSAGES[this.lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  }

  /** A bilingual label in the current language. */
  pick(label: Label): string {
    return label[this.lang];
  }

  number(v: number, digits = 2): string {
    if (!Number.isFinite(v)) return '—';
    return v.toLocaleString(this.tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  int(v: number): string {
    return Number.isFinite(v) ? v.toLocaleString(this.tag) : '—';
  }
}

export const locale = new Locale();
