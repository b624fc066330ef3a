/**
 * Small hand-built content for the flow tests: one rewrite scenario whose original fails and whose
 * model answer passes its rubric, three kinds of question, and a three-lesson course
 * (diagnostic, unit, assessment). Built through the content schemas so defaults apply as in
 * the real course.
 */
import type { AttemptRecord, ExerciseProgress, QuestionProgress } from '../../src/content/progress.ts';
import {
  lesson as lessonSchema,
  question as questionSchema,
  scenario as scenarioSchema,
  type Course,
  type Email,
  type Lesson,
  type Question,
  type Scenario,
} from '../../src/content/schema.ts';

const salesApp = {
  title: 'A decision for the Sales Director',
  kind: 'request',
  audience: 'non-technical',
  context: {
    you: 'Priya Natarajan, Head of IT at Northmoor Supplies.',
    reader: 'Marcus Reid, Sales Director, who reads email on his phone between meetings.',
    need: 'A decision by Friday 27 September: roll out the ordering app in October, or wait until January.',
    why: 'Vantage IT Services must book their engineers by the end of September.',
  },
  original: {
    subject: 'Tablet app',
    body: [
      'Hi Marcus,',
      '',
      "Quick one. The new ordering app for the reps' tablets is ready to go. We could do it in",
      'October or wait until January, and both have pros and cons. Vantage will need to know at',
      'some point so they can book their engineers in.',
      '',
      'Thoughts?',
      '',
      'Priya',
    ].join('\n'),
  },
  model: {
    subject: "Reps' ordering app: October or January? Reply by Fri 27 Sept",
    body: [
      'Hi Marcus,',
      '',
      "Should we put the new ordering app on your reps' tablets in the week of 14 October, or",
      'wait until after the January sales? I need your choice by Friday 27 September so that',
      'Vantage IT Services can book their engineers.',
      '',
      "October: your reps take orders on the tablet at the customer's site all through the",
      'Christmas rush, instead of retyping them back at the office. It costs each rep a',
      'two-hour training session in a busy month.',
      '',
      'January: the training falls in a quieter month, but your reps retype orders for one more',
      'Christmas.',
      '',
      'A one-word reply ("October" or "January") is all I need.',
      '',
      'Thanks,',
      'Priya',
    ].join('\n'),
  },
  rubric: {
    checks: ['clear-ask', 'main-point-first', 'subject', 'reader-value', 'concise', 'courteous'],
    weights: { 'clear-ask': 3 },
    passScore: 75,
  },
  hints: ['What exactly do you need from him, and by when?', 'Ask for a choice between two named options.', 'Open with the question and the date.'],
};

/** A draft that is not blank and still fails the rubric. */
export const BAD_DRAFT: Email = { subject: 'Tablet app', body: 'Thoughts?' };

export interface ScenarioOptions {
  id?: string;
  hints?: string[];
  maxAttempts?: number;
  hintReveal?: 'on-request' | 'after-attempt';
}

export function makeScenario(options: ScenarioOptions = {}): Scenario {
  return scenarioSchema.parse({
    ...salesApp,
    id: options.id ?? 'sales_app',
    hints: options.hints ?? salesApp.hints,
    rubric: {
      ...salesApp.rubric,
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      ...(options.hintReveal === undefined ? {} : { hintReveal: options.hintReveal }),
    },
  });
}

export function makeQuestion(id: string, type: Question['type'], correct: readonly number[], options: { retry?: boolean; count?: number } = {}): Question {
  const count = options.count ?? (type === 'true-false' ? 2 : 4);
  return questionSchema.parse({
    id,
    type,
    prompt: `Question ${id}?`,
    options: Array.from({ length: count }, (_, i) => ({ text: `Option ${i}`, correct: correct.includes(i), feedback: `Feedback ${i}` })),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
}

export function makeLesson(id: string, role: Lesson['role'], scenarios: Scenario[], questions: Question[]): Lesson {
  return lessonSchema.parse({
    id,
    title: `Lesson ${id}`,
    role,
    minutes: 5,
    objectives: [{ text: 'Write better email.' }],
    reading: 'Read this.',
    scenarios,
    questions,
  });
}

/**
 * diagnostic (one rewrite) → unit (one rewrite, one single-choice question with retry) →
 * assessment (one rewrite, one question without retry). Pass score 80.
 */
export function makeCourse(settings: Partial<Course['settings']> = {}): Course {
  return {
    id: 'fixture_course',
    title: 'Fixture course',
    description: 'A small course for tests.',
    passScore: 80,
    settings: { lockUnitsInOrder: false, defaultAttempts: 3, reportLearnerText: true, scorm12Status: 'passed-failed', ...settings },
    lessons: [
      makeLesson('diag', 'diagnostic', [makeScenario({ id: 'diag_rewrite' })], []),
      makeLesson('unit_one', 'unit', [makeScenario({ id: 'unit_rewrite' })], [makeQuestion('unit_q', 'single', [0])]),
      makeLesson('final', 'assessment', [makeScenario({ id: 'final_rewrite', maxAttempts: 2 })], [makeQuestion('final_q', 'single', [1], { retry: false })]),
    ],
  };
}

export function attempt(score: number, passed: boolean, checks: AttemptRecord['checks'] = {}): AttemptRecord {
  return { score, passed, checks, at: 10, seconds: 5 };
}

export function passedExercise(score = 90, checks: AttemptRecord['checks'] = {}): ExerciseProgress {
  return { status: 'passed', attempts: [attempt(score, true, checks)], hintsShown: 0 };
}

export function answered(selected: number[], correct: boolean, tries = 1): QuestionProgress {
  return { selected, correct, tries };
}
