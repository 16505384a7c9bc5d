import { describe, expect, it } from 'vitest';
import { bilingualError, errorCode, errorText, importErrorLabel } from '../../src/import/errors.ts';

/** A worker's error crosses the worker boundary as its message only; the page shows it in the reader's language. */
describe('bilingual worker errors', () => {
  it('round-trip through the message, in either language', () => {
    const e = bilingualError('mc-no-run', { zh: '蒙特卡洛：尚未运行，请先开始计算。', en: 'Monte Carlo: no run yet — start one first' });
    // What structured clone keeps of an Error: its message.
    const message = new Error(e.message).message;
    expect(errorText(message, 'zh')).toBe('蒙特卡洛：尚未运行，请先开始计算。');
    expect(errorText(message, 'en')).toBe('Monte Carlo: no run yet — start one first');
    expect(errorCode(message)).toBe('mc-no-run');
    expect(importErrorLabel(e)).toEqual({ zh: '蒙特卡洛：尚未运行，请先开始计算。', en: 'Monte Carlo: no run yet — start one first' });
  });

  it('a message in one language is shown as it is; none is empty', () => {
    expect(errorText('Out of memory', 'zh')).toBe('Out of memory');
    expect(errorCode('Out of memory')).toBe('');
    expect(errorText(null, 'en')).toBe('');
  });
});
