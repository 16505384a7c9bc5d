import { parseExpr } from '../engine/expr.ts';
import type { Label } from '../engine/types.ts';
import { own, problemText, SHAPE_MESSAGES, type MessageRule } from '../i18n/schema-errors.ts';

/**
 * An indicator-system file's problem as a Chinese reader sees it (the 指标体系 import). The
 * checks (schema.ts, check-system.ts) are shared with the CLI and report `path: message` in
 * English; this gives both languages: the path in words, with the file's own names where it has
 * them (指标第 19 项“研发人员人均研发费用” › 取值规则 › 公式), and the messages translated. A formula's
 * problem is read again by the formula parser, which words it in Chinese itself. A message it
 * does not know is said as "取值不符合要求" (`known` false) and the view shows the original beside it.
 */
const KEYS: Record<string, string> = {
  '(root)': '文件',
  id: '标识',
  name: '名称',
  zh: '中文',
  en: '英文',
  version: '版本',
  source: '来源',
  seed: '依据文件',
  published: '公布内容',
  defaults: '默认设定',
  about: '说明',
  short: '简称',
  sourceTitle: '依据标题',
  edition: '版本说明',
  baseScale: '基础分满分',
  stages: '阶段',
  maxAgeYears: '年限上限',
  classes: '指标类别',
  indicators: '指标',
  classId: '类别',
  direction: '方向',
  value: '取值规则',
  kind: '规则类型',
  field: '字段',
  fields: '字段',
  numerator: '分子',
  denominator: '分母',
  current: '本年',
  previous: '上年',
  expr: '公式',
  weights: '权重',
  unit: '单位',
  bonus: '加分项',
  points: '分值',
  cap: '上限',
  vetoes: '清零规则',
  mandatory: '强制',
  defaultActive: '默认启用',
  optionalFields: '可选字段',
};

const LISTS = new Set(['stages', 'classes', 'indicators', 'bonus', 'vetoes', 'optionalFields', 'fields', 'denominator']);

const q = (s: string) => `“${s}”`;

const MESSAGES: MessageRule[] = [
  [/duplicate id "([^"]*)" \(also (\w+)\[(\d+)\]\)/, (m) => `标识${q(m[1])}重复（与${own(KEYS, m[2]) ?? m[2]}第 ${Number(m[3]) + 1} 项相同）`],
  [/stage "([^"]*)" needs an upper age bound/, (m) => `阶段${q(m[1])}需要年限上限：只有最后一个阶段不设上限`],
  [/the last stage \("([^"]*)"\) must be unbounded/, (m) => `最后一个阶段（${q(m[1])}）不能设年限上限`],
  [/bounds must increase: ([\d.]+) years is not above ([\d.]+) \(stage "([^"]*)"\)/, (m) => `年限上限必须逐阶段增大：${m[1]} 年不大于阶段${q(m[3])}的 ${m[2]} 年`],
  [/unknown class "([^"]*)" \(classes: (.*)\)$/, (m) => `未知的指标类别${q(m[1])}（本体系的类别：${m[2].split(', ').join('、')}）`],
  [/no weight for stage "([^"]*)"/, (m) => `缺少阶段${q(m[1])}的权重`],
  [/no stage "([^"]*)" in this system/, (m) => `本体系没有阶段${q(m[1])}`],
  [/weights of stage "([^"]*)" sum to (\S+), not 1/, (m) => `阶段${q(m[1])}的权重合计为 ${m[2]}，应为 1（即 100%）`],
  [/cap (\S+) is below the points per unit \((\S+)\)/, (m) => `上限 ${m[1]} 小于每项的分值 ${m[2]}`],
  [/veto "([^"]*)" is mandatory/, (m) => `清零规则${q(m[1])}是强制项，始终启用：defaultActive 须为 true`],
  [/unknown field "([^"]*)"/, (m) => `未知的字段${q(m[1])}：不在数据模型中，也未列入可选字段（optionalFields）`],
  [/field "([^"]*)" is (\w+), a veto needs a boolean field/, (m) => `字段${q(m[1])}的类型是 ${m[2]}，清零规则需要“是/否”字段`],
  [/field "([^"]*)" is (\w+), not a number/, (m) => `字段${q(m[1])}的类型是 ${m[2]}，不是数字`],
  [
    /^.*? in "([\s\S]*)"$/,
    (m) => {
      const r = parseExpr(m[1]);
      return r.ok ? `公式${q(m[1])}有误` : `公式${q(m[1])}有误：${r.error.message.zh}`;
    },
  ],
  [/"([^"]*)" is listed twice/, (m) => `${q(m[1])}重复列出`],
  [/"([^"]*)" is not read by any indicator, bonus item or veto/, (m) => `${q(m[1])}没有被任何指标、加分项或清零规则使用`],
  [/"([^"]*)" cannot be a field id/, (m) => `${q(m[1])}不能用作字段代码`],
  [/ids use letters, digits/, () => '标识只能使用字母、数字、“_”、“-”和“.”'],
  [/field ids are snake_case/, () => '字段代码只能使用小写字母、数字和“_”，并以字母开头'],
  [/a weight must be ≥ 0, got (\S+)/, (m) => `权重不能为负数（文件中为 ${m[1]}）`],
  [/must be a finite number/, () => '须为有限的数'],
  [/must be > 0/, () => '须大于 0'],
  [/maxAgeYears must be a whole number of years/, () => '年限须为整数'],
  ...SHAPE_MESSAGES,
];

