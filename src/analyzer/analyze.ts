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
import { readEmail, type Email } from './email.ts';
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
} from './types.ts';

const CHECKS: Readonly<Record<CheckId, (email: Email) => CheckResult>> = {
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

export function analyzeEmail(input: EmailInput, options: AnalyzeOptions = {}): AnalysisResult {
  const { subject, body, context } = normalise(input);
  if (subject.trim().length === 0 && body.trim().length === 0) {
    return {
      score: 0,
      checks: CHECK_IDS.map((id) => ({ id, applicable: false, passed: false, score: 0, message: EMPTY_MESSAGE, findings: [] })),
    };
  }
  const email = readEmail(subject, body, context);
  const checks = CHECK_IDS.map((id) => CHECKS[id](email));
  return { score: overallScore(checks, options.weights), checks };
}
