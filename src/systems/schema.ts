import { z } from 'zod';
import type { IndicatorSystem } from '../engine/types.ts';
import { MAX_EXPR_LENGTH } from '../engine/expr.ts';
import { checkSystem } from './check-system.ts';
import { formatPath } from './path.ts';

export { formatPath };

/**
 * Validation of indicator systems (presets, imported JSON, systems edited in the workbench).
 * Two passes: the zod schema checks the shape (types, lengths, no unknown keys), then
 * `checkSystem` checks what a shape cannot: unique ids, known classes and fields, weights summing
 * to 1 per stage, ordered stages, caps. Hostile or broken input yields messages that name the
 * field path (`indicators[3].weights.growth: …`); it never throws.
 */

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'ids use letters, digits, "_", "-" and "." only');
const fieldId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'field ids are snake_case (a-z, 0-9, "_")')
  // Columns are looked up by field id in plain objects: an Object.prototype name would find a function.
  .refine((v) => !(v in Object.prototype), { error: (iss) => `"${String(iss.input)}" cannot be a field id` });
const text = (max: number) => z.string().max(max);
const label = z.strictObject({ zh: text(200).min(1), en: text(200).min(1) });
const prose = z.strictObject({ zh: text(20_000).min(1), en: text(20_000).min(1) });
const finite = (what: string) => z.number({ error: `${what} must be a finite number` });

const valueRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('field'), field: fieldId }),
  z.strictObject({ kind: z.literal('ratio'), numerator: fieldId, denominator: z.union([fieldId, z.array(fieldId).min(1).max(20)]) }),
  z.strictObject({ kind: z.literal('growth'), current: fieldId, previous: fieldId }),
  z.strictObject({ kind: z.literal('sum'), fields: z.array(fieldId).min(1).max(20) }),
  z.strictObject({ kind: z.literal('expr'), expr: z.string().min(1).max(MAX_EXPR_LENGTH) }),
]);

const weight = finite('a weight').min(0, { error: (iss) => `a weight must be ≥ 0, got ${String(iss.input)}` });

const schema = z.strictObject({
  id,
  name: label,
  version: text(50).min(1),
  source: z.strictObject({ seed: text(200).min(1), published: text(20_000), defaults: text(20_000) }),
  about: z.strictObject({ short: label, sourceTitle: prose, edition: label, published: prose, defaults: prose }).optional(),
  baseScale: finite('baseScale').positive(),
  stages: z
    .array(
      z.strictObject({
        id,
        name: label,
        maxAgeYears: z.number().int('maxAgeYears must be a whole number of years').min(1).max(200).optional(),
      }),
    )
    .min(1)
    .max(20),
  classes: z
    .array(z.strictObject({ id, name: label }))
    .min(1)
    .max(50),
  indicators: z
    .array(
      z.strictObject({
        id,
        name: label,
        classId: id,
        direction: z.enum(['positive', 'reverse']),
        value: valueRule,
        weights: z.record(id, weight),
        unit: text(20).optional(),
      }),
    )
    .min(1)
    .max(500),
  bonus: z
    .array(
      z.strictObject({
        id,
        name: label,
        field: fieldId,
        points: finite('points').positive('points must be > 0'),
        cap: finite('cap').positive('cap must be > 0').optional(),
      }),
    )
    .max(100),
  vetoes: z.array(z.strictObject({ id, name: label, fields: z.array(fieldId).min(1).max(20), mandatory: z.boolean(), defaultActive: z.boolean() })).max(100),
  optionalFields: z.array(fieldId).max(200).optional(),
});

/** An indicator system file is a few tens of KB; a larger file is refused unread (browser and CLI). */
export const MAX_SYSTEM_FILE_BYTES = 2_000_000;

/** A refusal keeps the parsed file (`json`), so a view can name the items a path passes through (error-text.ts). */
export type ParseSystemResult = { ok: true; system: IndicatorSystem } | { ok: false; errors: string[]; json?: unknown };

export function parseSystem(json: unknown): ParseSystemResult {
  const r = schema.safeParse(json);
  if (!r.success) return { ok: false, errors: r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`), json };
  const system = r.data as IndicatorSystem;
  const errors = checkSystem(system);
  return errors.length ? { ok: false, errors, json } : { ok: true, system };
}

/** Parses JSON text and validates it; a syntax error is reported like any other problem. */
export function importSystem(text: string): ParseSystemResult {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, errors: [`(root): not valid JSON: ${(e as Error).message}`] };
  }
  return parseSystem(json);
}

export { exportSystem } from './system-json.ts';
