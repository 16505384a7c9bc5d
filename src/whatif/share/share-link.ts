import { deflateSync, Inflate, strToU8 } from 'fflate';
import type { Label } from '../../engine/index.ts';
import { parseScenarioDoc, type ScenarioDoc } from '../scenarios/scenario-doc.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { safeJsonParse } from './safe-json.ts';
import { encodeShareContext, parseShareContext, type ShareContext } from './share-context.ts';

/**
 * Shareable links: the scenario document (never the data) as JSON → raw DEFLATE (fflate, level 9)
 * → base64url, in the URL hash: `#s=<…>`, optionally `&data=<encodeURIComponent(https URL)>` of a
 * Parquet/CSV file to open. The hash never reaches a server. Decoding checks, in order: the hash
 * length (≤ MAX_HASH_CHARS), base64url, inflation with a running cap of MAX_DOC_BYTES (a
 * decompression bomb stops at the cap), strict UTF-8, JSON without prototype keys, the scenario
 * document schema, and the data URL (https only, no user name or password). Any failure returns a
 * bilingual message; `decodeShareHash` never throws and never evaluates anything.
 *
 * Since views are shared, `&c=<…>` (share-context.ts) carries the view and the dataset's name and
 * fingerprint, checked the same way; a link without it (older links) decodes with `context: null`.
 */
export const MAX_HASH_CHARS = 32_000;
export const MAX_DOC_BYTES = 64 * 1024;
export const MAX_DATA_URL_CHARS = 2048;

export type ShareDecode = { ok: true; doc: ScenarioDoc; dataUrl: string | null; context: ShareContext | null } | { ok: false; message: Label; errors?: string[] };

const fail = (zh: string, en: string, errors?: string[]): ShareDecode => ({ ok: false, message: { zh, en }, ...(errors ? { errors } : {}) });

/** The `s=` payload of a document. */
export function encodeScenarioDoc(doc: ScenarioDoc): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(doc)), { level: 9 }));
}

/** The hash (with the leading `#`) of a link to a document, optionally to a data set, optionally with its view. */
export function encodeShareHash(doc: ScenarioDoc, dataUrl?: string, context?: ShareContext): string {
  const s = `#s=${encodeScenarioDoc(doc)}${context ? `&c=${encodeShareContext(context)}` : ''}`;
  if (dataUrl === undefined) return s;
  const check = checkDataUrl(dataUrl);
  if (!check.ok) throw new Error(check.message.en);
  return `${s}&data=${encodeURIComponent(check.url)}`;
}

/** https only, no credentials, ≤ MAX_DATA_URL_CHARS. */
export function checkDataUrl(text: string): { ok: true; url: string } | { ok: false; message: Label } {
  if (text.length > MAX_DATA_URL_CHARS) return { ok: false, message: { zh: '数据地址过长。', en: 'The data URL is too long.' } };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: { zh: '数据地址不是有效的网址。', en: 'The data URL is not a valid URL.' } };
  }
  if (url.protocol !== 'https:') return { ok: false, message: { zh: '数据地址必须以 https:// 开头。', en: 'The data URL must start with https://.' } };
  if (url.username || url.password) return { ok: false, message: { zh: '数据地址不能包含用户名或密码。', en: 'The data URL must not contain a user name or password.' } };
  return { ok: true, url: url.href };
}

/** Inflates raw DEFLATE data, giving up (null) past `cap` bytes or on corrupt input. */
export function inflateCapped(data: Uint8Array, cap: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  let ended = false;
  try {
    const inf = new Inflate((chunk, final) => {
      size += chunk.length;
      if (size > cap) {
        over = true;
        throw new Error('cap');
      }
      chunks.push(chunk);
      if (final) ended = true;
    });
    inf.push(data, true);
  } catch {
    return null;
  }
  if (over || !ended) return null;
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Decodes `location.hash` (with or without the leading `#`). */
export function decodeShareHash(hash: unknown): ShareDecode {
  try {
    return decode(hash);
  } catch {
    return fail('链接无法读取。', 'The link cannot be read.');
  }
}

function decode(hash: unknown): ShareDecode {
  if (typeof hash !== 'string') return fail('链接中没有方案。', 'The link holds no scenario.');
  if (hash.length > MAX_HASH_CHARS) return fail('链接过长，无法打开。', 'The link is too long to open.');
  const params = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && !params.has(part.slice(0, eq))) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const s = params.get('s');
  if (!s) return fail('链接中没有方案（缺少 #s=…）。', 'The link holds no scenario (no #s=… part).');
  const packed = fromBase64Url(s);
  if (!packed) return fail('链接已损坏：方案编码无效。', 'The link is damaged: the scenario is not valid base64url.');
  const bytes = inflateCapped(packed, MAX_DOC_BYTES);
  if (!bytes) return fail(`链接已损坏，或方案超过 ${MAX_DOC_BYTES / 1024} KB 上限。`, `The link is damaged, or its scenario exceeds the ${MAX_DOC_BYTES / 1024} KB limit.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('链接已损坏：方案不是有效的 UTF-8 文本。', 'The link is damaged: the scenario is not valid UTF-8 text.');
  }
  const json = safeJsonParse(text);
  if (!json.ok) return fail('链接已损坏：方案不是有效的 JSON。', `The link is damaged: the scenario is ${json.error}.`);
  const doc = parseScenarioDoc(json.value);
  if (!doc.ok) return fail(`链接中的方案无效：${doc.errors[0]}`, `The scenario in the link is invalid: ${doc.errors[0]}`, doc.errors);
  let dataUrl: string | null = null;
  const data = params.get('data');
  if (data !== undefined) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(data);
    } catch {
      return fail('链接中的数据地址编码无效。', 'The data URL in the link is not properly encoded.');
    }
    const check = checkDataUrl(decoded);
    if (!check.ok) return { ok: false, message: check.message };
    dataUrl = check.url;
  }
  let context: ShareContext | null = null;
  const c = params.get('c');
  if (c !== undefined) {
    const packedC = fromBase64Url(c);
    const bytesC = packedC && inflateCapped(packedC, MAX_DOC_BYTES);
    let textC: string | null;
    try {
      textC = bytesC && new TextDecoder('utf-8', { fatal: true }).decode(bytesC);
    } catch {
      textC = null;
    }
    if (textC === null) return fail('链接已损坏：视图信息编码无效。', 'The link is damaged: its view is not validly encoded.');
    const ctx = parseShareContext(textC);
    if (!ctx.ok) return { ok: false, message: ctx.message, ...(ctx.errors ? { errors: ctx.errors } : {}) };
    context = ctx.context;
  }
  return { ok: true, doc: doc.doc, dataUrl, context };
}
