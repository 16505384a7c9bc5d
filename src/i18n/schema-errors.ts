/**
 * The messages of a file's shape check (zod's, as the schemas of scenario and indicator-system
 * files report them, and JSON.parse's) in Chinese. The files' readers are shared with the CLI and
 * report `path: message` in English; each file kind adds its own messages in front of these
 * (src/whatif/scenarios/error-text.ts, src/systems/error-text.ts).
 */

/** A table's own entry (a hostile key such as `constructor` must not find Object's). */
export const own = (table: Record<string, string>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const TYPES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  record: '对象',
  array: '列表',
  null: '空值',
  undefined: '缺失',
};

const type = (t: string) => own(TYPES, t) ?? t;

export type MessageRule = [RegExp, (m: RegExpExecArray) => string];

export const SHAPE_MESSAGES: MessageRule[] = [
  [/not valid JSON/, () => '不是有效的 JSON 文件'],
  [/Invalid input: expected (\w+), received undefined/, (m) => `缺少此项（应为${type(m[1])}）`],
  [/Invalid input: expected int, received number/, () => '须为整数'],
  [/Invalid input: expected (\w+), received (\w+)/, (m) => `类型不对：应为${type(m[1])}，实际为${type(m[2])}`],
  [/Too small: expected number to be >(-?[\d.]+)/, (m) => `须大于 ${m[1]}`],
  [/Too small: expected number to be >=(-?[\d.]+)/, (m) => `不能小于 ${m[1]}`],
  [/Too big: expected number to be <(-?[\d.]+)/, (m) => `须小于 ${m[1]}`],
  [/Too big: expected number to be <=(-?[\d.]+)/, (m) => `不能大于 ${m[1]}`],
  [/Too small: expected string to have >=1 characters/, () => '不能为空'],
  [/Too big: expected string to have <=(\d+) characters/, (m) => `不能超过 ${m[1]} 个字符`],
  [/Too small: expected array to have >=(\d+) items/, (m) => `至少需要 ${m[1]} 项`],
  [/Too big: expected array to have <=(\d+) items/, (m) => `最多 ${m[1]} 项`],
  [/Invalid option: expected one of (.+)$/, (m) => `只能取以下值之一：${m[1].replaceAll('"', '').replaceAll('|', '、')}`],
  [/Invalid discriminator value\. Expected (.+)$/, (m) => `只能取以下值之一：${m[1].replaceAll("'", '').replaceAll(' | ', '、')}`],
  [/Unrecognized keys?: (.+)$/, (m) => `有不认识的键 ${m[1]}（可能是拼写错误）`],
  [/Invalid key in record/, () => '键不符合要求'],
];

/** The first rule that knows `message`: its Chinese text, or null. */
export function translate(message: string, rules: readonly MessageRule[]): string | null {
  for (const [re, text] of rules) {
    const m = re.exec(message);
    if (m) return text(m);
  }
  return null;
}

/**
 * One `path: message` problem in both languages: the path in words (`pathText`), the message by
 * `rules`; an unknown message is "取值不符合要求" with `known` false (the view then shows the original).
 */
export function problemText(error: string, rules: readonly MessageRule[], pathText: (path: string) => string): { zh: string; en: string; known: boolean } {
  const colon = error.indexOf(': ');
  const path = colon > 0 ? error.slice(0, colon) : '(root)';
  const message = colon > 0 ? error.slice(colon + 2) : error;
  const zh = translate(message, rules);
  return { zh: `${pathText(path)}：${zh ?? '取值不符合要求'}`, en: error, known: zh !== null };
}
