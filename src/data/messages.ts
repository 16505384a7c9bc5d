import type { Label } from '../engine/types.ts';
import { formatIsoDate } from '../engine/calendar.ts';
import type { ExclusionReason, WarningCode } from './issues.ts';

/**
 * Human messages (zh + en). Each one names the row as the user's file numbers it, the column as
 * the user's header names it, the value, and what to do about it.
 */

const MAX_VALUE = 60;
function shown(value: string): string {
  const v = value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  return v.replace(/[\r\n\t]+/g, ' ');
}
const at = (row: number, column: string): Label => ({ zh: `第 ${row} 行「${column}」`, en: `Row ${row}, column "${column}"` });

export interface ExclusionContext {
  row: number;
  column: string;
  value: string;
  /** duplicate-key: the rows holding the same code. */
  rows?: number[];
  /** uscc-check-digit: the expected check character. */
  expected?: string;
  asOfDays?: number;
  /** cell-count: the row's cells and the header's. */
  cells?: number;
  headerCells?: number;
}

export function exclusionMessage(reason: ExclusionReason, c: ExclusionContext): Label {
  const p = at(c.row, c.column);
  const v = shown(c.value);
  const skipZh = '该行未参与评分';
  const skipEn = 'the row is not scored';
  switch (reason) {
    case 'uscc-missing':
      return { zh: `${p.zh}为空，${skipZh}；请填写 18 位统一社会信用代码。`, en: `${p.en} is empty, so ${skipEn}; fill in the 18-character unified social credit code.` };
    case 'uscc-length':
      return {
        zh: `${p.zh}的值“${v}”有 ${c.value.length} 位而不是 18 位，${skipZh}；请核对代码。`,
        en: `${p.en}: "${v}" has ${c.value.length} characters instead of 18, so ${skipEn}; check the code.`,
      };
    case 'uscc-charset':
      return {
        zh: `${p.zh}的值“${v}”含有统一社会信用代码不使用的字符（如 I、O、Z、S、V），${skipZh}；请核对代码。`,
        en: `${p.en}: "${v}" contains a character a credit code never uses (such as I, O, Z, S, V), so ${skipEn}; check the code.`,
      };
    case 'uscc-check-digit':
      return {
        zh: `${p.zh}的值“${v}”校验码错误（按 GB 32100-2015 第 18 位应为 ${c.expected}），${skipZh}；请核对代码。`,
        en: `${p.en}: "${v}" fails the GB 32100-2015 check (the 18th character should be ${c.expected}), so ${skipEn}; check the code.`,
      };
    case 'duplicate-key': {
      const rows = (c.rows ?? [c.row]).join(', ');
      return {
        zh: `${p.zh}的代码“${v}”在第 ${rows} 行重复出现，所有重复行均未参与评分；每家企业只保留一行。`,
        en: `${p.en}: the code "${v}" appears in rows ${rows}, so every copy is excluded (duplicate key); keep one row per enterprise.`,
      };
    }
    case 'registration-date-missing':
      return {
        zh: `${p.zh}为空，无法确定生命周期阶段，${skipZh}；请填写注册日期（如 2018-06-30）。`,
        en: `${p.en} is empty, so the life-cycle stage is unknown and ${skipEn}; fill in the registration date (e.g. 2018-06-30).`,
      };
    case 'registration-date-invalid':
      return {
        zh: `${p.zh}的值“${v}”不是有效日期，${skipZh}；请写成 YYYY-MM-DD（如 2018-06-30）。`,
        en: `${p.en}: "${v}" is not a valid date, so ${skipEn}; write it as YYYY-MM-DD (e.g. 2018-06-30).`,
      };
    case 'cell-count':
      return {
        zh: `第 ${c.row} 行有 ${c.cells} 个单元格，而表头有 ${c.headerCells} 个，各值可能错位，${skipZh}；请检查该行是否多了或少了分隔符（如未加引号的逗号）。`,
        en: `Row ${c.row} has ${c.cells} cells but the header has ${c.headerCells}, so its values may be shifted and ${skipEn}; check the row for a missing or extra delimiter (such as an unquoted comma).`,
      };
    case 'registration-date-future': {
      const asOf = c.asOfDays === undefined ? '' : formatIsoDate(c.asOfDays);
      return {
        zh: `${p.zh}的值“${v}”晚于评价基准日 ${asOf}，${skipZh}；请核对注册日期或评价基准日。`,
        en: `${p.en}: "${v}" is after the as-of date ${asOf}, so ${skipEn}; check the date or the as-of date.`,
      };
    }
  }
}

export interface WarningContext {
  row: number;
  column: string;
  value: string;
  /** The other column of a cross-field check, and its value. */
  otherColumn?: string;
  otherValue?: string;
  allowed?: readonly string[];
}

export function warningMessage(code: WarningCode, c: WarningContext): Label {
  const p = at(c.row, c.column);
  const v = shown(c.value);
  const o = c.otherColumn ?? '';
  const ov = shown(c.otherValue ?? '');
  switch (code) {
    case 'not-a-number':
      return {
        zh: `${p.zh}的值“${v}”不是数字，已按缺失处理；请填写数字或留空。`,
        en: `${p.en}: "${v}" is not a number and is treated as missing; enter a number or leave the cell empty.`,
      };
    case 'not-a-count':
      return { zh: `${p.zh}的值“${v}”不是非负整数，仍按原值使用；请核对。`, en: `${p.en}: "${v}" is not a whole non-negative number; it is used as given, please check it.` };
    case 'not-a-boolean':
      return {
        zh: `${p.zh}的值“${v}”不是“是/否”，已按缺失处理；请填写 是/否、1/0、Y/N 或 true/false。`,
        en: `${p.en}: "${v}" is not yes/no and is treated as missing; write 是/否, 1/0, Y/N or true/false.`,
      };
    case 'not-a-date':
      return {
        zh: `${p.zh}的值“${v}”不是有效日期，已按缺失处理；请写成 YYYY-MM-DD。`,
        en: `${p.en}: "${v}" is not a valid date and is treated as missing; write it as YYYY-MM-DD.`,
      };
    case 'negative':
      return {
        zh: `${p.zh}的值“${v}”为负数，但该指标不能为负，仍按原值使用；请核对。`,
        en: `${p.en}: "${v}" is negative although this value cannot be; it is used as given, please check it.`,
      };
    case 'unknown-value':
      return {
        zh: `${p.zh}的值“${v}”不在可选项中（${(c.allowed ?? []).join('、')}），仍按原文保留；请核对。`,
        en: `${p.en}: "${v}" is not one of the listed options (${(c.allowed ?? []).join(', ')}); it is kept as written, please check it.`,
      };
    case 'tech-staff-exceeds-employees':
    case 'postgrad-exceeds-employees':
    case 'high-tech-revenue-exceeds-revenue':
      return {
        zh: `${p.zh}的值 ${v} 大于「${o}」的值 ${ov}，仍按原值使用；请核对这两列。`,
        en: `${p.en}: ${v} is larger than column "${o}" (${ov}); the values are used as given, please check both columns.`,
      };
  }
}
