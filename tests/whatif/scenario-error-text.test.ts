import { describe, expect, it } from 'vitest';
import type { IndicatorSystem } from '../../src/engine/index.ts';
import { parseScenarioFileText } from '../../src/whatif/scenarios/scenario-file.ts';
import { scenarioErrorText } from '../../src/whatif/scenarios/error-text.ts';
import { getSystem } from '../../src/systems/index.ts';

const sichuan = getSystem('sichuan-2024') as IndicatorSystem;
const zhOf = (text: string) => {
  const r = parseScenarioFileText(text, 'f');
  if (r.ok) throw new Error('parsed');
  return r.errors.map((e) => scenarioErrorText(e, sichuan));
};

describe('scenario file problems in Chinese', () => {
  it.each([
    ['{"version":1,"systemId":"sichuan-2024","weights":{"initial":{"rd_expense":-1}}}', '权重 › 初创期 › 研发费用金额：不能小于 0'],
    ['{"version":1,"systemId":"sichuan-2024","normalization":{"lowerQuantile":0.9,"upperQuantile":0.1}}', '无量纲化：下分位数必须小于上分位数'],
    ['{"version":1,"systemId":"sichuan-2024","asOf":"2023-13-01"}', '评价基准日：须为真实存在的日期，格式为 年-月-日（如 2023-12-31）'],
    ['{"version":2,"systemId":"sichuan-2024"}', '版本：版本不受支持（本工作台读取版本 1）'],
    ['{"version":1,"systemId":"sichuan-2024","weightMode":"x"}', '权重模式：只能取以下值之一：rescale、free'],
    ['{"version":1,"systemId":"sichuan-2024","extra":1}', '文件：有不认识的键 "extra"（可能是拼写错误）'],
    ['<html>', '文件：不是有效的 JSON 文件'],
  ])('%s → %s', (text, zh) => {
    const [e] = zhOf(text);
    expect(e.zh).toBe(zh);
    expect(e.known).toBe(true);
  });

  it('names the wrong type, and keeps the English original', () => {
    const doc = '{"format":"innovation-points-scenario","version":1,"name":7,"createdAt":"2024-01-01T00:00:00Z","scenario":{"version":1,"systemId":"sichuan-2024"}}';
    const [e] = zhOf(doc);
    expect(e).toEqual({ zh: '方案名称：类型不对：应为文本，实际为数字', en: 'name: Invalid input: expected string, received number', known: true });
  });

  it('never reads a hostile key from the object prototype', () => {
    expect(scenarioErrorText('scenario.constructor: the key "constructor" is not allowed').zh).toBe('方案 › constructor：不允许使用键“constructor”');
    expect(scenarioErrorText('__proto__.toString: Invalid input: expected constructor, received toString').zh).toBe(
      '__proto__ › toString：类型不对：应为constructor，实际为toString',
    );
  });

  it('says plainly when it does not know a message, so the view shows the original', () => {
    expect(scenarioErrorText('scenario.weights: something new', sichuan)).toEqual({ zh: '方案 › 权重：取值不符合要求', en: 'scenario.weights: something new', known: false });
  });
});
