import { describe, expect, it } from 'vitest';
import { parseScenarioFileText } from '../../src/whatif/scenarios/index.ts';

/** The one scenario file reader (browser import and CLI --scenario): both shapes, refusals named. */
const appExport = `{
  "format": "innovation-points-scenario",
  "version": 1,
  "name": "研发加权",
  "createdAt": "2025-03-01T08:00:00.000Z",
  "scenario": { "version": 1, "systemId": "sichuan-2024", "weights": { "initial": { "rd_expense": 0.3 } }, "weightMode": "free" },
  "list": { "kind": "top-n", "n": 50, "scope": "overall" }
}`;

describe('parseScenarioFileText', () => {
  it("reads the app's export (导出 JSON) as a document, its scenario and list rule intact", () => {
    const r = parseScenarioFileText(appExport, 'ignored');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe('document');
    expect(r.doc.name).toBe('研发加权');
    expect(r.doc.scenario).toEqual({ version: 1, systemId: 'sichuan-2024', weights: { initial: { rd_expense: 0.3 } }, weightMode: 'free' });
    expect(r.doc.list).toEqual({ kind: 'top-n', n: 50, scope: 'overall' });
  });

  it('reads a bare scenario (the CLI format) with a BOM, named after the file', () => {
    const r = parseScenarioFileText('\uFEFF{"version":1,"systemId":"sichuan-2024","normalization":{"method":"percentile-rank"}}', 'my-weights');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe('bare');
    expect(r.doc.name).toBe('my-weights');
    expect(r.doc.scenario).toEqual({ version: 1, systemId: 'sichuan-2024', normalization: { method: 'percentile-rank' } });
    expect(r.doc.list).toBeUndefined();
  });

  it('a document with a bad weight names the field inside the scenario', () => {
    const r = parseScenarioFileText(appExport.replace('"rd_expense": 0.3', '"rd_expense": "heavy"'), 'x');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('|')).toContain('scenario.weights.initial.rd_expense');
  });

  it('a document of a newer version is refused as such, not read as a bare scenario', () => {
    const r = parseScenarioFileText(appExport.replace('"version": 1,\n  "name"', '"version": 2,\n  "name"'), 'x');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatch(/^version: scenario files of version 2 are not supported/);
  });

  it('JSON of neither shape says which two shapes are read', () => {
    const r = parseScenarioFileText('{"weights":{}}', 'x');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      '(root): not a scenario file; expected the workbench\'s export ("format": "innovation-points-scenario") or a bare scenario ({"version": 1, "systemId": …})',
    ]);
  });

  it('not JSON, an array, or a prototype key: refused with a message', () => {
    for (const text of ['{not json', '[1]', '{"version":1,"systemId":"sichuan-2024","bonus":{"__proto__":true}}']) {
      const r = parseScenarioFileText(text, 'x');
      expect(r.ok, text).toBe(false);
    }
  });
});
