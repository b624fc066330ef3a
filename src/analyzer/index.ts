/** The email analyzer's public surface: pure functions, no DOM, no framework. */
export { analyzeEmail, measureEmail, overallScore, passesExercise, type CheckMeasure } from './analyze.ts';
export { featureValue, type CheckModel, type VerdictModel } from './verdict.ts';
export { isAskSentence } from './asks.ts';
export { politenessScore } from './politeness.ts';
export { AUDIENCES, CHECK_IDS, EMAIL_KINDS, isCheckId } from './types.ts';
export type {
  AnalysisResult,
  AnalyzeOptions,
  Audience,
  CheckId,
  CheckResult,
  CheckWeights,
  EmailContext,
  EmailInput,
  EmailKind,
  Field,
  Finding,
  ScenarioFact,
  ScenarioFacts,
  ScenarioSpec,
  ScenarioTerm,
} from './types.ts';
