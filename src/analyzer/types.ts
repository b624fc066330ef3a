/** The analyzer's public contract (shared/analyzer-checks.md, v2): ids and shapes are fixed. */

export const CHECK_IDS = [
  'subject',
  'main-point-first',
  'one-topic',
  'clear-ask',
  'plain-language',
  'reader-value',
  'concise',
  'courteous',
  'follow-up',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export const EMAIL_KINDS = ['request', 'follow-up', 'update', 'announcement'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const AUDIENCES = ['non-technical', 'technical'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface EmailContext {
  kind?: EmailKind;
  audience?: Audience;
}

export interface EmailInput {
  subject: string;
  body: string;
  context?: EmailContext;
}

/**
 * One thing a good rewrite of a scenario must carry, in the scenario author's words (`label`) and
 * as the phrasings that count (`any`): each phrasing is words separated by spaces, each word may
 * list alternatives with "|" ("choose|pick|decide october|january"), and every word of one
 * phrasing must appear in one sentence, or in two neighbouring ones.
 */
export interface ScenarioFact {
  label: string;
  any: string[];
}

/** A term this scenario's reader won't know, and the plain words that would explain it. */
export interface ScenarioTerm {
  term: string;
  means: string;
}

/** What the scenario's author says a good rewrite must carry (contract v2, `scenario`). */
export interface ScenarioFacts {
  /** The reader's name as messages use it ("Marcus"). */
  reader: string;
  /** The request, decision or news the reader must act on. */
  ask: ScenarioFact;
  /** The date or time frame of the ask, where there is one. */
  deadline?: ScenarioFact;
  /** The reader's stakes: any one of them makes the email matter to the reader. */
  stakes: ScenarioFact[];
  /** Terms this reader won't know: used unexplained, they fail plain language. */
  terms: ScenarioTerm[];
}

/** A rewrite exercise as the analyzer scores it: its context, rubric and facts. */
export interface ScenarioSpec {
  id: string;
  kind: EmailKind;
  audience: Audience;
  /** The checks the exercise scores; the others are reported as not applicable. */
  checks: readonly CheckId[];
  weights: CheckWeights;
  passScore: number;
  facts?: ScenarioFacts;
}

export type Field = 'subject' | 'body';

/** A highlighted range: UTF-16 offsets into `subject` or `body`, `end` exclusive. */
export interface Finding {
  field: Field;
  start: number;
  end: number;
  message: string;
  suggestion?: string;
}

export interface CheckResult {
  id: CheckId;
  applicable: boolean;
  passed: boolean;
  /** 0–1: how well the check is met, not only whether it passed. */
  score: number;
  message: string;
  findings: Finding[];
  /** The fitted verdict is close to its threshold: worth a second look, not a confident call. */
  uncertain?: boolean;
}

export interface AnalysisResult {
  /** 0–100, the weighted mean of the applicable checks' scores. */
  score: number;
  checks: CheckResult[];
  /** With a scenario only: the exercise's own pass rule (see `passesExercise`). */
  passed?: boolean;
}

/** Relative weights per check, e.g. from an exercise rubric; a missing check weighs 1. */
export type CheckWeights = Partial<Record<CheckId, number>>;

export interface AnalyzeOptions {
  weights?: CheckWeights;
  /** Score the email as a rewrite of this scenario (its context, rubric and facts). */
  scenario?: ScenarioSpec;
}

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}
