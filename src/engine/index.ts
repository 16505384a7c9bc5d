/**
 * Public API of the scoring engine. Pure TypeScript over typed arrays: no DOM, DuckDB or Svelte.
 * Two phases: `prepare` once per dataset and normalisation choice, `rescore` per weight change.
 */
export * from './types.ts';
export * from './scenario.ts';
export * from './calendar.ts';
export { ratio, growth, deriveValues, ruleFields, type Columns } from './derive.ts';
export { parseExpr, evaluateExpr, exprFields, valueRuleFormula, MAX_EXPR_LENGTH, type ExprNode, type ExprError, type ParseExprResult } from './expr.ts';
export { quantile7, selectKth } from './quantile.ts';
export { NORMALIZERS, NORMALIZATION_METHODS, normalizer, QUANTILE_METHODS, usesQuantiles, canonicalSpec, specKey } from './normalize/index.ts';
export { assignStages, stageCutoffDays, NO_STAGE } from './stages.ts';
export { effectiveWeights, requestedWeights, normalizeRows, stageWeightSums } from './weights.ts';
export { bonusPoints, vetoHits } from './bonus-veto.ts';
export { prepare, type Prepared, type PrepareInput } from './prepare.ts';
export { rescore, RescoreWorkspace, type RankedScores, type ScoreResult, type Toggles } from './rescore.ts';
export { BLOCK, BlockRescore } from './rescore-block.ts';
export { argsortDescending, radixArgsortDescending, competitionRanks, RankWorkspace } from './rank.ts';
export { explain, type Explanation, type IndicatorPoints, type BonusPoints, type VetoState } from './explain.ts';
export { parseScenario, parseScenarioText, type ParseResult } from './scenario-schema.ts';
export { scoreScenario, scenarioAsOfDays, type Population, type Run, type RunScores, type ScoreOptions } from './score-scenario.ts';
export { PreparedCache, type PrepareRequest } from './prepared-cache.ts';
export { systemFields, missingFields, missingIndicators } from './system-fields.ts';
