/** The course machine and the course rules: navigation, recording, completion and results. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { readLessonFiles } from '../../src/build/lesson-files.ts';
import { loadCourse } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { emptyProgress, restoreProgress, type SavedProgress } from '../../src/content/progress.ts';
import type { Course } from '../../src/content/schema.ts';
import { courseMachine, type CourseEmitted, type CourseEvent } from '../../src/flows/course.ts';
import { exerciseMachine } from '../../src/flows/exercise.ts';
import { questionMachine } from '../../src/flows/question.ts';
import { courseResult, lessonLock, lessonStatus, MASTERY_SCORE } from '../../src/flows/rules.ts';
import { answered, attempt, makeCourse, makeLesson, passedExercise } from './fixtures.ts';

type Snapshot = SnapshotFrom<typeof courseMachine>;

const NOW = 1_700_000_000_000;

function emittedBy(actions: readonly { type: string; params?: unknown }[]): CourseEmitted[] {
  return actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: CourseEmitted }).event);
}

function run(course: Course, events: readonly CourseEvent[], progress: SavedProgress = emptyProgress(course, NOW)): { snapshot: Snapshot; emitted: CourseEmitted[] } {
  let [snapshot, actions] = initialTransition(courseMachine, { course, progress });
  const emitted = emittedBy(actions);
  for (const event of events) {
    [snapshot, actions] = transition(courseMachine, snapshot, event);
    emitted.push(...emittedBy(actions));
  }
  return { snapshot, emitted };
}

const course = makeCourse();
const open = (lessonId: string): CourseEvent => ({ type: 'lesson.open', lessonId });
const next: CourseEvent = { type: 'lesson.next' };
const back: CourseEvent = { type: 'lesson.back' };
const exercise = (scenarioId: string, progress = passedExercise()): CourseEvent => ({ type: 'exercise.recorded', scenarioId, progress });
const question = (questionId: string, progress = answered([0], true)): CourseEvent => ({ type: 'question.recorded', questionId, progress });
/** Everything in the diagnostic and the unit done, so the assessment opens. */
const unitsDone: CourseEvent[] = [exercise('diag_rewrite'), exercise('unit_rewrite'), question('unit_q')];

describe('course: navigation', () => {
  it('starts learning at the first lesson, marked in progress', () => {
    const { snapshot, emitted } = run(course, []);
    assert.equal(snapshot.value, 'learning');
    assert.equal(snapshot.context.progress.location, 'diag');
    assert.deepEqual(snapshot.context.progress.lessons, { diag: 'in-progress' });
    assert.equal(snapshot.context.result.progressMeasure, 0);
    assert.deepEqual(emitted, []);
  });

  it('next and back move through the lessons and report each move', () => {
    const forward = run(course, [next]);
    assert.equal(forward.snapshot.context.progress.location, 'unit_one');
    assert.deepEqual(forward.snapshot.context.progress.lessons, { diag: 'in-progress', unit_one: 'in-progress' });
    assert.equal(forward.emitted.length, 1);
    assert.equal(forward.emitted[0]?.type === 'progress.changed' && forward.emitted[0].progress.location, 'unit_one');
    const { snapshot, emitted } = run(course, [next, back]);
    assert.equal(snapshot.context.progress.location, 'diag');
    assert.equal(emitted.length, 2);
  });

  it('back on the first lesson does nothing', () => {
    const { snapshot, emitted } = run(course, [back]);
    assert.equal(snapshot.context.progress.location, 'diag');
    assert.deepEqual(emitted, []);
  });

  it('refuses the final assessment until the other lessons are complete, saying why', () => {
    for (const attemptToReach of [[open('final')], [next, next]]) {
      const { snapshot, emitted } = run(course, attemptToReach);
      assert.notEqual(snapshot.context.progress.location, 'final');
      assert.equal(snapshot.context.refused, 'after-units');
      assert.ok(emitted.every((e) => e.type === 'progress.changed' && e.progress.location !== 'final'), 'moved to the assessment');
    }
    const nearly = run(course, [exercise('diag_rewrite'), exercise('unit_rewrite'), open('final')]);
    assert.equal(nearly.snapshot.context.refused, 'after-units', 'the unit’s question is still unanswered');
    const { snapshot } = run(course, [...unitsDone, open('final')]);
    assert.equal(snapshot.context.progress.location, 'final');
    assert.equal(snapshot.context.refused, null);
  });

  it('a refusal is cleared by the next successful move', () => {
    const { snapshot } = run(course, [open('final'), next]);
    assert.equal(snapshot.context.progress.location, 'unit_one');
    assert.equal(snapshot.context.refused, null);
  });

  it('refuses a lesson the course does not have', () => {
    const { snapshot, emitted } = run(course, [open('no_such_lesson')]);
    assert.equal(snapshot.context.progress.location, 'diag');
    assert.equal(snapshot.context.refused, 'in-order');
    assert.deepEqual(emitted, []);
  });

  it('without lockUnitsInOrder, units open in any order', () => {
    assert.equal(run(course, [open('unit_one')]).snapshot.context.progress.location, 'unit_one');
  });

  it('with lockUnitsInOrder, a lesson opens only when the ones before it are done', () => {
    const locked = makeCourse({ lockUnitsInOrder: true });
    for (const move of [open('unit_one'), next]) {
      const { snapshot } = run(locked, [move]);
      assert.equal(snapshot.context.progress.location, 'diag');
      assert.equal(snapshot.context.refused, 'in-order');
    }
    const { snapshot } = run(locked, [exercise('diag_rewrite'), next]);
    assert.equal(snapshot.context.progress.location, 'unit_one');
    assert.equal(lessonLock(locked, snapshot.context.progress, 'diag'), 'open', 'going back is always allowed');
  });
});

