import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../src/engine/index.ts';

describe('scenario validation', () => {
  it('accepts the baseline and a full scenario', () => {
    expect(parseScenario({ version: 1, systemId: 'sichuan-2024' }).ok).toBe(true);
    const full = parseScenarioText(
      JSON.stringify({
        version: 1,
        systemId: 'sichuan-2024',
        weights: { initial: { rd_expense: 0.1 } },
        weightMode: 'free',
        normalization: { method: 'percentile-rank', lowerQuantile: 0.05, upperQuantile: 0.95 },
        stageCutoffs: { initial: 4 },
        bonus: { strategic_industry: false },
        vetoes: { major_safety_accident: true },
        asOf: '2024-02-29',
      }),
    );
    expect(full.ok).toBe(true);
  });
  it('names the field of each problem', () => {
    const r = parseScenario({ version: 1, systemId: 'x', weights: { initial: { rd_expense: -1 } }, normalization: { method: 'magic' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.some((e) => e.startsWith('weights.initial.rd_expense:'))).toBe(true);
      expect(r.errors.some((e) => e.startsWith('normalization.method:'))).toBe(true);
    }
  });
  it('rejects unknown keys, a non-date as-of, crossed quantiles and non-JSON', () => {
    expect(parseScenario({ version: 1, systemId: 'x', extra: 1 }).ok).toBe(false);
    expect(parseScenario({ version: 1, systemId: 'x', asOf: '2023-02-29' }).ok).toBe(false);
    expect(parseScenario({ version: 1, systemId: 'x', normalization: { lowerQuantile: 0.9, upperQuantile: 0.1 } }).ok).toBe(false);
    expect(parseScenarioText('{not json').ok).toBe(false);
    expect(parseScenario({ version: 2, systemId: 'x' }).ok).toBe(false);
  });
  it('refuses prototype keys so a hostile file cannot reach object prototypes', () => {
    const r = parseScenarioText('{"version":1,"systemId":"x","weights":{"__proto__":{"rd_expense":1}}}');
    expect(r.ok).toBe(false);
    const r2 = parseScenarioText('{"version":1,"systemId":"x","bonus":{"constructor":true}}');
    expect(r2.ok).toBe(false);
  });
});
