import { describe, expect, it } from 'vitest';
import type { IndicatorSystem } from '../../src/engine/index.ts';
import { exampleBankModel } from '../../src/systems/edit-system.ts';
import { systemErrorText } from '../../src/systems/error-text.ts';
import { exportSystem, getSystem, importSystem } from '../../src/systems/index.ts';

/**
 * System-file problems in Chinese: each case breaks a real file, takes the checker's own English
 * message (the CLI's), and expects the Chinese text written out by hand.
 */
const sichuan = getSystem('sichuan-2024') as IndicatorSystem;
const bank = exampleBankModel(sichuan);
const base = () => JSON.parse(exportSystem(bank)) as Record<string, any>;
const last = bank.indicators.length - 1;

/** The Chinese texts of a broken file's problems. */
function zhOf(edit: (o: Record<string, any>) => void): string[] {
  const o = base();
  edit(o);
  const r = importSystem(JSON.stringify(o));
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  return r.errors.map((e) => {
    const t = systemErrorText(e, r.json);
    expect(t.known, e).toBe(true);
    expect(t.en).toBe(e);
    return t.zh;
  });
}

describe('indicator-system file problems in Chinese', () => {
  it('a broken formula: the indicator named, the parser’s own Chinese words', () => {
    expect(
      zhOf((o) => {
        o.indicators[last].value.expr = 'read_csv(rd_expense)';
      }),
    ).toEqual([`指标第 ${last + 1} 项“研发人员人均研发费用” › 取值规则 › 公式：公式“read_csv(rd_expense)”有误：没有函数“read_csv”（只有 growth(本年, 上年)）`]);
  });

  it('weights that do not sum to 1, a missing weight, an unknown stage, a negative weight', () => {
    expect(
      zhOf((o) => {
        o.indicators[0].weights.growth = 0.5;
      }),
    ).toEqual(['全部指标 › 权重 › 阶段“成长期”：阶段“growth”的权重合计为 1.428，应为 1（即 100%）']);
    expect(
      zhOf((o) => {
        delete o.indicators[1].weights.stable;
        o.indicators[1].weights.mature = 0;
      }),
    ).toEqual([
      '指标第 2 项“研发费用增速” › 权重 › 阶段“稳定期”：缺少阶段“stable”的权重',
      '指标第 2 项“研发费用增速” › 权重 › 阶段“mature”：本体系没有阶段“mature”',
      '全部指标 › 权重 › 阶段“稳定期”：阶段“stable”的权重合计为 0.964，应为 1（即 100%）',
    ]);
    expect(
      zhOf((o) => {
        o.indicators[0].weights.initial = -0.1;
      }),
    ).toEqual(['指标第 1 项“研发费用金额” › 权重 › 阶段“初创期”：权重不能为负数（文件中为 -0.1）']);
  });

  it('shape problems: a missing name, an unknown key, a wrong type, a bad direction, an unknown rule kind', () => {
    expect(
      zhOf((o) => {
        delete o.name;
        o.colour = 'red';
        o.baseScale = '100';
        o.indicators[2].direction = 'up';
        o.indicators[3].value = { kind: 'mean', field: 'revenue' };
      }),
    ).toEqual([
      '名称：缺少此项（应为对象）',
      '基础分满分：须为有限的数',
      `指标第 3 项“${bank.indicators[2].name.zh}” › 方向：只能取以下值之一：positive、reverse`,
      `指标第 4 项“${bank.indicators[3].name.zh}” › 取值规则 › 规则类型：只能取以下值之一：field、ratio、growth、sum、expr`,
      '文件：有不认识的键 "colour"（可能是拼写错误）',
    ]);
  });

  it('ids, classes, fields and stages', () => {
    expect(
      zhOf((o) => {
        o.indicators[1].id = o.indicators[0].id;
        o.indicators[2].classId = 'nope';
        o.bonus[0].field = 'no_such_field';
        o.stages[1].maxAgeYears = 3;
      }),
    ).toEqual([
      '指标第 2 项“研发费用增速” › 标识：标识“rd_expense”重复（与指标第 1 项相同）',
      '阶段第 2 项“成长期” › 年限上限：年限上限必须逐阶段增大：3 年不大于阶段“initial”的 5 年',
      `指标第 3 项“${bank.indicators[2].name.zh}” › 类别：未知的指标类别“nope”（本体系的类别：${bank.classes.map((c) => c.id).join('、')}）`,
      `加分项第 1 项“${bank.bonus[0].name.zh}” › 字段：未知的字段“no_such_field”：不在数据模型中，也未列入可选字段（optionalFields）`,
      // The bonus item read the system's one optional field: now nothing does.
      '可选字段第 1 项：“strategic_industry”没有被任何指标、加分项或清零规则使用',
    ]);
    expect(bank.optionalFields?.[0]).toBe('strategic_industry');
  });

  it('a stage id that is not a plain name is still read as that stage', () => {
    expect(
      zhOf((o) => {
        o.stages[0].id = 'early-stage';
        for (const ind of o.indicators) {
          ind.weights['early-stage'] = ind.weights.initial;
          delete ind.weights.initial;
        }
        o.indicators[0].weights['early-stage'] = 0.5;
      }),
    ).toEqual([`全部指标 › 权重 › 阶段“初创期”：阶段“early-stage”的权重合计为 ${String(Number((1 - 0.072 + 0.5).toPrecision(12)))}，应为 1（即 100%）`]);
  });

  it('not JSON, and a message it does not know is said so, with the original kept', () => {
    const r = importSystem('{ "id": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(systemErrorText(r.errors[0]).zh).toBe('文件：不是有效的 JSON 文件');
    const odd = systemErrorText('stages[0].name: something new');
    expect(odd).toEqual({ zh: '阶段第 1 项 › 名称：取值不符合要求', en: 'stages[0].name: something new', known: false });
  });

  it('never reads the object prototype for a hostile key', () => {
    const t = systemErrorText('indicators[0].constructor.__proto__: Unrecognized key: "x"', { indicators: [{ name: { zh: '甲' } }] });
    expect(t.zh).toBe('指标第 1 项“甲” › constructor › __proto__：有不认识的键 "x"（可能是拼写错误）');
  });
});