describe('course: recording', () => {
  it('a finished rewrite completes its lesson and reports the change', () => {
    const { snapshot, emitted } = run(course, [exercise('diag_rewrite')]);
    assert.equal(snapshot.value, 'learning');
    assert.equal(snapshot.context.progress.lessons['diag'], 'completed');
    assert.equal(snapshot.context.result.progressMeasure, 0.33);
    assert.equal(emitted.length, 1);
    const [changed] = emitted;
    assert.ok(changed?.type === 'progress.changed', 'no progress.changed');
    assert.deepEqual(changed.progress.exercises['diag_rewrite'], passedExercise());
    assert.deepEqual(changed.result, snapshot.context.result);
  });

  it('a rewrite in progress marks its lesson in progress, even unvisited', () => {
    const { snapshot } = run(course, [exercise('unit_rewrite', { status: 'in-progress', attempts: [attempt(40, false)], hintsShown: 1 })]);
    assert.equal(snapshot.context.progress.lessons['unit_one'], 'in-progress');
    assert.equal(snapshot.context.progress.location, 'diag');
  });

  it('a lesson completes only when every rewrite and question in it is done', () => {
    const half = run(course, [exercise('unit_rewrite')]).snapshot;
    assert.equal(half.context.progress.lessons['unit_one'], 'in-progress');
    const wrongWithTriesLeft = run(course, [exercise('unit_rewrite'), question('unit_q', answered([1], false, 1))]).snapshot;
    assert.equal(wrongWithTriesLeft.context.progress.lessons['unit_one'], 'in-progress');
    const wrongOutOfTries = run(course, [exercise('unit_rewrite'), question('unit_q', answered([1], false, 3))]).snapshot;
    assert.equal(wrongOutOfTries.context.progress.lessons['unit_one'], 'completed');
    const exhausted = run(course, [exercise('unit_rewrite', { status: 'exhausted', attempts: [attempt(10, false)], hintsShown: 0 }), question('unit_q')]).snapshot;
    assert.equal(exhausted.context.progress.lessons['unit_one'], 'completed');
  });

  it('a question answer is stored and reported with its lesson', () => {
    const progress = answered([0], true);
    const { snapshot, emitted } = run(course, [question('unit_q', progress)]);
    assert.deepEqual(snapshot.context.progress.questions['unit_q'], progress);
    assert.deepEqual(
      emitted.map((e) => e.type),
      ['progress.changed', 'question.answered'],
    );
    assert.deepEqual(emitted[1], { type: 'question.answered', lessonId: 'unit_one', questionId: 'unit_q', progress });
  });

  it('an attempt is passed on with its lesson, without changing progress', () => {
    const a = attempt(55, false);
    const draft = { subject: 'S', body: 'B' };
    const { snapshot, emitted } = run(course, [{ type: 'exercise.attempted', scenarioId: 'unit_rewrite', attempt: a, attemptNumber: 1, draft }]);
    assert.deepEqual(emitted, [{ type: 'exercise.attempted', lessonId: 'unit_one', scenarioId: 'unit_rewrite', attempt: a, draft, attemptNumber: 1 }]);
    assert.deepEqual(snapshot.context.progress.exercises, {});
  });

  it('ignores rewrites and questions the course does not have', () => {
    const { snapshot } = run(course, [exercise('gone_rewrite'), question('gone_q')]);
    assert.deepEqual(snapshot.context.progress.exercises, {});
    assert.deepEqual(snapshot.context.progress.questions, {});
  });

  it('keeps reflections, trimmed to 4,000 characters', () => {
    const { snapshot, emitted } = run(course, [{ type: 'reflection.recorded', lessonId: 'unit_one', text: 'x'.repeat(5000) }]);
    assert.equal(snapshot.context.progress.reflections['unit_one']?.length, 4000);
    assert.equal(emitted.length, 1);
  });

  it('emits progress.changed on every change, carrying the progress as it now is', () => {
    const events: CourseEvent[] = [next, exercise('unit_rewrite'), question('unit_q'), { type: 'reflection.recorded', lessonId: 'unit_one', text: 'Noted.' }, back];
    let [snapshot] = initialTransition(courseMachine, { course, progress: emptyProgress(course, NOW) });
    for (const event of events) {
      const before = snapshot.context.progress;
      const [after, actions] = transition(courseMachine, snapshot, event);
      const changes = emittedBy(actions).filter((e) => e.type === 'progress.changed');
      assert.notDeepEqual(after.context.progress, before, `${event.type} changed nothing`);
      assert.equal(changes.length, 1, `${event.type}: one progress.changed`);
      assert.deepEqual(changes[0]?.type === 'progress.changed' && changes[0].progress, after.context.progress);
      snapshot = after;
    }
  });
});

