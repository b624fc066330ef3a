import { z } from 'zod';

const text = z.string().min(1);

/**
 * Wording of a lesson page (`<lesson-view>`, `<worked-example>`, `<email-card>`,
 * `<reflection-box>`). Placeholders: `{minutes}`, `{score}`, `{max}`.
 */
export const schema = z.strictObject({
  // The lesson's header and sections.
  durationOne: text,
  durationMany: text,
  objectivesHeading: text,
  objectivesIntro: text,
  readingHeading: text,

  // The worked example.
  exampleHeading: text,
  beforeHeading: text,
  afterHeading: text,
  subjectLabel: text,
  noSubject: text,
  scoreBadge: text,
  scoreBadgeSpoken: text,
  scoreNote: text,
  changesHeading: text,
  changeLabel: text,
  whyLabel: text,

  // The reflection.
  reflectionHeading: text,
  notesLabel: text,
  notesLimit: text,
  notesPrivacy: text,
  saveNotes: text,
  notesSaved: text,
});
