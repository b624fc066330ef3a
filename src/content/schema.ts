/**
 * The shape of the course's data files (lessons/*.yaml and lessons/course.yaml), checked with zod.
 * This is the first of two passes; references.ts checks ids and cross-references.
 */
import { z } from 'zod';
import { AUDIENCES, CHECK_IDS, EMAIL_KINDS } from '../analyzer/index.ts';

/** Ids are stored in saved progress and LMS records: SCORM-safe characters only. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
export const id = z.string().regex(ID_PATTERN, { message: 'ID_FORMAT' });
const text = z.string().trim().min(1, { message: 'EMPTY_TEXT' });
export const checkId = z.enum(CHECK_IDS);

export const email = z.strictObject({
  subject: z.string(),
  body: text,
});

export const objective = z.strictObject({
  /** The analyzer check this objective is measured by, where there is one. */
  check: checkId.optional(),
  text,
});

export const option = z.strictObject({
  text,
  correct: z.boolean(),
  feedback: text,
});

export const QUESTION_TYPES = ['single', 'multiple', 'true-false'] as const;

export const question = z.strictObject({
  id,
  type: z.enum(QUESTION_TYPES),
  prompt: text,
  options: z.array(option).min(2).max(6),
  /** Whether the learner may answer again after seeing feedback. */
  retry: z.boolean().default(true),
});

export const HINT_REVEALS = ['on-request', 'after-attempt'] as const;

export const rubric = z.strictObject({
  checks: z.array(checkId).min(1),
  weights: z.partialRecord(checkId, z.number().positive().max(10)).default({}),
  passScore: z.number().int().min(0).max(100),
  maxAttempts: z.number().int().min(1).max(10).optional(),
  hintReveal: z.enum(HINT_REVEALS).default('on-request'),
});

/** One thing a good rewrite carries: a label in the scenario's words, and the phrasings that count. */
export const fact = z.strictObject({
  label: text,
  any: z.array(text).min(1),
});

/** What a good rewrite of the scenario must carry (analyzer contract v2). */
export const facts = z.strictObject({
  reader: text,
  ask: fact,
  deadline: fact.optional(),
  stakes: z.array(fact).min(1),
  terms: z.array(z.strictObject({ term: text, means: text })).default([]),
});

export const scenario = z.strictObject({
  id,
  title: text,
  kind: z.enum(EMAIL_KINDS),
  audience: z.enum(AUDIENCES),
  context: z.strictObject({
    you: text,
    reader: text,
    need: text,
    why: text,
  }),
  original: email,
  model: email,
  /** Required in lesson files (the reference pass says so); optional for scenarios built in code. */
  facts: facts.optional(),
  rubric,
  hints: z.array(text).min(2).max(3),
});

export const change = z.strictObject({ change: text, why: text });

export const example = z.strictObject({
  title: text,
  /** How the analyzer reads both emails, as a scenario's kind and audience do (default: a request to a non-technical reader). */
  kind: z.enum(EMAIL_KINDS).optional(),
  audience: z.enum(AUDIENCES).optional(),
  before: email,
  after: email,
  changes: z.array(change).min(1),
});

export const LESSON_ROLES = ['diagnostic', 'unit', 'assessment'] as const;

export const lesson = z.strictObject({
  id,
  title: text,
  role: z.enum(LESSON_ROLES).default('unit'),
  minutes: z.number().positive().max(30),
  objectives: z.array(objective).min(1),
  reading: text,
  example: example.optional(),
  questions: z.array(question).default([]),
  scenarios: z.array(scenario).default([]),
  reflection: z.strictObject({ prompt: text, guidance: text }).optional(),
});

export const SCORM12_STATUSES = ['passed-failed', 'completed-incomplete'] as const;

export const course = z.strictObject({
  id,
  title: text,
  description: text,
  passScore: z.number().int().min(0).max(100),
  lessons: z.array(id).min(1),
  settings: z
    .strictObject({
      /** Units open one after another instead of in any order. */
      lockUnitsInOrder: z.boolean().default(false),
      /** Attempts per rewrite when a scenario's rubric doesn't say. */
      defaultAttempts: z.number().int().min(1).max(10).default(3),
      /** Whether learners' rewritten emails may be sent to the LMS (scores are always sent). */
      reportLearnerText: z.boolean().default(true),
      /** How SCORM 1.2's single lesson_status reports the result. */
      scorm12Status: z.enum(SCORM12_STATUSES).default('passed-failed'),
    })
    .prefault({}),
});

export type Email = z.infer<typeof email>;
export type Objective = z.infer<typeof objective>;
export type Question = z.infer<typeof question>;
export type Rubric = z.infer<typeof rubric>;
export type Facts = z.infer<typeof facts>;
export type Scenario = z.infer<typeof scenario>;
export type Example = z.infer<typeof example>;
export type Lesson = z.infer<typeof lesson>;
export type CourseFile = z.infer<typeof course>;

/** The validated course: the course file with its lessons in order. */
export interface Course extends Omit<CourseFile, 'lessons'> {
  lessons: Lesson[];
}
