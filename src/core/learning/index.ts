/**
 * The learning loop: per-strategy statistics from the judge and from people, and the strategy selector
 * they drive. Pure: the store keeps the state as an opaque JSON object, callers pass it in and get a new one.
 */
export type { GainShares } from './attributeGains';
export { attributeGains, evenGainShares } from './attributeGains';
export { createSelector, selectionSeed } from './createSelector';
export type { InclusionPolicy } from './inclusionPolicy';
export { DEFAULT_POLICY, inclusionProbability } from './inclusionPolicy';
export type { LearningStateV1, StrategyStats } from './learningState';
export { emptyLearningState, LEARNING_STATE_VERSION, resetLearning } from './learningState';
export type { LoadedLearningState } from './loadLearningState';
export { loadLearningState } from './loadLearningState';
export type { FeedbackInput } from './recordFeedback';
export { feedbackFromEvent, FeedbackInputError, recordFeedback } from './recordFeedback';
export type { RewriteRecord } from './recordImprovement';
export { recordImprovement, recordRewrite } from './recordImprovement';
export { hashText } from './seededRandom';
export type { StrategyReportRow } from './strategyReport';
export { strategyReport } from './strategyReport';
