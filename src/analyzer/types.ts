/** The analyzer's public contract (shared/analyzer-checks.md, v1): ids and shapes are fixed. */

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
}

export interface AnalysisResult {
  /** 0–100, the weighted mean of the applicable checks' scores. */
  score: number;
  checks: CheckResult[];
}

/** Relative weights per check, e.g. from an exercise rubric; a missing check weighs 1. */
export type CheckWeights = Partial<Record<CheckId, number>>;

export interface AnalyzeOptions {
  weights?: CheckWeights;
}

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}