describe('course: completion', () => {
  const everything: CourseEvent[] = [...unitsDone, open('final'), exercise('final_rewrite', passedExercise(85)), question('final_q', answered([1], true))];

  it('completes once everything is done, emitting course.completed exactly once', () => {
    const { snapshot, emitted } = run(course, [...everything, { type: 'reflection.recorded', lessonId: 'final', text: 'Done.' }, open('diag')]);
    assert.equal(snapshot.value, 'completed');
    assert.equal(snapshot.context.result.completed, true);
    const completions = emitted.filter((e) => e.type === 'course.completed');
    assert.equal(completions.length, 1);
    assert.equal(completions[0]?.type === 'course.completed' && completions[0].result.passed, true);
    assert.equal(snapshot.context.progress.location, 'diag', 'lessons can still be reviewed');
    assert.equal(snapshot.context.progress.reflections['final'], 'Done.');
  });

  it('is not complete until the last item is recorded', () => {
    const { snapshot, emitted } = run(course, everything.slice(0, -1));
    assert.equal(snapshot.value, 'learning');
    assert.ok(!emitted.some((e) => e.type === 'course.completed'), 'completed too early');
  });

  it('restores a finished course as completed without announcing it again', () => {
    const done = run(course, everything).snapshot.context.progress;
    const { snapshot, emitted } = run(course, [], done);
    assert.equal(snapshot.value, 'completed');
    assert.deepEqual(emitted, []);
  });
});

