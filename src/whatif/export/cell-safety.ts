/**
 * Protection of exported text against spreadsheet formula injection (CSV/XLSX "CSV injection"):
 * a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return can be read as a formula
 * (or as DDE) when the file is opened; prefixing `'` makes the spreadsheet show the text as text.
 * Numbers are written as numbers and never pass through here. Also applied to values such as
 * "-5" in a text column: a text column stays text.
 */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

export function safeText(s: string): string {
  return s.length > 0 && DANGEROUS_FIRST.has(s[0]) ? `'${s}` : s;
}

/**
 * Removes characters XML 1.0 cannot hold (controls other than tab, LF, CR; lone surrogates;
 * U+FFFE/U+FFFF), so hostile text cannot make an XLSX unreadable.
 */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export function xmlEscape(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
