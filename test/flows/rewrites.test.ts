import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outlineOf } from '../../src/content/outline.ts';
import { emptyProgress } from '../../src/content/progress.ts';
import { courseRewrites } from '../../src/flows/rewrites.ts';
import { loadCourseFiles } from '../e2e/course-files.ts';

describe('courseRewrites', () => {
  const { course } = loadCourseFiles();
  const outline = outlineOf(course);
  const diagnostic = course.lessons.find((l) => l.role === 'diagnostic')!.scenarios[0]!;
  const finals = course.lessons.find((l) => l.role === 'assessment')!.scenarios;

  it('has nothing before any rewrite is submitted', () => {
    assert.deepEqual(courseRewrites(outline, emptyProgress(outline, 0)), { diagnostic: [], final: [] });
  });

  it('pairs each submitted rewrite’s kept text with its last attempt, in course order', () => {
    const progress = emptyProgress(outline, 0);
    progress.exercises[diagnostic.id] = {
      status: 'exhausted',
      attempts: [
        { score: 30, passed: false, checks: { subject: 20 }, at: 10, seconds: 5 },
        { score: 45, passed: false, checks: { subject: 60 }, at: 20, seconds: 5 },
      ],
      hintsShown: 0,
      draft: { subject: 'Second try', body: 'Hi' },
    };
    const [a, b] = finals;
    progress.exercises[b!.id] = { status: 'passed', attempts: [{ score: 90, passed: true, checks: { concise: 100 }, at: 30, seconds: 5 }], hintsShown: 0 };
    progress.exercises[a!.id] = { status: 'in-progress', attempts: [], hintsShown: 0, draft: { subject: 'Not sent', body: '' } };
    const shown = courseRewrites(outline, progress);
    assert.deepEqual(shown.diagnostic, [
      { scenarioId: diagnostic.id, title: diagnostic.title, draft: { subject: 'Second try', body: 'Hi' }, score: 45, checks: { subject: 60 }, passed: false },
    ]);
    // Not submitted yet: not shown; a text trimmed away: shown without it.
    assert.deepEqual(shown.final, [{ scenarioId: b!.id, title: b!.title, draft: null, score: 90, checks: { concise: 100 }, passed: true }]);
  });
});
