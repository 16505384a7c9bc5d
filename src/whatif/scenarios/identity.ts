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
