/** Saved progress: the empty record, restoring what still fits the course, best check scores. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestCheckScores, emptyProgress, PROGRESS_VERSION, restoreProgress, type SavedProgress } from '../../src/content/progress.ts';
import { answered, attempt, makeCourse, passedExercise } from '../flows/fixtures.ts';

const NOW = 1_700_000_000_000;
const course = makeCourse();

/** A full, valid record for the fixture course. */
function saved(): SavedProgress {
  return {
    v: PROGRESS_VERSION,
    courseId: course.id,
    location: 'unit_one',
    lessons: { diag: 'completed', unit_one: 'in-progress' },
    exercises: {
      diag_rewrite: passedExercise(90, { 'clear-ask': 95 }),
      unit_rewrite: { status: 'in-progress', attempts: [attempt(40, false, { subject: 30 })], hintsShown: 2, draft: { subject: 'Draft', body: 'Body' } },
    },
    questions: { unit_q: answered([0], true, 2) },
    reflections: { diag: 'I bury my asks.' },
    startedAt: NOW - 3_600_000,
  };
}

describe('emptyProgress', () => {
  it('starts at the first lesson with nothing recorded', () => {
    assert.deepEqual(emptyProgress(course, NOW), {
      v: PROGRESS_VERSION,
      courseId: 'fixture_course',
      location: 'diag',
      lessons: {},
      exercises: {},
      questions: {},
      reflections: {},
      startedAt: NOW,
    });
  });
});

describe('restoreProgress', () => {
  it('round-trips valid progress given as a JSON string', () => {
    assert.deepEqual(restoreProgress(JSON.stringify(saved()), course, NOW), { progress: saved() });
  });

  it('round-trips valid progress given as an object', () => {
    assert.deepEqual(restoreProgress(saved(), course, NOW), { progress: saved() });
  });

  it('fills defaults for optional parts left out', () => {
    const { v, courseId, location, startedAt } = saved();
    const minimal = { v, courseId, location, startedAt, exercises: { diag_rewrite: { status: 'in-progress' } } };
    const { progress, notice } = restoreProgress(minimal, course, NOW);
    assert.equal(notice, undefined);
    assert.deepEqual(progress.exercises, { diag_rewrite: { status: 'in-progress', attempts: [], hintsShown: 0 } });
    assert.deepEqual(progress.lessons, {});
  });

  it('starts fresh without a notice when nothing was saved', () => {
    for (const nothing of [null, undefined, '']) {
      assert.deepEqual(restoreProgress(nothing, course, NOW), { progress: emptyProgress(course, NOW) });
    }
  });

  it('starts fresh with a notice for garbage', () => {
    for (const garbage of ['{not json', 'null', '42', '"text"', '[1,2]', 42, [saved()]]) {
      assert.deepEqual(restoreProgress(garbage, course, NOW), { progress: emptyProgress(course, NOW), notice: 'corrupted' }, String(garbage));
    }
  });

  it('starts fresh with a notice for another version', () => {
    for (const v of [0, 2, '1', undefined]) {
      assert.deepEqual(restoreProgress({ ...saved(), v }, course, NOW), { progress: emptyProgress(course, NOW), notice: 'corrupted' }, String(v));
    }
  });

  it('keeps the good entries around a corrupted one, with a partly-kept notice', () => {
    const raw = {
      ...saved(),
      exercises: {
        ...saved().exercises,
        final_rewrite: { status: 'passed', attempts: [{ score: 'high', passed: true, checks: {}, at: 1 }] },
      },
    };
    const { progress, notice } = restoreProgress(JSON.stringify(raw), course, NOW);
    assert.equal(notice, 'partly-kept');
    assert.deepEqual(progress.exercises, saved().exercises);
    assert.deepEqual(progress.questions, saved().questions);
    assert.deepEqual(progress.reflections, saved().reflections);
    assert.equal(progress.location, 'unit_one');
    assert.equal(progress.startedAt, saved().startedAt);
  });

  it('drops each kind of bad entry one by one', () => {
    const raw = {
      ...saved(),
      lessons: { ...saved().lessons, final: 'finished' },
      questions: { ...saved().questions, final_q: { selected: [1], correct: true, tries: 0 } },
      reflections: { ...saved().reflections, unit_one: 7 },
      exercises: { ...saved().exercises, final_rewrite: { status: 'passed', hintsShown: 99 } },
    };
    const { progress, notice } = restoreProgress(raw, course, NOW);
    assert.equal(notice, 'partly-kept');
    assert.deepEqual(progress, saved());
  });

  it('drops whole sections of the wrong shape', () => {
    const { progress, notice } = restoreProgress({ ...saved(), exercises: [1, 2], questions: 'none' }, course, NOW);
    assert.equal(notice, 'partly-kept');
    assert.deepEqual(progress.exercises, {});
    assert.deepEqual(progress.questions, {});
    assert.deepEqual(progress.lessons, saved().lessons);
  });

  it('drops lessons, rewrites, questions and reflections the course no longer has', () => {
    const raw = {
      ...saved(),
      lessons: { ...saved().lessons, old_lesson: 'completed' },
      exercises: { ...saved().exercises, old_rewrite: passedExercise() },
      questions: { ...saved().questions, old_q: answered([0], true) },
      reflections: { ...saved().reflections, old_lesson: 'Gone.' },
    };
    const { progress, notice } = restoreProgress(raw, course, NOW);
    assert.equal(notice, 'partly-kept');
    assert.deepEqual(progress, saved());
  });

  it('resumes at the first lesson when the saved location is no longer in the course', () => {
    for (const location of ['old_lesson', 7, undefined]) {
      const { progress } = restoreProgress({ ...saved(), location }, course, NOW);
      assert.equal(progress.location, 'diag', String(location));
      assert.deepEqual(progress.exercises, saved().exercises);
    }
  });

  it('uses now when the start time is unusable', () => {
    for (const startedAt of [-5, 1.5, 'yesterday']) {
      assert.equal(restoreProgress({ ...saved(), startedAt }, course, NOW).progress.startedAt, NOW, String(startedAt));
    }
  });

  it('flags progress saved for another course', () => {
    const { progress, notice } = restoreProgress({ ...saved(), courseId: 'other_course' }, course, NOW);
    assert.equal(notice, 'partly-kept');
    assert.equal(progress.courseId, course.id);
  });
});

describe('bestCheckScores', () => {
  it('is empty for no attempts', () => {
    assert.deepEqual(bestCheckScores([]), {});
  });

  it('takes the best score per check over every attempt', () => {
    const attempts = [attempt(40, false, { 'clear-ask': 20, subject: 80 }), attempt(70, false, { 'clear-ask': 65, concise: 0 }), attempt(90, true, { 'clear-ask': 60 })];
    assert.deepEqual(bestCheckScores(attempts), { 'clear-ask': 65, subject: 80, concise: 0 });
  });
});
