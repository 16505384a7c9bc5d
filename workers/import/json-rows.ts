import { cellText } from '../../src/data/cell-text.ts';
import { DataError, internalDetails } from '../../src/data/errors.ts';

/**
 * JSON text (an array of objects, one per enterprise) → rows of text: the header is the union of
 * the keys in order of first appearance; record k becomes row k + 1 (the header is row 1).
 */
export function jsonRows(text: string, name: string): (string | null)[][] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // One sentence saying what to do; the parser's own words ("Unexpected token …") in details.
    throw new DataError(
      'bad-csv',
      `${name} is not valid JSON; save it again as a JSON array of objects (one per enterprise), or as .csv or .xlsx.`,
      `${name} 不是有效的 JSON；请重新保存为对象数组（每家企业一个对象）的 JSON，或另存为 .csv、.xlsx。`,
      internalDetails(e),
    );
  }
  if (!Array.isArray(data) || !data.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
    throw new DataError('bad-csv', `${name} must hold an array of objects, one per enterprise.`, `${name} 应为对象数组，每家企业一个对象。`);
  }
  if (data.length === 0) throw new DataError('no-rows', `${name} holds no records.`, `${name} 中没有记录。`);
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of data as Record<string, unknown>[])
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      seen.add(k);
      keys.push(k);
    }
  const rows = (data as Record<string, unknown>[]).map((r) =>
    keys.map((k) => cellText(typeof r[k] === 'object' && r[k] !== null && !(r[k] instanceof Date) ? JSON.stringify(r[k]) : r[k])),
  );
  return [keys, ...rows];
}
