/**
 * Display formatting of analysis results for the views (pure; `lang` picks zh-CN or en-US
 * conventions). A missing value is shown as a word, never as "NaN".
 */
import { COMMON } from '../i18n/common.ts';
import { langTag, type Lang } from '../i18n/lang.ts';

const locale = langTag;

/**
 * `v` with exactly `digits` decimals and digit grouping; '—' when not finite. A value that rounds
 * to zero reads 0.00, never -0.00 (signDisplay 'negative').
 */
export function formatDecimals(v: number, digits: number, lang: Lang): string {
  if (!Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' }).format(v);
}

/** Fixed number of decimals with digit grouping; NaN → '缺失'/'missing', ±∞ → '+∞'/'−∞'. */
export function formatFixed(v: number, digits: number, lang: Lang): string {
  if (v !== v) return COMMON[lang].missing;
  if (v === Infinity) return '+∞';
  if (v === -Infinity) return '−∞';
  return formatDecimals(v, digits, lang);
}

/** Raw indicator values: up to 4 decimals, trailing zeros dropped (money, counts and ratios alike). */
export function formatRaw(v: number, lang: Lang): string {
  if (!Number.isFinite(v)) return formatFixed(v, 0, lang);
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 4, signDisplay: 'negative' }).format(v);
}

/** A share in [0, 1] as a percentage. */
export function formatShare(share: number, digits: number, lang: Lang): string {
  if (share !== share) return '—';
  return `${formatFixed(share * 100, digits, lang)}%`;
}

/** A signed rank change: '+3', '−2' (minus sign), '0'. */
export function formatDelta(d: number): string {
  if (d !== d) return '—';
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0';
}

/** A signed change with `digits` decimals: '+3.20', '−1.05' (minus sign), '0.00'; '—' when not finite. */
export function formatSigned(v: number, digits: number, lang: Lang): string {
  if (!Number.isFinite(v)) return '—';
  const text = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(v);
  return text.replace('-', '−');
}
