/**
 * The learner's own rewrites for the results page: the diagnostic rewrite beside the final
 * assessment's, each with the text kept in saved progress and the checks it was marked on.
 * Lesson 1 asks learners to keep their first rewrite and compare it at the end; this is that.
 */
import type { CheckId } from '../analyzer/types.ts';
import type { CourseOutline } from '../content/outline.ts';
import type { SavedProgress } from '../content/progress.ts';

export interface RewriteShown {
  scenarioId: string;
  title: string;
  /** The learner's last draft (once passed or out of attempts, the text last submitted); null if not kept. */
  draft: { subject: string; body: string } | null;
  /** The last attempt's rubric score and each of its checks, 0–100. */
  score: number;
  checks: Partial<Record<CheckId, number>>;
  passed: boolean;
}

export interface CourseRewrites {
  diagnostic: RewriteShown[];
  final: RewriteShown[];
}

function shown(progress: SavedProgress, scenario: { id: string; title: string }): RewriteShown[] {
  const exercise = progress.exercises[scenario.id];
  const last = exercise?.attempts.at(-1);
  if (!exercise || !last) return [];
  return [{ scenarioId: scenario.id, title: scenario.title, draft: exercise.draft ?? null, score: last.score, checks: last.checks, passed: last.passed }];
}

/** The submitted rewrites of the diagnostic lesson and of the final assessment, in course order. */
export function courseRewrites(course: CourseOutline, progress: SavedProgress): CourseRewrites {
  const of = (role: 'diagnostic' | 'assessment') =>
    course.lessons.filter((l) => l.role === role).flatMap((l) => l.scenarios.flatMap((s) => shown(progress, s)));
  return { diagnostic: of('diagnostic'), final: of('assessment') };
}
