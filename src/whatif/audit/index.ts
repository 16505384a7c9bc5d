export { computeAudit, type Audit, type AuditInput, type GroupAudit, type ClassAlpha, type NegativePair } from './audit.ts';
export { ALL_GROUP_ID } from './groups.ts';
export { COVERAGE_THRESHOLD } from './coverage.ts';
export { SKEW_LIMIT, EXCESS_KURTOSIS_LIMIT, type ShapeUndefined } from './moments.ts';
export { MAX_BINS, binCount } from './column-ranks.ts';
export { PCA_COMPONENTS, type PcaResult } from './pca.ts';
export { symmetricEigen } from './jacobi.ts';
export { cronbachAlpha } from './cronbach.ts';
