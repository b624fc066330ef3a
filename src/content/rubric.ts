/** Scores an email against a scenario's rubric: only the rubric's checks count, with its weights. */
import { analyzeEmail, CHECK_IDS, type AnalysisResult, type CheckId, type CheckWeights, type ScenarioSpec } from '../analyzer/index.ts';
import type { Email, Example, Scenario } from './schema.ts';

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

/** How much more a lesson's own checks weigh in its worked example's score: as much as four other checks, so the fault it shows decides the badge. */
export const TAUGHT_CHECK_WEIGHT = 4;

/**
 * A worked example's email scored as the lesson sees it: the example's kind and audience, and the
 * checks the lesson teaches weighted as its rubrics weight their main check.
 */
export function scoreWorkedExample(example: Pick<Example, 'kind' | 'audience'>, email: Email, taught: readonly CheckId[]): AnalysisResult {
  const weights: CheckWeights = {};
  for (const id of taught) weights[id] = TAUGHT_CHECK_WEIGHT;
  const context = { kind: example.kind ?? 'request', audience: example.audience ?? 'non-technical' } as const;
  return analyzeEmail({ subject: email.subject, body: email.body, context }, { weights });
}

/** The scenario as the analyzer scores it: context, rubric and the facts a rewrite must carry. */
export function scenarioSpec(scenario: Scenario): ScenarioSpec {
  const spec: ScenarioSpec = {
    id: scenario.id,
    kind: scenario.kind,
    audience: scenario.audience,
    checks: scenario.rubric.checks,
    weights: rubricWeights(scenario),
    passScore: scenario.rubric.passScore,
  };
  if (scenario.facts) {
    const { reader, ask, deadline, stakes, terms } = scenario.facts;
    spec.facts = { reader, ask, stakes, terms, ...(deadline ? { deadline } : {}) };
  }
  return spec;
}

/**
 * A rewrite passes by the analyzer's exercise rule (`passesExercise`): the rubric score reaches
 * the pass score and no scored check fails. The course, the CLI and the tests share it.
 */
export function scoreAgainstRubric(scenario: Scenario, email: Email): RubricResult {
  const analysis = analyzeEmail({ subject: email.subject, body: email.body }, { scenario: scenarioSpec(scenario) });
  const failedChecks = analysis.checks.filter((c) => c.applicable && !c.passed).map((c) => c.id);
  return { score: analysis.score, passed: analysis.passed === true, failedChecks, analysis };
}
