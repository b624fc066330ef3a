// The real course's outline and check names, and small learner records for the report's tests.
import { CHECK_IDS, type CheckId } from '../../src/analyzer/index.ts';
import { readLessonFiles } from '../../src/build/lesson-files.ts';
import { loadCourse } from '../../src/content/load.ts';
import { outlineOf, type CourseOutline } from '../../src/content/outline.ts';
import { PROGRESS_VERSION, type AttemptRecord, type SavedProgress } from '../../src/content/progress.ts';
import { SCORM2004 } from '../../src/lms/cmi.ts';
import { encodeProgress } from '../../src/lms/suspend-data.ts';
import { parseLearnerRecord, type LearnerAttempt } from '../../src/report/records.ts';

const loaded = loadCourse(readLessonFiles('lessons'));
if (!loaded.ok) throw new Error('the course in lessons/ must load for these tests');
export const outline: CourseOutline = outlineOf(loaded.course);

export const CHECK_NAMES = Object.fromEntries(CHECK_IDS.map((id) => [id, `Check ${id}`])) as Record<CheckId, string>;

export const NOW = Date.UTC(2024, 6, 1);

export function lessonOfRole(role: 'diagnostic' | 'assessment') {
  const lesson = outline.lessons.find((l) => l.role === role);
  if (!lesson) throw new Error(`the course has no ${role} lesson`);
  return lesson;
}

function attempt(score: number, checks: Partial<Record<CheckId, number>>, at: number): AttemptRecord {
  return { score, passed: score >= 80, checks, at, seconds: 300 };
}

/**
 * Saved progress for the real course: a diagnostic rewrite scored `diagnostic`, and every final
 * assessment rewrite scored `finalRewrites` with `finalChecks`, every final question right first time.
 */
export function progressWith(diagnostic: { score: number; checks: Partial<Record<CheckId, number>> }, finalRewrites: number, finalChecks: Partial<Record<CheckId, number>>): SavedProgress {
  const diag = lessonOfRole('diagnostic');
  const final = lessonOfRole('assessment');
  const progress: SavedProgress = {
    v: PROGRESS_VERSION,
    courseId: outline.id,
    location: final.id,
    lessons: { [diag.id]: 'completed', [final.id]: 'completed' },
    exercises: {},
    questions: {},
    reflections: {},
    startedAt: Date.UTC(2024, 5, 1, 9, 0),
  };
  const first = diag.scenarios[0];
  if (!first) throw new Error('the diagnostic lesson has no rewrite');
  progress.exercises[first.id] = { status: 'exhausted', attempts: [attempt(diagnostic.score, diagnostic.checks, 600)], hintsShown: 0 };
  final.scenarios.forEach((s, i) => {
    progress.exercises[s.id] = { status: 'passed', attempts: [attempt(finalRewrites, finalChecks, 7200 + i * 600)], hintsShown: 0 };
  });
  for (const q of final.questions) progress.questions[q.id] = { selected: [0], correct: true, tries: 1 };
  return progress;
}

export function suspendDataOf(progress: SavedProgress): string {
  return encodeProgress(progress, SCORM2004.limits.suspendData).data;
}

/** A parsed record; throws when the fixture itself is wrong. */
export function attemptOf(value: unknown, where = 'fixture'): LearnerAttempt {
  const parsed = parseLearnerRecord(value, where);
  if (!parsed.attempt) throw new Error(`fixture record skipped: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.attempt;
}