describe('course: results (courseResult)', () => {
  const base = emptyProgress(course, NOW);
  const withUnitsDone: SavedProgress = {
    ...base,
    exercises: { diag_rewrite: passedExercise(), unit_rewrite: passedExercise() },
    questions: { unit_q: answered([0], true) },
  };

  it('has no final score, no pass and nothing completed at the start', () => {
    const result = courseResult(course, base);
    assert.equal(result.finalScore, null);
    assert.equal(result.diagnosticScore, null);
    assert.equal(result.passed, null);
    assert.equal(result.completed, false);
    assert.equal(result.progressMeasure, 0);
    assert.ok(result.skills.every((s) => s.diagnostic === null && s.final === null && s.overall === null && !s.mastered), 'a skill has a score before any attempt');
  });

  it('scores the final assessment over the best rewrite score and first-try answers, and passes at the pass score', () => {
    const progress: SavedProgress = {
      ...withUnitsDone,
      exercises: { ...withUnitsDone.exercises, final_rewrite: { status: 'passed', attempts: [attempt(60, false), attempt(85, true)], hintsShown: 0 } },
      questions: { ...withUnitsDone.questions, final_q: answered([1], true) },
    };
    const result = courseResult(course, progress);
    assert.equal(result.finalScore, 93); // (85 + 100) / 2, rounded
    assert.equal(result.completed, true);
    assert.equal(result.progressMeasure, 1);
    assert.equal(result.passed, true);
  });

  it('fails below the pass score', () => {
    const progress: SavedProgress = {
      ...withUnitsDone,
      exercises: { ...withUnitsDone.exercises, final_rewrite: { status: 'exhausted', attempts: [attempt(50, false), attempt(70, false)], hintsShown: 0 } },
      questions: { ...withUnitsDone.questions, final_q: answered([0], false) },
    };
    const result = courseResult(course, progress);
    assert.equal(result.finalScore, 35);
    assert.equal(result.completed, true);
    assert.equal(result.passed, false);
  });

  it('the pass mark is inclusive', () => {
    const progress: SavedProgress = {
      ...withUnitsDone,
      exercises: { ...withUnitsDone.exercises, final_rewrite: passedExercise(60) },
      questions: { ...withUnitsDone.questions, final_q: answered([1], true) },
    };
    assert.equal(courseResult(course, progress).finalScore, 80);
    assert.equal(courseResult(course, progress).passed, true);
  });

  it('gives a final score once the assessment is attempted, but no pass until the course is complete', () => {
    const progress: SavedProgress = { ...base, exercises: { final_rewrite: { status: 'in-progress', attempts: [attempt(90, false)], hintsShown: 0 } } };
    const result = courseResult(course, progress);
    assert.equal(result.finalScore, 45); // the unanswered question counts 0
    assert.equal(result.passed, null);
  });

  it('the diagnostic score is the first diagnostic attempt, not the best', () => {
    const progress: SavedProgress = { ...base, exercises: { diag_rewrite: { status: 'passed', attempts: [attempt(42, false), attempt(90, true)], hintsShown: 0 } } };
    assert.equal(courseResult(course, progress).diagnosticScore, 42);
  });

  it('reports each check: diagnostic first attempt, final best, overall mean of bests after the diagnostic, mastery', () => {
    const progress: SavedProgress = {
      ...base,
      exercises: {
        diag_rewrite: { status: 'passed', attempts: [attempt(40, false, { 'clear-ask': 20, subject: 50 }), attempt(90, true, { 'clear-ask': 90, subject: 95 })], hintsShown: 0 },
        unit_rewrite: passedExercise(90, { 'clear-ask': 70 }),
        final_rewrite: { status: 'exhausted', attempts: [attempt(60, false, { 'clear-ask': 85, concise: 40 }), attempt(65, false, { 'clear-ask': 60, concise: 70 })], hintsShown: 0 },
      },
    };
    const skills = new Map(courseResult(course, progress).skills.map((s) => [s.check, s]));
    // The diagnostic is where the learner starts; it counts neither towards overall nor mastery.
    assert.deepEqual(skills.get('clear-ask'), { check: 'clear-ask', diagnostic: 20, final: 85, overall: 78, mastered: true }); // (70 + 85) / 2
    assert.deepEqual(skills.get('subject'), { check: 'subject', diagnostic: 50, final: null, overall: null, mastered: false });
    assert.deepEqual(skills.get('concise'), { check: 'concise', diagnostic: null, final: 70, overall: 70, mastered: false });
    assert.deepEqual(skills.get('courteous'), { check: 'courteous', diagnostic: null, final: null, overall: null, mastered: false });
    assert.ok(70 < MASTERY_SCORE && MASTERY_SCORE <= 85, `mastery at ${MASTERY_SCORE}: the figures above assume 71–85`);
  });

  it('the machine’s result is courseResult over its progress', () => {
    const { snapshot } = run(course, unitsDone);
    assert.deepEqual(snapshot.context.result, courseResult(course, snapshot.context.progress));
  });

  it('a lesson with nothing to answer is not completed before the learner opens it', () => {
    const withReading: Course = { ...course, lessons: [course.lessons[0]!, makeLesson('just_reading', 'unit', [], []), ...course.lessons.slice(1)] };
    const start = emptyProgress(withReading, NOW);
    assert.equal(lessonStatus(withReading.lessons[1]!, start), 'not-started');
    assert.equal(courseResult(withReading, start).progressMeasure, 0);
  });
});

