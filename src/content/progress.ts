/**
 * The learner's saved progress: small, versioned and keyed by content ids, never a raw machine
 * snapshot. Restoring validates it with zod and keeps whatever still matches the course.
 */
// zod/mini: restoring progress runs in the learner's browser, where the full zod costs ~100 KB.
import * as z from 'zod/mini';
import { CHECK_IDS, type CheckId } from '../analyzer/types.ts';
import type { CourseOutline as Course } from './outline.ts';
import { isPlainObject } from './json-values.ts';

export const PROGRESS_VERSION = 1;

const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
const checkScores = z.partialRecord(z.enum(CHECK_IDS), count(100));

/** One submitted rewrite: its rubric score, whether it passed, and each scored check 0–100. */
export const attemptRecord = z.object({
  score: count(100),
  passed: z.boolean(),
  checks: checkScores,
  /** Seconds since the course started, for interaction timestamps and latency. */
  at: count(Number.MAX_SAFE_INTEGER),
  /** Seconds the learner spent on this attempt. */
  seconds: z._default(count(Number.MAX_SAFE_INTEGER), 0),
});

export const EXERCISE_STATUSES = ['not-started', 'in-progress', 'passed', 'exhausted'] as const;

export const exerciseProgress = z.object({
  status: z.enum(EXERCISE_STATUSES),
  attempts: z._default(z.array(attemptRecord).check(z.maxLength(10)), []),
  hintsShown: z._default(count(3), 0),
  /** The learner's current or last draft; may be trimmed to fit an LMS's storage. */
  draft: z.optional(z.object({ subject: z.string(), body: z.string() })),
});

export const questionProgress = z.object({
  selected: z.array(count(9)).check(z.maxLength(10)),
  correct: z.boolean(),
  tries: z.int().check(z.minimum(1), z.maximum(20)),
});

export const LESSON_STATUSES = ['not-started', 'in-progress', 'completed'] as const;

export const savedProgress = z.object({
  v: z.literal(PROGRESS_VERSION),
  courseId: z.string(),
  /** The lesson the learner was on: the resume point. */
  location: z.string(),
  lessons: z._default(z.record(z.string(), z.enum(LESSON_STATUSES)), {}),
  exercises: z._default(z.record(z.string(), exerciseProgress), {}),
  questions: z._default(z.record(z.string(), questionProgress), {}),
  reflections: z._default(z.record(z.string(), z.string()), {}),
  /** Epoch milliseconds when the learner first opened the course. */
  startedAt: count(Number.MAX_SAFE_INTEGER),
});

export type AttemptRecord = z.infer<typeof attemptRecord>;
export type ExerciseProgress = z.infer<typeof exerciseProgress>;
export type QuestionProgress = z.infer<typeof questionProgress>;
export type SavedProgress = z.infer<typeof savedProgress>;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

export function emptyProgress(course: Course, now: number): SavedProgress {
  return {
    v: PROGRESS_VERSION,
    courseId: course.id,
    location: course.lessons[0]?.id ?? '',
    lessons: {},
    exercises: {},
    questions: {},
    reflections: {},
    startedAt: now,
  };
}

export interface RestoredProgress {
  progress: SavedProgress;
  /** Set when saved progress could not be used in full; the learner is told. */
  notice?: 'corrupted' | 'partly-kept';
}

/**
 * Restores saved progress for this course. Entries for lessons, rewrites or questions the course
 * no longer has are dropped; entries that fail validation are dropped one by one, so a corrupted
 * record keeps whatever scores it can. Anything unreadable starts fresh with a notice.
 */
export function restoreProgress(raw: unknown, course: Course, now: number): RestoredProgress {
  const fresh = emptyProgress(course, now);
  if (raw === null || raw === undefined || raw === '') return { progress: fresh };
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { progress: fresh, notice: 'corrupted' };
    }
  }
  if (!isPlainObject(value) || value['v'] !== PROGRESS_VERSION) return { progress: fresh, notice: 'corrupted' };
  const whole = savedProgress.safeParse(value);
  const lessonIds = new Set(course.lessons.map((l) => l.id));
  const scenarioIds = new Set(course.lessons.flatMap((l) => l.scenarios.map((s) => s.id)));
  const questionIds = new Set(course.lessons.flatMap((l) => l.questions.map((q) => q.id)));
  let dropped = !whole.success;

  const keep = <T>(source: unknown, known: Set<string>, schema: z.ZodMiniType<T>): Record<string, T> => {
    const out: Record<string, T> = {};
    if (!isPlainObject(source)) {
      if (source !== undefined) dropped = true;
      return out;
    }
    for (const [id, entry] of Object.entries(source)) {
      const parsed = schema.safeParse(entry);
      if (known.has(id) && parsed.success) out[id] = parsed.data;
      else dropped = true;
    }
    return out;
  };

  const progress: SavedProgress = {
    ...fresh,
    startedAt: typeof value['startedAt'] === 'number' && Number.isInteger(value['startedAt']) && value['startedAt'] >= 0 ? value['startedAt'] : now,
    location: typeof value['location'] === 'string' && lessonIds.has(value['location']) ? value['location'] : fresh.location,
    lessons: keep(value['lessons'], lessonIds, z.enum(LESSON_STATUSES)),
    exercises: keep(value['exercises'], scenarioIds, exerciseProgress),
    questions: keep(value['questions'], questionIds, questionProgress),
    reflections: keep(value['reflections'], lessonIds, z.string().check(z.maxLength(4000))),
  };
  if (value['courseId'] !== course.id) dropped = true;
  return dropped ? { progress, notice: 'partly-kept' } : { progress };
}

/** Best score per check over a set of attempts, 0–100. */
export function bestCheckScores(attempts: readonly AttemptRecord[]): Partial<Record<CheckId, number>> {
  const best: Partial<Record<CheckId, number>> = {};
  for (const a of attempts) {
    for (const [id, score] of Object.entries(a.checks) as [CheckId, number][]) {
      best[id] = Math.max(best[id] ?? 0, score);
    }
  }
  return best;
}
