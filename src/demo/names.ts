import type { Rng } from './prng.ts';

// 字号 (trade-name) syllables; two are combined, so a few hundred distinct trade names arise.
const SYLLABLES = '华 天 中 科 川 蜀 锦 瑞 盛 博 新 源 泰 恒 鑫 宏 联 信 达 腾 睿 智 拓 创 启 航 云 峰 昊 晟 卓 越 思 远 安 康 嘉 宇 明 德'.split(' ');
const SUFFIXES = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];

/** A plausible Chinese company name: city + trade name + industry word + legal form. */
export function companyName(rng: Rng, cityShort: string, word: string): string {
  const trade = rng.pick(SYLLABLES) + rng.pick(SYLLABLES);
  const tech = word.endsWith('科技') || rng.chance(0.5) ? '' : '科技';
  return `${cityShort}${trade}${word}${tech}${rng.pick(SUFFIXES)}`;
}

/**
 * Names that look like markup: they prove the UI renders names as text, never as HTML. The
 * e2e tests look for these exact strings.
 */
export const MARKUP_NAMES = ['<script>alert("x")</script>成都测试科技有限公司', '<img src=x onerror=alert(1)>绵阳数据有限公司'];
