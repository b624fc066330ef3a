/** Scores one email on every check and combines the check scores with rubric weights. */
import { checkClearAsk } from './checks/clear-ask.ts';
import { checkConcise } from './checks/concise.ts';
import { checkCourteous } from './checks/courteous.ts';
import { checkFollowUp } from './checks/follow-up.ts';
import { checkMainPointFirst } from './checks/main-point-first.ts';
import { checkOneTopic } from './checks/one-topic.ts';
import { checkPlainLanguage } from './checks/plain-language.ts';
import { checkReaderValue } from './checks/reader-value.ts';
import { checkSubject } from './checks/subject.ts';
import { notApplicable, type Features } from './checks/result.ts';
import { readEmail, type Email } from './email.ts';
import { applyScenarioFacts } from './scenario/apply.ts';
import { decideVerdict } from './verdict.ts';
import {
  AUDIENCES,
  CHECK_IDS,
  EMAIL_KINDS,
  type AnalysisResult,
  type AnalyzeOptions,
  type CheckId,
  type CheckResult,
  type CheckWeights,
  type EmailContext,
  type EmailInput,
  type ScenarioSpec,
} from './types.ts';

const CHECKS: Readonly<Record<CheckId, (email: Email, features: Features) => CheckResult>> = {
  subject: checkSubject,
  'main-point-first': checkMainPointFirst,
  'one-topic': checkOneTopic,
  'clear-ask': checkClearAsk,
  'plain-language': checkPlainLanguage,
  'reader-value': checkReaderValue,
  concise: checkConcise,
  courteous: checkCourteous,
  'follow-up': checkFollowUp,
};

/** Each check's rule result and the features it measured, before the fitted verdict. */
export interface CheckMeasure {
  rule: CheckResult;
  features: Features;
}

/** The rules' readings of one email (what `npm run train` fits the verdicts on). */
export function measureEmail(input: EmailInput): CheckMeasure[] {
  const { subject, body, context } = normalise(input);
  return measureChecks(readEmail(subject, body, context));
}

function measureChecks(email: Email): CheckMeasure[] {
  return CHECK_IDS.map((id) => {
    const features: Features = {};
    return { rule: CHECKS[id](email, features), features };
  });
}

const EMPTY_MESSAGE = 'Write your email first: add a subject and a body, and the checks will appear here.';

/** Accepts anything shaped roughly like an email and never throws on odd input. */
function normalise(input: unknown): { subject: string; body: string; context: EmailContext | undefined } {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const subject = typeof value['subject'] === 'string' ? value['subject'] : '';
  const body = typeof value['body'] === 'string' ? value['body'] : '';
  const raw = typeof value['context'] === 'object' && value['context'] !== null ? (value['context'] as Record<string, unknown>) : null;
  if (!raw) return { subject, body, context: undefined };
  const context: EmailContext = {};
  const kind = EMAIL_KINDS.find((k) => k === raw['kind']);
  const audience = AUDIENCES.find((a) => a === raw['audience']);
  if (kind) context.kind = kind;
  if (audience) context.audience = audience;
  return { subject, body, context };
}

function weightOf(weights: CheckWeights | undefined, id: CheckId): number {
  const w = weights?.[id];
  return typeof w === 'number' && Number.isFinite(w) && w >= 0 ? w : 1;
}

/** The weighted mean of the applicable checks' scores, 0–100. */
export function overallScore(checks: readonly CheckResult[], weights?: CheckWeights): number {
  let sum = 0;
  let total = 0;
  for (const c of checks) {
    if (!c.applicable) continue;
    const w = weightOf(weights, c.id);
    sum += w * c.score;
    total += w;
  }
  return total > 0 ? Math.round((100 * sum) / total) : 0;
}

/**
 * An exercise's pass rule: the rubric score reaches the pass score and no scored check fails.
 * The course, the CLI and the tests all ask this one function.
 */
export function passesExercise(result: Pick<AnalysisResult, 'score' | 'checks'>, scenario: Pick<ScenarioSpec, 'passScore'>): boolean {
  return result.score >= scenario.passScore && result.checks.every((c) => !c.applicable || c.passed);
}

const NOT_SCORED = 'This exercise does not score this check.';

export function analyzeEmail(input: EmailInput, options: AnalyzeOptions = {}): AnalysisResult {
  const { subject, body, context } = normalise(input);
  const scenario = options.scenario;
  if (subject.trim().length === 0 && body.trim().length === 0) {
    const checks = CHECK_IDS.map((id) => ({ id, applicable: false, passed: false, score: 0, message: EMPTY_MESSAGE, findings: [] }));
    return scenario ? { score: 0, checks, passed: false } : { score: 0, checks };
  }
  const email = readEmail(subject, body, scenario ? { kind: scenario.kind, audience: scenario.audience } : context);
  let checks = measureChecks(email).map(({ rule, features }) => decideVerdict(rule, features));
  if (!scenario) return { score: overallScore(checks, options.weights), checks };

  if (scenario.facts) checks = applyScenarioFacts(checks, email, scenario.facts);
  checks = checks.map((c) => (scenario.checks.includes(c.id) ? c : notApplicable(c.id, NOT_SCORED)));
  const result = { score: overallScore(checks, scenario.weights), checks };
  return { ...result, passed: passesExercise(result, scenario) };
}