describe('course: the real course, end to end', () => {
  function loadRealCourse(): Course {
    const result = loadCourse(readLessonFiles('lessons'));
    assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
    return result.course;
  }

  it('completes and passes when every rewrite gets its model answer and every question its right options', () => {
    const real = loadRealCourse();
    const actor = createActor(courseMachine, { input: { course: real, progress: emptyProgress(real, NOW) } });
    const completions: boolean[] = [];
    let attempted = 0;
    actor.on('course.completed', (e) => completions.push(e.result.passed === true));
    actor.on('exercise.attempted', () => (attempted += 1));
    actor.start();
    const assessment = real.lessons.find((l) => l.role === 'assessment');
    assert.ok(assessment, 'the course has no assessment');
    actor.send(open(assessment.id));
    assert.equal(actor.getSnapshot().context.refused, 'after-units');

    let now = NOW;
    for (const lesson of real.lessons) {
      actor.send(open(lesson.id));
      assert.equal(actor.getSnapshot().context.progress.location, lesson.id, `could not open ${lesson.id}`);
      for (const scenario of lesson.scenarios) {
        // Wire the exercise to the course as the app does: its progress and attempts become course events.
        const ex = createActor(exerciseMachine, { input: { scenario, maxAttempts: scenario.rubric.maxAttempts ?? real.settings.defaultAttempts, courseStartedAt: NOW } });
        ex.on('exercise.progress', (e) => actor.send({ type: 'exercise.recorded', scenarioId: e.scenarioId, progress: e.progress }));
        ex.on('exercise.attempted', (e) => actor.send({ type: 'exercise.attempted', scenarioId: e.scenarioId, attempt: e.attempt, attemptNumber: e.attemptNumber, draft: e.draft }));
        ex.start();
        ex.send({ type: 'exercise.start', now: (now += 1000) });
        ex.send({ type: 'draft.change', draft: scenario.model });
        ex.send({ type: 'exercise.submit', now: (now += 60_000) });
        assert.equal(ex.getSnapshot().value, 'passed', `${scenario.id}: the model answer did not pass`);
      }
      for (const q of lesson.questions) {
        const qa = createActor(questionMachine, { input: { question: q } });
        qa.on('question.answered', (e) => actor.send({ type: 'question.recorded', questionId: e.questionId, progress: e.progress }));
        qa.start();
        qa.send({ type: 'question.select', selected: q.options.flatMap((o, i) => (o.correct ? [i] : [])) });
        qa.send({ type: 'question.submit' });
        assert.equal(qa.getSnapshot().context.correct, true, `${q.id}: the right options were judged wrong`);
      }
      assert.equal(actor.getSnapshot().context.progress.lessons[lesson.id], 'completed', `${lesson.id} is not completed`);
    }

    const { value, context } = actor.getSnapshot();
    assert.equal(value, 'completed');
    assert.equal(context.result.completed, true);
    assert.equal(context.result.progressMeasure, 1);
    assert.equal(context.result.passed, true);
    assert.ok((context.result.finalScore ?? 0) >= real.passScore, `final score ${context.result.finalScore}`);
    assert.ok(context.result.diagnosticScore !== null && context.result.diagnosticScore >= 80, `diagnostic score ${context.result.diagnosticScore}`);
    assert.deepEqual(completions, [true]);
    assert.equal(attempted, real.lessons.reduce((n, l) => n + l.scenarios.length, 0));

    // What would be saved restores to the same finished course.
    const restored = restoreProgress(JSON.stringify(context.progress), real, NOW + 1);
    assert.equal(restored.notice, undefined);
    assert.deepEqual(restored.progress, context.progress);
    const again = createActor(courseMachine, { input: { course: real, progress: restored.progress } });
    again.on('course.completed', () => assert.fail('a restored course announced completion again'));
    again.start();
    assert.equal(again.getSnapshot().value, 'completed');
  });
});
