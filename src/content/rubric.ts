/** Scores an email against a scenario's rubric: only the rubric's checks count, with its weights. */
import { analyzeEmail, CHECK_IDS, type AnalysisResult, type CheckId, type CheckWeights } from '../analyzer/index.ts';
import type { Email, Scenario } from './schema.ts';

export interface RubricResult {
  /** 0–100 over the rubric's checks. */
  score: number;
  passed: boolean;
  failedChecks: CheckId[];
  analysis: AnalysisResult;
}

export function rubricWeights(scenario: Scenario): CheckWeights {
  const weights: CheckWeights = {};
  for (const id of CHECK_IDS) {
    weights[id] = scenario.rubric.checks.includes(id) ? (scenario.rubric.weights[id] ?? 1) : 0;
  }
  return weights;
}

/** A rewrite passes when its rubric score reaches the pass score and no scored check fails. */
export function scoreAgainstRubric(scenario: Scenario, email: Email): RubricResult {
  const analysis = analyzeEmail(
    { subject: email.subject, body: email.body, context: { kind: scenario.kind, audience: scenario.audience } },
    { weights: rubricWeights(scenario) },
  );
  const failedChecks = analysis.checks.filter((c) => c.applicable && !c.passed && scenario.rubric.checks.includes(c.id)).map((c) => c.id);
  return { score: analysis.score, passed: analysis.score >= scenario.rubric.passScore && failedChecks.length === 0, failedChecks, analysis };
}
