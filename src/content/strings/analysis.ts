import { z } from 'zod';
import type { Audience, CheckId, EmailKind } from '../../analyzer/index.ts';

const text = z.string().min(1);

/**
 * Wording of the email analysis: the editor (`<email-editor>`), the list of checks
 * (`<check-list>`), the score (`<score-summary>`), free practice (`<practice-page>`) and the
 * name of each check wherever it is shown. Placeholders: `{n}`, `{limit}`, `{percent}`,
 * `{text}`, `{passed}`, `{failed}`, `{notApplicable}`.
 */
export const schema = z.strictObject({
  // The name of each check, as a learner reads it; every check needs one.
  checkNames: z.strictObject({
    subject: text,
    'main-point-first': text,
    'one-topic': text,
    'clear-ask': text,
    'plain-language': text,
    'reader-value': text,
    concise: text,
    courteous: text,
    'follow-up': text,
  } satisfies Record<CheckId, typeof text>),

  // The editor.
  subjectLabel: text,
  bodyLabel: text,
  bodyHint: text,
  contextLegend: text,
  contextOptional: text,
  kindLabel: text,
  audienceLabel: text,
  notSpecified: text,
  kindNames: z.strictObject({
    request: text,
    'follow-up': text,
    update: text,
    announcement: text,
  } satisfies Record<EmailKind, typeof text>),
  audienceNames: z.strictObject({
    'non-technical': text,
    technical: text,
  } satisfies Record<Audience, typeof text>),
  highlightsPaused: text,
  highlightsCapped: text,

  // The list of checks.
  checksEmpty: text,
  checkPassed: text,
  checkFailed: text,
  checkNotApplicable: text,
  checkScoreLabel: text,
  checkPercent: text,
  keySample: text,
  keyTitle: text,
  findingsOne: text,
  findingsMany: text,
  findingsMore: text,
  inSubject: text,
  inBody: text,
  quote: text,
  quoteAction: text,
  suggestionLabel: text,

  // The score.
  scoreEmpty: text,
  scoreError: text,
  scoreLabel: text,
  scoreOutOf: text,
  counts: text,
  countPassedOne: text,
  countPassedMany: text,
  countFailedOne: text,
  countFailedMany: text,
  countNotApplicableOne: text,
  countNotApplicableMany: text,

  // Free practice.
  practiceHeading: text,
  practiceIntro: text,
  practicePrivacy: text,
  emailHeading: text,
  scoreHeading: text,
  checksHeading: text,
});
