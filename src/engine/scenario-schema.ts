import { z } from 'zod';
import type { Scenario } from './scenario.ts';
import { NORMALIZATION_METHODS } from './normalize/index.ts';
import { parseIsoDate } from './calendar.ts';

/**
 * Validation of scenario JSON (CLI `--scenario`, imported files, shared links). Hostile or broken
 * input yields messages that name the field; it never throws.
 */
const weight = z.number().finite().min(0).max(1000);
/** Record keys: ids, never a key that reaches an object's prototype (`__proto__` and friends). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const key = z
  .string()
  .max(100)
  .refine((k) => !FORBIDDEN_KEYS.has(k), 'is not an allowed id');
const schema = z
  .object({
    version: z.literal(1),
    systemId: z.string().min(1).max(100),
    weights: z.record(key, z.record(key, weight)).optional(),
    weightMode: z.enum(['rescale', 'free']).optional(),
    normalization: z
      .object({
        method: z.enum(NORMALIZATION_METHODS as [string, ...string[]]).optional(),
        lowerQuantile: z.number().min(0).max(1).optional(),
        upperQuantile: z.number().min(0).max(1).optional(),
      })
      .strict()
      .optional(),
    stageCutoffs: z.record(key, z.number().int().min(0).max(200)).optional(),
    bonus: z.record(key, z.boolean()).optional(),
    vetoes: z.record(key, z.boolean()).optional(),
    asOf: z
      .string()
      .refine((s) => !Number.isNaN(parseIsoDate(s)), 'must be a real date written YYYY-MM-DD')
      .optional(),
  })
  .strict();

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** The path of the first own key that would reach a prototype, or null. */
function forbiddenKeyPath(value: unknown, path: string[] = []): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const k of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(k)) return [...path, k].join('.');
    const inner = forbiddenKeyPath((value as Record<string, unknown>)[k], [...path, k]);
    if (inner) return inner;
  }
  return null;
}

export function parseScenario(input: unknown): ParseResult {
  const bad = forbiddenKeyPath(input);
  if (bad) return { ok: false, errors: [`${bad}: is not an allowed id`] };
  const r = schema.safeParse(input);
  if (!r.success) {
    return {
      ok: false,
      errors: r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`),
    };
  }
  const q = r.data.normalization;
  if (q?.lowerQuantile !== undefined && q.upperQuantile !== undefined && !(q.lowerQuantile < q.upperQuantile)) {
    return { ok: false, errors: ['normalization: lowerQuantile must be below upperQuantile'] };
  }
  return { ok: true, scenario: r.data as Scenario };
}

export function parseScenarioText(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not valid JSON: ${(e as Error).message}`] };
  }
  return parseScenario(json);
}
