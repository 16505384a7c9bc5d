/**
 * Pure sniffing of file bytes: format (by magic bytes, not by file name), text encoding and CSV
 * delimiter. Works on a Uint8Array, so the browser and the CLI use the same rules.
 */

export type FileFormat = 'xlsx' | 'parquet' | 'text';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function sniffFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31) return 'parquet';
  return 'text';
}

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of the byte-order mark to skip. */
  bomLength: number;
}

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: isUtf8(bytes) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

/**
 * Whether the bytes are well-formed UTF-8, exactly when a fatal TextDecoder('utf-8') accepts them
 * (the WHATWG decoder's byte ranges: no overlong forms, surrogates or code points above U+10FFFF,
 * no truncated sequence), without building the text: decoding a 350 MB file only to validate it
 * cost ~1 s and a 600 MB string.
 */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i];
    if (c < 0x80) {
      i++;
      while (i + 8 <= n && ((bytes[i] | bytes[i + 1] | bytes[i + 2] | bytes[i + 3] | bytes[i + 4] | bytes[i + 5] | bytes[i + 6] | bytes[i + 7]) & 0x80) === 0) i += 8;
      continue;
    }
    let more: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) more = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      more = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      more = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (i + more >= n) return false;
    const d = bytes[i + 1];
    if (d < lo || d > hi) return false;
    for (let k = 2; k <= more; k++) {
      const e = bytes[i + k];
      if (e < 0x80 || e > 0xbf) return false;
    }
    i += more + 1;
  }
  return true;
}

/** Decodes text bytes; throws a TypeError when they are not valid in the detected encoding. */
export function decodeText(bytes: Uint8Array, detected: DetectedEncoding = detectEncoding(bytes)): string {
  return new TextDecoder(detected.encoding, { fatal: true }).decode(bytes.subarray(detected.bomLength));
}

/**
 * True when decoded text looks binary rather than tabular: NUL characters, or many control
 * characters other than tab / CR / LF.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control > Math.max(8, sample.length / 100);
}

/** The delimiter of the header line: the most frequent of comma, tab, semicolon outside quotes. */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const counts = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/**
 * True when a text ends its lines in more than one way (CRLF, LF, CR). DuckDB's CSV sniffer
 * refuses such a file ("Error when sniffing file", even with `new_line` given), yet it is a
 * common result of appending rows from another tool, so readers unify the endings first
 * (unifyLineEndings). Excel's own exports count as mixed too (CRLF rows, LF inside quoted
 * cells); unifying them is harmless, a quoted line break stays a line break. One indexOf per
 * line: cheap next to reading the file.
 */
export function hasMixedLineEndings(text: string): boolean {
  const firstCr = text.indexOf('\r');
  if (firstCr < 0) return false; // LF only (the common case): no scan
  const firstLf = text.indexOf('\n');
  if (firstLf < 0) return false; // CR only: DuckDB reads it
  // Both occur: consistent only when every LF follows a CR and every CR precedes an LF (CRLF).
  for (let i = firstLf; i >= 0; i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i - 1) !== 13) return true;
  for (let i = firstCr; i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/** Every CRLF and lone CR as LF (see hasMixedLineEndings). */
export function unifyLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