/** `o[key]` when `o` is a plain object or array holding it as its own entry. */
function at(o: unknown, key: string | number): unknown {
  if (typeof o !== 'object' || o === null) return undefined;
  return Object.hasOwn(o, key) ? (o as Record<string | number, unknown>)[key] : undefined;
}

/** An item's Chinese name in the file, shortened, when it has one. */
function nameOf(item: unknown): string | undefined {
  const zh = at(at(item, 'name'), 'zh');
  if (typeof zh !== 'string' || zh.trim() === '') return undefined;
  return zh.length > 30 ? `${zh.slice(0, 30)}…` : zh;
}

const TOKEN = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[(\*)\]|\[("(?:[^"\\]|\\.)*")\]/g;

/** `indicators[18].value.expr` in words, with the file's names of items and stages. */
function pathText(path: string, json: unknown): string {
  if (path === '(root)') return KEYS['(root)'];
  const stages = new Map<string, string>();
  const list = at(json, 'stages');
  if (Array.isArray(list)) for (const s of list) if (typeof at(s, 'id') === 'string' && nameOf(s)) stages.set(at(s, 'id') as string, nameOf(s)!);
  const words: string[] = [];
  let node: unknown = json;
  let parent = '';
  for (const m of path.matchAll(TOKEN)) {
    if (m[2] !== undefined) {
      const i = Number(m[2]);
      node = at(node, i);
      const name = LISTS.has(parent) ? nameOf(node) : undefined;
      words[words.length - 1] = `${words[words.length - 1] ?? ''}第 ${i + 1} 项${name ? q(name) : ''}`;
    } else if (m[3] !== undefined) {
      node = undefined;
      words[words.length - 1] = `全部${words[words.length - 1] ?? ''}`;
    } else {
      const key = m[1] ?? (JSON.parse(m[4]) as string);
      node = at(node, key);
      words.push(parent === 'weights' ? (stages.has(key) ? `阶段${q(stages.get(key)!)}` : `阶段${q(key)}`) : (own(KEYS, key) ?? key));
      parent = key;
    }
  }
  return words.join(' › ');
}

/**
 * One problem of a system file in both languages. `json`: the parsed file, for the names of the
 * items the path passes through (absent when it did not parse).
 */
export function systemErrorText(error: string, json?: unknown): Label & { known: boolean } {
  return problemText(error, MESSAGES, (path) => pathText(path, json));
}
