import type { IndicatorSystem, Label } from '../../engine/types.ts';
import { own, problemText, SHAPE_MESSAGES, type MessageRule } from '../../i18n/schema-errors.ts';

/**
 * A scenario file's problem as a Chinese reader sees it. The readers (scenario-file.ts,
 * scenario-doc.ts, engine/scenario-schema.ts, shared with the CLI) report `path: message` in
 * English, the CLI's language; this turns one into both languages for the 方案 view: the path in
 * words (方案 › 权重 › 初创期 › 研发费用金额, with the system's own names) and the usual messages
 * translated. A message it does not know is said plainly as "取值不符合要求" (`known` false), and
 * the view then shows the original beside it, so nothing is hidden.
 */
const KEYS: Record<string, string> = {
  '(root)': '文件',
  format: '文件格式',
  version: '版本',
  name: '方案名称',
  createdAt: '创建时间',
  scenario: '方案',
  systemId: '指标体系',
  weights: '权重',
  weightMode: '权重模式',
  normalization: '无量纲化',
  method: '方法',
  lowerQuantile: '下分位数',
  upperQuantile: '上分位数',
  bonus: '加分项',
  vetoes: '清零规则',
  stageCutoffs: '阶段划分年限',
  asOf: '评价基准日',
  list: '名单规则',
  segment: '细分范围',
  filters: '排名筛选',
};

const MESSAGES: MessageRule[] = [
  [/nested more than (\d+) levels deep/, (m) => `嵌套超过 ${m[1]} 层`],
  [/the key "([^"]*)" is not allowed/, (m) => `不允许使用键“${m[1]}”`],
  [/must not contain < or >/, () => '不能包含 < 或 >'],
  [/the file is ([\d.]+) MB; a scenario file is at most ([\d.]+) MB/, (m) => `文件大小为 ${m[1]} MB，方案文件最大 ${m[2]} MB`],
  [/unknown indicator system "([^"]*)"/, (m) => `本机没有指标体系“${m[1]}”：请先在“指标体系”中导入该体系的文件`],
  [/not a scenario file/, () => '不是方案文件：应为工作台导出的方案文件，或含 version 与 systemId 的方案'],
  [/must be a JSON object/, () => '方案文件必须是一个 JSON 对象'],
  [/versions? .* not supported|Invalid input: expected (\d+)$/, () => '版本不受支持（本工作台读取版本 1）'],
  [/lowerQuantile must be below upperQuantile/, () => '下分位数必须小于上分位数'],
  [/must be a real date written YYYY-MM-DD/, () => '须为真实存在的日期，格式为 年-月-日（如 2023-12-31）'],
  [/Invalid ISO datetime/, () => '不是有效的日期时间'],
  [/is not an allowed id/, () => '不是允许的标识'],
  ...SHAPE_MESSAGES,
];

/** The path `scenario.weights.initial.rd_expense` in words, with the system's stage and indicator names. */
function pathText(path: string, system: IndicatorSystem | undefined): string {
  const stages = new Map(system?.stages.map((s) => [s.id, s.name.zh]));
  const indicators = new Map([
    ...(system?.indicators.map((i) => [i.id, i.name.zh] as const) ?? []),
    ...(system?.bonus.map((b) => [b.id, b.name.zh] as const) ?? []),
    ...(system?.vetoes.map((v) => [v.id, v.name.zh] as const) ?? []),
  ]);
  return path
    .split('.')
    .map((k) => own(KEYS, k) ?? stages.get(k) ?? indicators.get(k) ?? k)
    .join(' › ');
}

export function scenarioErrorText(error: string, system?: IndicatorSystem): Label & { known: boolean } {
  return problemText(error, MESSAGES, (path) => pathText(path, system));
}
