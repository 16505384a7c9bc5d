/**
 * Formula indicators benchmark (not a test): the cost of custom indicators written in the
 * expression language (src/engine/expr.ts) against the presets' built-in value rules, on the
 * same synthetic columns. Sichuan 2024 with every rule rewritten as a formula computes the same
 * values (tests/cli/custom-system.test.ts checks the output byte for byte), so the ratio is the
 * price of the formula path alone.
 *   npm run bench:formula                    → table for 100k and 1M rows
 *   npm run bench:formula -- --rows N --json → the same for N rows, last line JSON
 */
import { assignStages, DEFAULT_NORMALIZATION, deriveValues, prepare, valueRuleFormula, type IndicatorSystem } from '../src/engine/index.ts';
import { getSystem } from '../src/systems/index.ts';
import { syntheticColumns } from './bench/synthetic.ts';

const RUNS = 5;
const args = process.argv.slice(2);
const json = args.includes('--json');
const rowsArg = args.indexOf('--rows');
const sizes = rowsArg >= 0 ? [Number(args[rowsArg + 1])] : [100_000, 1_000_000];
const sichuan = getSystem('sichuan-2024') as IndicatorSystem;

const formulas: IndicatorSystem = {
  ...sichuan,
  id: 'custom-formulas',
  indicators: sichuan.indicators.map((i) => ({ ...i, value: { kind: 'expr', expr: valueRuleFormula(i.value) } })),
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function time(f: () => void): number {
  f(); // warm-up
  const t: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const rows: Record<string, number>[] = [];
for (const n of sizes) {
  const { columns, regDays, asOfDays } = syntheticColumns(sichuan, n);
  const stage = assignStages(regDays, asOfDays, sichuan.stages);
  const derive = (s: IndicatorSystem) => () => {
    for (const ind of s.indicators) deriveValues(ind.value, columns, n);
  };
  const prep = (s: IndicatorSystem) => () => void prepare({ system: s, columns, n, stage, normalization: DEFAULT_NORMALIZATION });
  const row = {
    rows: n,
    derive_rules_ms: time(derive(sichuan)),
    derive_formulas_ms: time(derive(formulas)),
    prepare_rules_ms: time(prep(sichuan)),
    prepare_formulas_ms: time(prep(formulas)),
  };
  rows.push({ ...row, prepare_ratio: row.prepare_formulas_ms / row.prepare_rules_ms });
}

const f = (x: number) => x.toFixed(1);
console.log('rows        derive 18 (rules)  derive 18 (formulas)  prepare (rules)  prepare (formulas)  formulas ÷ rules');
for (const r of rows)
  console.log(
    `${String(r.rows).padEnd(12)}${f(r.derive_rules_ms).padStart(12)} ms${f(r.derive_formulas_ms).padStart(18)} ms${f(r.prepare_rules_ms).padStart(14)} ms${f(r.prepare_formulas_ms).padStart(17)} ms${r.prepare_ratio.toFixed(2).padStart(15)}×`,
  );
if (json) console.log(JSON.stringify(rows.at(-1)));
