import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECK_IDS } from '../../src/analyzer/index.ts';
import { readLessonFiles } from '../../src/build/lesson-files.ts';
import { loadCourse } from '../../src/content/load.ts';
import { outlineOf } from '../../src/content/outline.ts';
import { restoreProgress, type SavedProgress } from '../../src/content/progress.ts';
import { SCORM12 } from '../../src/lms/cmi.ts';
import { decodeProgress, encodeProgress } from '../../src/lms/suspend-data.ts';

const loaded = loadCourse(readLessonFiles('lessons'));
if (!loaded.ok) throw new Error('the course must load');
const course = outlineOf(loaded.course);
const full = loaded.course;

/** A learner who has done everything, using every attempt, with long drafts and notes. */
function worstCase(): SavedProgress {
  const progress: SavedProgress = {
    v: 1,
    courseId: course.id,
    location: course.lessons[course.lessons.length - 1]?.id ?? '',
    lessons: Object.fromEntries(course.lessons.map((l) => [l.id, 'completed' as const])),
    exercises: {},
    questions: {},
    reflections: Object.fromEntries(course.lessons.map((l) => [l.id, 'A long note about what I will change. '.repeat(40)])),
    startedAt: 1_718_000_000_000,
  };
  for (const lesson of full.lessons) {
    for (const s of lesson.scenarios) {
      const attempts = Array.from({ length: s.rubric.maxAttempts ?? 3 }, (_, i) => ({
        score: 40 + i * 20,
        passed: i === 2,
        at: 3600 * 24 * 7 + i * 600,
        seconds: 599,
        checks: Object.fromEntries(CHECK_IDS.map((c, k) => [c, (k * 11 + i * 7) % 101])),
      }));
      progress.exercises[s.id] = {
        status: 'passed',
        attempts,
        hintsShown: s.hints.length,
        draft: { subject: s.model.subject, body: `${s.model.body}\n\n${'Extra paragraph the learner kept writing. '.repeat(30)}` },
      };
    }
    for (const q of lesson.questions) progress.questions[q.id] = { selected: [0, 1, 2], correct: true, tries: 3 };
  }
  return progress;
}

describe('suspend_data', () => {
  it('round-trips progress exactly when it fits', () => {
    const progress = worstCase();
    const { data, trimmed } = encodeProgress(progress, 64_000);
    assert.equal(trimmed, false, `64000 should hold everything (${data.length})`);
    const restored = restoreProgress(decodeProgress(data), course, 0);
    assert.equal(restored.notice, undefined);
    assert.deepEqual(restored.progress, progress);
  });

  it('fits the worst case in SCORM 1.2’s 4096 characters with 10% free, keeping every score and status', () => {
    const progress = worstCase();
    const { data, trimmed } = encodeProgress(progress, SCORM12.limits.suspendData);
    const free = (4096 - data.length) / 4096;
    console.log(`worst-case suspend_data: ${encodeProgress(progress, 1e9).data.length} characters untrimmed, ${data.length} for SCORM 1.2 (${(free * 100).toFixed(1)}% of 4,096 free)`);
    assert.ok(free >= 0.1, `${data.length} characters`);
    assert.equal(trimmed, true);
    const restored = restoreProgress(decodeProgress(data), course, 0).progress;
    assert.deepEqual(restored.lessons, progress.lessons);
    assert.deepEqual(restored.questions, progress.questions);
    for (const [id, e] of Object.entries(progress.exercises)) {
      assert.deepEqual(restored.exercises[id]?.attempts, e.attempts, `${id}: attempts kept`);
      assert.equal(restored.exercises[id]?.status, e.status);
      assert.equal(restored.exercises[id]?.hintsShown, e.hintsShown);
    }
  });

  it('drops finished rewrites’ drafts before shortening an unfinished one', () => {
    const progress = worstCase();
    const [firstId] = Object.keys(progress.exercises);
    assert.ok(firstId);
    const unfinished = progress.exercises[firstId];
    assert.ok(unfinished);
    unfinished.status = 'in-progress';
    const { data } = encodeProgress(progress, 4096);
    const restored = restoreProgress(decodeProgress(data), course, 0).progress;
    assert.ok(restored.exercises[firstId]?.draft, 'the unfinished draft survives');
    const finishedDrafts = Object.entries(restored.exercises).filter(([id, e]) => id !== firstId && e.draft).length;
    assert.ok(finishedDrafts < Object.keys(progress.exercises).length - 1, 'finished drafts went first');
  });

  it('refuses data that is not ours, or was tampered with', () => {
    const { data } = encodeProgress(worstCase(), 64_000);
    assert.equal(decodeProgress(''), undefined);
    assert.equal(decodeProgress('{"v":1}'), undefined);
    assert.equal(decodeProgress(`${data.slice(0, 40)}XYZ${data.slice(60)}`), undefined);
    assert.equal(restoreProgress('garbage', course, 0).notice, 'corrupted');
  });
});
