import { parseIsoDate, type Label, type Scenario } from '../../engine/index.ts';

/**
 * A scenario's content as a comparable string: keys sorted, empty objects and undefined values
 * left out, so `{weights: {}}` and a scenario without weights are the same choice (both score as
 * the published weights).
 */
export function scenarioKey(s: Scenario): string {
  const clean = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => [k, clean(x)] as const)
      .filter(([, x]) => !(x !== null && typeof x === 'object' && Object.keys(x).length === 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  };
  return JSON.stringify(clean(s));
}

/**
 * Whether what is on screen differs from the scenario it is named after: the saved document
 * last applied, or (no name) the system's published weights.
 */
export function scenarioModified(current: Scenario, reference: Scenario): boolean {
  return scenarioKey(current) !== scenarioKey(reference);
}

/**
 * The as-of date typed in the browser, by the CLI's `--as-of` rule (src/cli/as-of.ts): a real
 * date written YYYY-MM-DD. Returns the date, or the sentence to show at the field.
 */
/**
 * An as-of date earlier than some scored enterprise's registration date, refused: the CLI's rule
 * (scoring.md §1) excludes such enterprises, while the browser's exclusions are fixed when the
 * dataset is built, so accepting the date would score rows the CLI leaves out. null = accepted.
 */
export function asOfRefusal(iso: string, count: number, latestIso: string): Label | null {
  if (count <= 0) return null;
  return {
    zh: `评价基准日 ${iso} 早于 ${count} 家企业的注册日期：按评分规则，注册日期晚于基准日的企业不参与评分，而当前数据集中它们已参与评分。请选择不早于 ${latestIso}（最晚的注册日期）的日期，或在数据中排除这些企业后重新导入。`,
    en: `The as-of date ${iso} is before the registration date of ${count} enterprises: the scoring rule leaves out enterprises registered after the as-of date, but they are scored in this dataset. Choose a date on or after ${latestIso} (the latest registration date), or remove them from the data and import it again.`,
  };
}

export function parseAsOfInput(text: string): { ok: true; iso: string } | { ok: false; error: Label } {
  const t = text.trim();
  if (!Number.isNaN(parseIsoDate(t))) return { ok: true, iso: t };
  return {
    ok: false,
    error: {
      zh: `“${t}”不是有效日期：请按 YYYY-MM-DD 填写真实存在的日期（如 2023-12-31）。`,
      en: `"${t}" is not a real date written YYYY-MM-DD (e.g. 2023-12-31).`,
    },
  };
}
