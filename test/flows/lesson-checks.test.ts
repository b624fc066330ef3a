/** A lesson's knowledge checks reach the LMS as one summary, once, when the last is settled. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLessonFiles } from '../../src/build/lesson-files.ts';
import { loadCourse } from '../../src/content/load.ts';
import { outlineOf } from '../../src/content/outline.ts';
import { emptyProgress, type QuestionProgress } from '../../src/content/progress.ts';
import { LessonChecks } from '../../src/flows/lesson-checks.ts';

const loaded = loadCourse(readLessonFiles('lessons'));
if (!loaded.ok) throw new Error('the course must load');
const course = outlineOf(loaded.course);
const lesson = course.lessons.find((l) => l.questions.length >= 3 && l.questions.some((q) => q.retry !== false));
if (!lesson) throw new Error('a lesson with three questions, one allowing a retry');
const RIGHT: QuestionProgress = { selected: [0], correct: true, tries: 1 };

describe('a lesson\'s knowledge checks for the LMS', () => {
  it('sums them up once, when the last is settled: share right, latency over the answers', () => {
    const checks = new LessonChecks(course, emptyProgress(course, 0));
    const answers: Record<string, QuestionProgress> = {};
    const [first, ...rest] = lesson.questions;
    assert.ok(first);
    // Wrong, with a retry left: not settled yet.
    const retrying = lesson.questions.find((q) => q.retry !== false) ?? first;
    assert.equal(checks.answered(retrying.id, { selected: [], correct: false, tries: 1 }, 5, answers), null);
    const summaries = [];
    for (const q of [first, ...rest]) {
      const answer = q === first ? { selected: [], correct: false, tries: 3 } : RIGHT;
      summaries.push(checks.answered(q.id, answer, 10, answers));
      answers[q.id] = answer;
    }
    assert.deepEqual(summaries.slice(0, -1), rest.map(() => null), 'nothing until the last');
    const n = lesson.questions.length;
    assert.deepEqual(summaries.at(-1), { lessonId: lesson.id, questions: n, correct: n - 1, score: Math.round((100 * (n - 1)) / n), latencySeconds: 5 + 10 * n });
    assert.equal(checks.answered(first.id, RIGHT, 10, answers), null, 'and never again');
  });

  it('leaves a lesson alone whose checks were settled in an earlier session', () => {
    const progress = emptyProgress(course, 0);
    const questions = Object.fromEntries(lesson.questions.map((q) => [q.id, RIGHT]));
    const checks = new LessonChecks(course, { ...progress, questions });
    const q = lesson.questions[0];
    assert.ok(q);
    assert.equal(checks.answered(q.id, RIGHT, 10, questions), null);
  });
});
