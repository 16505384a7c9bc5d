import { describe, expect, it } from 'vitest';
import { parseNumber, isCount } from '../../src/data/parse-number.ts';
import { parseBool } from '../../src/data/parse-bool.ts';
import { cellText } from '../../src/data/cell-text.ts';

describe('parseNumber', () => {
  it.each([
    ['1,234.5', 1234.5],
    ['12,345,678', 12345678],
    ['１２３', 123], // full-width digits
    ['１，２３４．５', 1234.5], // full-width comma and full stop
    ['  42  ', 42],
    ['\u3000７\u3000', 7], // ideographic spaces
    ['+3', 3],
    ['-2.5', -2.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e308', 1e308],
    ['1E3', 1000],
    ['0', 0],
  ])('%j → %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ value, ok: true });
  });

  it('-0 becomes +0', () => {
    const p = parseNumber('-0');
    expect(p.ok).toBe(true);
    expect(Object.is(p.value, 0)).toBe(true);
  });

  it.each(['', '   ', 'N/A', 'n/a', 'NA', '#N/A', '-', '—', '--', '——', '无', 'null'])('missing token %j → NaN, no warning', (text) => {
    const p = parseNumber(text);
    expect(p.value).toBeNaN();
    expect(p.ok).toBe(true);
  });

  it('null / undefined → missing', () => {
    expect(parseNumber(null).value).toBeNaN();
    expect(parseNumber(undefined).ok).toBe(true);
  });

  it.each(['abc', '12abc', '1,23', '1,2345', '0x10', '12%', '1e309', '-1e309', '1..2', '100万元', 'Infinity'])('not a number %j → NaN with a warning', (text) => {
    const p = parseNumber(text);
    expect(p.value).toBeNaN();
    expect(p.ok).toBe(false);
  });

  it('isCount', () => {
    expect(isCount(0)).toBe(true);
    expect(isCount(3)).toBe(true);
    expect(isCount(2.5)).toBe(false);
    expect(isCount(-1)).toBe(false);
  });
});

describe('parseBool', () => {
  it.each([
    ['1', 1],
    ['0', 0],
    ['是', 1],
    ['否', 0],
    ['true', 1],
    ['TRUE', 1],
    ['False', 0],
    ['Y', 1],
    ['y', 1],
    ['N', 0],
    ['n', 0],
    ['yes', 1],
    ['No', 0],
    [' 是 ', 1],
    ['１', 1], // full-width
  ])('%j → %d', (text, value) => {
    expect(parseBool(text)).toEqual({ value, ok: true });
  });

  it('empty is missing without a warning; other text is missing with one', () => {
    expect(parseBool('').value).toBeNaN();
    expect(parseBool('').ok).toBe(true);
    expect(parseBool(null).ok).toBe(true);
    expect(parseBool('maybe').value).toBeNaN();
    expect(parseBool('maybe').ok).toBe(false);
    expect(parseBool('2').ok).toBe(false);
  });
});

describe('cellText', () => {
  it('turns spreadsheet values into text', () => {
    expect(cellText(null)).toBeNull();
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(-0)).toBe('0');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(cellText({ formula: '1+1', result: 2 })).toBe('2');
    expect(cellText({ richText: [{ text: '研发' }, { text: '费用' }] })).toBe('研发费用');
    expect(cellText({ text: 'link', hyperlink: 'http://x' })).toBe('link');
    expect(cellText({ error: '#N/A' })).toBe('#N/A'); // a missing token
    expect(cellText({ error: '#DIV/0!' })).toBe('#DIV/0!'); // reported by the parser, never empty
  });
});
