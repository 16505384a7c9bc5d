import { z } from 'zod';
import { parseScenario, type Scenario } from '../../engine/index.ts';
import { checkListRule, type ListRule } from '../lists/list-rule.ts';
import { listRuleSchema } from './list-rule-schema.ts';
import { safeJsonParse } from '../share/safe-json.ts';
import { CATALOGUE_SEGMENT_COLUMNS } from '../../segment/columns.ts';
import { checkSegmentExpression, MAX_EXPRESSION_LENGTH } from '../../segment/expression.ts';

export const SCENARIO_FORMAT = 'innovation-points-scenario';
export const SCENARIO_DOC_VERSION = 1;

/** Filters of the ranking view saved with a scenario. */
export interface ScenarioFilters {
  stages?: string[];
  techFields?: string[];
  cities?: string[];
}

/**
 * A saved scenario (方案) as a file: the engine's Scenario (weights, normalisation, stage rules,
 * bonus/veto switches) plus the view's filters, list rule and segment, named and versioned.
 */
export interface ScenarioDoc {
  format: typeof SCENARIO_FORMAT;
  version: 1;
  name: string;
  /** ISO 8601 date-time. */
  createdAt?: string;
  scenario: Scenario;
  filters?: ScenarioFilters;
  list?: ListRule;
  /**
   * The segment (细分范围): a SQL condition over the data model's columns (src/segment/expression.ts),
   * as the user wrote it. Checked against the catalogue here and against the dataset when it runs;
   * scores and ranks stay the whole population's.
   */
  segment?: string;
}

const text = z.string().max(200);
/** Characters a scenario name may not hold: markup brackets and control characters. */
// eslint-disable-next-line no-control-regex
export const MARKUP = /[<>\u0000-\u001f\u007f]/;
const docSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(1),
    name: z
      .string()
      .max(200)
      .refine((s) => s.trim().length > 0, 'must not be empty')
      // A name is shown as text only; one written as markup is a hostile file, not a name.
      .refine((s) => !MARKUP.test(s), 'must not contain < or > or control characters (a name is plain text)'),
    createdAt: z.iso.datetime({ offset: true }).optional(),
    scenario: z.unknown(),
    filters: z
      .object({ stages: z.array(text).max(50).optional(), techFields: z.array(text).max(500).optional(), cities: z.array(text).max(5000).optional() })
      .strict()
      .optional(),
    list: listRuleSchema.optional(),
    segment: z.string().max(MAX_EXPRESSION_LENGTH).optional(),
  })
  .strict();

export type ScenarioDocResult = { ok: true; doc: ScenarioDoc } | { ok: false; errors: string[] };

/**
 * Validates a scenario document (parsed JSON). Never throws; every error names its field
 * (`scenario.weights.initial.rd_expense: …`). A document of another format or a newer version is
 * refused with one sentence saying so.
 */
export function parseScenarioDoc(input: unknown): ScenarioDocResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: ['(root): a scenario file must be a JSON object'] };
  const o = input as Record<string, unknown>;
  if (o.format !== SCENARIO_FORMAT) return { ok: false, errors: [`format: this is not a scenario file (expected "format": "${SCENARIO_FORMAT}")`] };
  if (o.version !== SCENARIO_DOC_VERSION) {
    return { ok: false, errors: [`version: scenario files of version ${JSON.stringify(o.version)} are not supported; this workbench reads version ${SCENARIO_DOC_VERSION}`] };
  }
  const r = docSchema.safeParse(input);
  const errors = r.success ? [] : r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  const sc = parseScenario(o.scenario);
  if (!sc.ok) errors.push(...sc.errors.map((e) => `scenario.${e}`));
  if (errors.length || !r.success || !sc.ok) return { ok: false, errors };
  const doc = { ...r.data, scenario: sc.scenario } as ScenarioDoc;
  if (doc.segment !== undefined) {
    // A condition that could never run (a statement, a function that reads files, a column no
    // dataset has) is refused with the file, not later on some dataset.
    const check = checkSegmentExpression(doc.segment, CATALOGUE_SEGMENT_COLUMNS);
    if (!check.ok) return { ok: false, errors: [`segment: ${check.error.en}`] };
  }
  if (doc.list) {
    try {
      checkListRule(doc.list);
    } catch (e) {
      return { ok: false, errors: [`list: ${(e as Error).message}`] };
    }
  }
  return { ok: true, doc };
}

/** Parses and validates an imported file's text (see safe-json.ts for what JSON is refused). */
export function parseScenarioDocText(text: string): ScenarioDocResult {
  const json = safeJsonParse(text);
  if (!json.ok) return { ok: false, errors: [`(root): ${json.error}`] };
  return parseScenarioDoc(json.value);
}

/** Pretty JSON of a document (keys in a fixed order). */
export function exportScenarioDoc(doc: ScenarioDoc): string {
  const { format, version, name, createdAt, scenario, filters, list, segment } = doc;
  return JSON.stringify({ format, version, name, createdAt, scenario, filters, list, segment }, null, 2) + '\n';
}

/** A new document around a scenario (`createdAt` passed in: pure code does not read the clock). */
export function newScenarioDoc(name: string, scenario: Scenario, createdAt?: string, extra: Pick<ScenarioDoc, 'filters' | 'list' | 'segment'> = {}): ScenarioDoc {
  return { format: SCENARIO_FORMAT, version: 1, name, ...(createdAt ? { createdAt } : {}), scenario: structuredClone(scenario), ...structuredClone(extra) };
}
