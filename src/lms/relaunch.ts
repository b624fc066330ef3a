/**
 * What the LMS already recorded for this learner when the course starts, and whether this
 * launch reviews a finished course or carries on an attempt. The rule (README, "Relaunching a
 * finished course"): the LMS's recorded completion, success and score are never lowered.
 * - `cmi.mode` / `cmi.core.lesson_mode` review or browse, or a stored status of completed or
 *   passed: review. The course opens with the learner's progress (or fresh, for practice), and
 *   the store only ever raises what the LMS holds: no status, objective or exit is rewritten.
 * - Anything else is an attempt: entry ab-initio starts a new one, resume carries on.
 */
import type { CmiDialect } from './cmi.ts';

export interface AttemptState {
  /** This launch reviews a finished course (or the LMS runs it in review or browse mode). */
  review: boolean;
  completed: boolean;
  passed: boolean;
  score: number | null;
  progressMeasure: number | null;
}

function numberOrNull(text: string): number | null {
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

export function readAttemptState(cmi: CmiDialect, get: (element: string) => string): AttemptState {
  const score = numberOrNull(get(cmi.scoreRaw));
  if (cmi.version === '1.2') {
    const status = get('cmi.core.lesson_status');
    const mode = get('cmi.core.lesson_mode');
    const completed = status === 'completed' || status === 'passed';
    return { review: completed || mode === 'review' || mode === 'browse', completed, passed: status === 'passed', score, progressMeasure: null };
  }
  const completed = get('cmi.completion_status') === 'completed';
  const mode = get('cmi.mode');
  const progressMeasure = cmi.progressMeasure ? numberOrNull(get(cmi.progressMeasure)) : null;
  return { review: completed || mode === 'review' || mode === 'browse', completed, passed: get('cmi.success_status') === 'passed', score, progressMeasure };
}
