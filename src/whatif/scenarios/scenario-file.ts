import { parseScenario } from '../../engine/index.ts';
import { safeJsonParse } from '../share/safe-json.ts';
import { newScenarioDoc, parseScenarioDoc, SCENARIO_FORMAT, type ScenarioDoc } from './scenario-doc.ts';

/**
 * The one scenario file format, read the same way by the browser's import (方案库 → 导入 JSON) and
 * the CLI's `--scenario`:
 *
 * - the app's export (`导出 JSON`): `{"format": "innovation-points-scenario", "version": 1, "name",
 *   "createdAt", "scenario": {…}, "filters"?, "list"?}` (scenario-doc.ts), validated field by field;
 * - the bare scenario the CLI has always read (`{"version": 1, "systemId": …, "weights": …}`,
 *   engine/scenario-schema.ts), kept so existing files still work; it is named `fallbackName`.
 *
 * A document is told apart by its `format` key: an object with one is a document (and must be a
 * valid one — a wrong format or version is refused, never read as a bare scenario); an object
 * without one is a bare scenario. Never throws.
 */
export type ScenarioFileResult = { ok: true; doc: ScenarioDoc; kind: 'document' | 'bare' } | { ok: false; errors: string[] };

export function parseScenarioFileText(text: string, fallbackName: string): ScenarioFileResult {
  const json = safeJsonParse(text.replace(/^\uFEFF/, ''));
  if (!json.ok) return { ok: false, errors: [`(root): ${json.error}`] };
  return parseScenarioFile(json.value, fallbackName);
}

export function parseScenarioFile(value: unknown, fallbackName: string): ScenarioFileResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, errors: ['(root): a scenario file must be a JSON object'] };
  if ('format' in value) {
    const r = parseScenarioDoc(value);
    return r.ok ? { ok: true, doc: r.doc, kind: 'document' } : r;
  }
  if (!('systemId' in value) && !('version' in value)) {
    // Neither shape: say which two are read, rather than listing every key as unrecognized.
    return {
      ok: false,
      errors: [`(root): not a scenario file; expected the workbench's export ("format": "${SCENARIO_FORMAT}") or a bare scenario ({"version": 1, "systemId": …})`],
    };
  }
  const r = parseScenario(value);
  if (!r.ok) return r;
  const name = fallbackName.trim() || r.scenario.systemId;
  return { ok: true, doc: newScenarioDoc(name, r.scenario), kind: 'bare' };
}
