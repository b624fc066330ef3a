/**
 * The course's rules over saved progress: when a lesson counts as done, which lessons are open,
 * and the learner's results. Pure functions, shared by the course machine, the LMS layer and
 * the results page.
 */
import { CHECK_IDS, type CheckId } from '../analyzer/types.ts';
import { bestCheckScores, type LessonStatus, type SavedProgress } from '../content/progress.ts';
import type { CourseOutline as Course, LessonOutline as Lesson } from '../content/outline.ts';
import { MAX_TRIES } from './question.ts';

/** A check score at or above this (0–100) counts as mastered. */
export const MASTERY_SCORE = 80;

export function lessonDone(lesson: Lesson, progress: SavedProgress): boolean {
  // A lesson with nothing to answer is done once the learner has opened it.
  if (lesson.scenarios.length === 0 && lesson.questions.length === 0) return progress.lessons[lesson.id] !== undefined;
  const exercisesDone = lesson.scenarios.every((s) => {
    const status = progress.exercises[s.id]?.status;
    return status === 'passed' || status === 'exhausted';
  });
  const questionsDone = lesson.questions.every((q) => questionSettled(q, progress.questions[q.id]));
  return exercisesDone && questionsDone;
}

/** A knowledge check is settled once answered right, or wrong with no retry left. */
export function questionSettled(question: Lesson['questions'][number], answer: SavedProgress['questions'][string] | undefined): boolean {
  return answer !== undefined && (answer.correct || !question.retry || answer.tries >= MAX_TRIES);
}

export function lessonStatus(lesson: Lesson, progress: SavedProgress): LessonStatus {
  if (lessonDone(lesson, progress)) return 'completed';
  const touched =
    progress.lessons[lesson.id] === 'in-progress' ||
    lesson.scenarios.some((s) => progress.exercises[s.id] !== undefined) ||
    lesson.questions.some((q) => progress.questions[q.id] !== undefined);
  return touched ? 'in-progress' : 'not-started';
}

/** Whether the learner may open a lesson now, and if not, why. */
export function lessonLock(course: Course, progress: SavedProgress, lessonId: string): 'open' | 'after-units' | 'in-order' {
  const index = course.lessons.findIndex((l) => l.id === lessonId);
  const lesson = course.lessons[index];
  if (!lesson) return 'in-order';
  if (lesson.role === 'assessment') {
    const others = course.lessons.filter((l) => l.role !== 'assessment');
    if (!others.every((l) => lessonDone(l, progress))) return 'after-units';
  }
  if (course.settings.lockUnitsInOrder && index > 0) {
    const before = course.lessons.slice(0, index);
    if (!before.every((l) => lessonDone(l, progress))) return 'in-order';
  }
  return 'open';
}

export interface SkillResult {
  check: CheckId;
  /** 0–100 on the diagnostic rewrite, where it was scored. */
  diagnostic: number | null;
  /** 0–100: the best score on this check over the final assessment's rewrites. */
  final: number | null;
  /** Mean best score over every rewrite that scored this check, 0–100. */
  overall: number | null;
  mastered: boolean;
}

export interface CourseResult {
  /** Lessons completed out of all lessons, 0–1. */
  progressMeasure: number;
  completed: boolean;
  /** 0–100 over the final assessment (rewrites' best scores and questions), once attempted. */
  finalScore: number | null;
  diagnosticScore: number | null;
  passed: boolean | null;
  skills: SkillResult[];
  /** Each lesson's status, for the LMS's per-unit objectives. */
  lessonStatuses: Record<string, LessonStatus>;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

export function courseResult(course: Course, progress: SavedProgress): CourseResult {
  const done = course.lessons.filter((l) => lessonDone(l, progress)).length;
  const assessment = course.lessons.find((l) => l.role === 'assessment');
  const diagnostic = course.lessons.find((l) => l.role === 'diagnostic');

  const assessmentItems: number[] = [];
  let attempted = false;
  for (const s of assessment?.scenarios ?? []) {
    const attempts = progress.exercises[s.id]?.attempts ?? [];
    if (attempts.length > 0) attempted = true;
    assessmentItems.push(Math.max(0, ...attempts.map((a) => a.score)));
  }
  for (const q of assessment?.questions ?? []) {
    const answer = progress.questions[q.id];
    if (answer) attempted = true;
    assessmentItems.push(answer?.correct && answer.tries === 1 ? 100 : 0);
  }
  const finalScore = attempted ? mean(assessmentItems) : null;
  const diagnosticScenario = diagnostic?.scenarios[0];
  const diagnosticAttempt = diagnosticScenario ? progress.exercises[diagnosticScenario.id]?.attempts[0] : undefined;

  const skills = CHECK_IDS.map((check): SkillResult => {
    const finals: number[] = [];
    for (const s of assessment?.scenarios ?? []) {
      const best = bestCheckScores(progress.exercises[s.id]?.attempts ?? [])[check];
      if (best !== undefined) finals.push(best);
    }
    // Mastery is shown by practice after the diagnostic, not by the first attempt itself.
    const all: number[] = [];
    for (const lesson of course.lessons.filter((l) => l.role !== 'diagnostic')) {
      for (const s of lesson.scenarios) {
        const best = bestCheckScores(progress.exercises[s.id]?.attempts ?? [])[check];
        if (best !== undefined) all.push(best);
      }
    }
    const final = mean(finals);
    const overall = mean(all);
    return {
      check,
      diagnostic: diagnosticAttempt?.checks[check] ?? null,
      final,
      overall,
      mastered: (final ?? overall ?? 0) >= MASTERY_SCORE,
    };
  });

  const completed = done === course.lessons.length;
  return {
    progressMeasure: course.lessons.length === 0 ? 0 : Math.round((done / course.lessons.length) * 100) / 100,
    completed,
    finalScore,
    diagnosticScore: diagnosticAttempt?.score ?? null,
    passed: completed && finalScore !== null ? finalScore >= course.passScore : null,
    skills,
    lessonStatuses: Object.fromEntries(course.lessons.map((l) => [l.id, lessonStatus(l, progress)])),
  };
}
