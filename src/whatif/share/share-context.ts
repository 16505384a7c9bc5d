import { deflateSync, strToU8 } from 'fflate';
import { z } from 'zod';
import { parseScenario, type IndicatorSystem, type Label, type Scenario } from '../../engine/index.ts';
import { parseSystem } from '../../systems/schema.ts';
import { toBase64Url } from './base64url.ts';
import { safeJsonParse } from './safe-json.ts';
import { langTag, type Lang } from '../../i18n/lang.ts';

/**
 * What a share link carries besides the scenario: the view it was made from and the dataset it was
 * made on. It travels in its own `c=` part of the hash (raw DEFLATE → base64url, like `s=`), so the
 * scenario document in `s=` stays exactly the scenario file format, and a link without `c=` (made
 * before views were shared) still opens as before. Versioned on its own (`version: 1`).
 *
 * Tab and sub-view names are checked here only as short lower-case words: which ones exist is the
 * UI's business (src/state), which ignores a name it does not know.
 */
export const SHARE_CONTEXT_VERSION = 1;

/** A side of 方案对比: the published weights, the link's own scenario, or a saved one, carried whole. */
export type LinkScenarioRef = 'baseline' | 'current' | { name: string; scenario: Scenario };

export interface ShareView {
  tab?: string;
  sub?: string;
  /** USCC of the enterprise open in 企业画像 (a row index would mean another enterprise elsewhere). */
  profile?: string;
  compare?: { a: LinkScenarioRef; b: LinkScenarioRef };
  mc?: { samples: number; mode: 'perturb' | 'simplex'; spread: number; topN: number; seed: number; sampleMethods: boolean };
}

export interface ShareDataset {
  name: string;
  rows: number;
  fingerprint: string;
}

export interface ShareContext {
  version: typeof SHARE_CONTEXT_VERSION;
  view?: ShareView;
  dataset?: ShareDataset;
  /** A custom indicator system the scenario names (a preset travels by its id alone). */
  system?: IndicatorSystem;
}

const word = z.string().regex(/^[a-z]{1,20}$/, 'must be a short lower-case name');
const ref = z.union([z.literal('baseline'), z.literal('current'), z.object({ name: z.string().min(1).max(200), scenario: z.unknown() }).strict()]);
const schema = z
  .object({
    version: z.literal(SHARE_CONTEXT_VERSION),
    view: z
      .object({
        tab: word.optional(),
        sub: word.optional(),
        profile: z.string().min(1).max(64).optional(),
        compare: z.object({ a: ref, b: ref }).strict().optional(),
        mc: z
          .object({
            samples: z.number().int().min(1).max(10_000_000),
            mode: z.enum(['perturb', 'simplex']),
            spread: z.number().min(0).max(1),
            topN: z.number().int().min(1).max(100_000_000),
            seed: z.number().int().min(-0x80000000).max(0xffffffff),
            sampleMethods: z.boolean(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    dataset: z
      .object({
        name: z.string().max(300),
        rows: z.number().int().min(0),
        fingerprint: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits'),
      })
      .strict()
      .optional(),
    system: z.unknown().optional(),
  })
  .strict();

export function encodeShareContext(ctx: ShareContext): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(ctx)), { level: 9 }));
}

export type ShareContextResult = { ok: true; context: ShareContext } | { ok: false; message: Label; errors?: string[] };

/** Validates the JSON of a `c=` part (already inflated by the caller, with its size cap). */
export function parseShareContext(text: string): ShareContextResult {
  const bad = (zh: string, en: string, errors?: string[]): ShareContextResult => ({ ok: false, message: { zh, en }, ...(errors ? { errors } : {}) });
  const json = safeJsonParse(text);
  if (!json.ok) return bad('链接已损坏：视图信息不是有效的 JSON。', `The link is damaged: its view is ${json.error}.`);
  const v = json.value as { version?: unknown } | null;
  if (typeof v === 'object' && v !== null && 'version' in v && v.version !== SHARE_CONTEXT_VERSION) {
    return bad(
      `此链接由较新版本的工作台生成（视图信息版本 ${JSON.stringify(v.version)}），无法打开。`,
      `This link was made by a newer workbench (view version ${JSON.stringify(v.version)}) and cannot be opened.`,
    );
  }
  const r = schema.safeParse(json.value);
  if (!r.success) {
    const errors = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    return bad(`链接中的视图信息无效：${errors[0]}`, `The view in the link is invalid: ${errors[0]}`, errors);
  }
  const ctx = r.data as ShareContext;
  for (const side of ['a', 'b'] as const) {
    const s = ctx.view?.compare?.[side];
    if (typeof s === 'object') {
      const p = parseScenario(s.scenario);
      if (!p.ok) return bad(`链接中的对比方案无效：${p.errors[0]}`, `A compared scenario in the link is invalid: ${p.errors[0]}`, p.errors);
      s.scenario = p.scenario;
    }
  }
  if (ctx.system !== undefined) {
    const p = parseSystem(ctx.system);
    if (!p.ok) return bad(`链接中的自定义指标体系无效：${p.errors[0]}`, `The custom indicator system in the link is invalid: ${p.errors[0]}`, p.errors);
    ctx.system = p.system;
  }
  return { ok: true, context: ctx };
}

/**
 * What the banner says about the data when a link opens: null when the link names no dataset
 * (older links) or the fingerprints agree; otherwise the plain warning that the ranking may differ.
 */
export function datasetNotice(made: ShareDataset | undefined, shown: ShareDataset): Label | null {
  if (!made || made.fingerprint === shown.fingerprint) return null;
  const n = (v: number, lang: Lang) => v.toLocaleString(langTag(lang));
  const sameName = made.name === shown.name && made.rows === shown.rows;
  return {
    zh:
      `此链接创建于数据集『${made.name}』（${n(made.rows, 'zh')} 家企业），当前显示的是『${shown.name}』（${n(shown.rows, 'zh')} 家企业）` +
      `${sameName ? '，名称与家数相同但内容不同' : ''}；方案已应用，但排名可能不同。`,
    en:
      `This link was made on the dataset "${made.name}" (${n(made.rows, 'en')} enterprises); the workbench now shows "${shown.name}" (${n(shown.rows, 'en')} enterprises)` +
      `${sameName ? ', with the same name and size but other content' : ''}. The scenario is applied, but the ranking may differ.`,
  };
}
