import { z } from 'zod';

const text = z.string().min(1);

/**
 * Wording of the course results (`<course-results>`). Placeholders: `{score}`, `{pass}`, `{from}`,
 * `{to}`, `{change}`, `{mastery}`.
 */
export const schema = z.strictObject({
  heading: text,
  finalScoreLabel: text,
  scoreOutOf: text,
  passMark: text,
  passed: text,
  passedDetail: text,
  notPassed: text,
  notPassedDetail: text,
  pending: text,
  pendingDetail: text,
  notAttempted: text,
  notAttemptedDetail: text,

  improvementHeading: text,
  improvementUp: text,
  improvementDown: text,
  improvementSame: text,
  improvementNoDiagnostic: text,
  improvementNoFinal: text,

  skillsCaption: text,
  skillsNote: text,
  columnSkill: text,
  columnDiagnostic: text,
  columnFinal: text,
  columnChange: text,
  columnMastered: text,
  changeUp: text,
  changeDown: text,
  changeNone: text,
  changeUnknown: text,
  masteredYes: text,
  masteredNo: text,

  rewritesHeading: text,
  rewritesIntro: text,
  rewriteScore: text,
  rewriteCheck: text,
  rewriteSubjectLabel: text,
  rewriteNoSubject: text,
  rewriteNotKept: text,
  reviewCourse: text,
});
