import { z } from 'zod';

const text = z.string().min(1);

/**
 * Wording of a rewrite exercise (`<rewrite-exercise>`). Placeholders: `{n}`, `{max}`, `{score}`,
 * `{pass}`, `{count}`, `{from}`, `{to}`, `{change}`, `{check}`, `{checks}`, `{best}`, `{first}`, `{text}`.
 */
export const schema = z.strictObject({
  // The situation and the email to rewrite.
  contextHeading: text,
  contextYou: text,
  contextReader: text,
  contextNeed: text,
  contextWhy: text,
  originalHeading: text,
  subjectLabel: text,
  noSubject: text,
  readingIntro: text,
  start: text,

  // Drafting.
  draftHeading: text,
  attemptOf: text,
  liveHeading: text,
  liveNote: text,
  liveRulePasses: text,
  liveRuleBelowPass: text,
  liveRuleCheckFails: text,
  liveRuleChecksFail: text,
  liveEmpty: text,
  liveError: text,
  hintsHeading: text,
  hintsNone: text,
  hintsAfterAttempt: text,
  showHint: text,
  hintLabel: text,
  hintAnnouncement: text,
  submit: text,
  submitNeedsText: text,

  // Feedback after an attempt that did not pass.
  feedbackHeading: text,
  feedbackScore: text,
  feedbackBelowPass: text,
  feedbackChecksMustPass: text,
  feedbackAnnouncement: text,
  submittedHeading: text,
  rubricHeading: text,
  checkPassed: text,
  checkFailed: text,
  checkNotApplicable: text,
  checkScore: text,
  changesHeading: text,
  changesFirstAttempt: text,
  overallChange: text,
  checkUp: text,
  checkDown: text,
  checkSame: text,
  attemptsLeftOne: text,
  attemptsLeftMany: text,
  revise: text,

  // Passed.
  passedHeading: text,
  passedScore: text,
  passedFirstAttempt: text,
  passedImproved: text,
  passedAnnouncement: text,

  // Attempts used up.
  exhaustedHeading: text,
  exhaustedIntro: text,
  exhaustedNoAttempts: text,
  exhaustedAnnouncement: text,
  modelHeading: text,
  yourDraftHeading: text,
  takeawayHeading: text,
  takeawayCompare: text,
  takeawayFocus: text,

  continue: text,
});
