/** The rewrite exercise machine: pure transitions, emitted events, and every shortest path. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { ExerciseProgress } from '../../src/content/progress.ts';
import { scoreAgainstRubric } from '../../src/content/rubric.ts';
import type { Email, Scenario } from '../../src/content/schema.ts';
import { exerciseMachine, type ExerciseEmitted, type ExerciseEvent, type ExerciseInput } from '../../src/flows/exercise.ts';
import { BAD_DRAFT, makeScenario } from './fixtures.ts';

type Snapshot = SnapshotFrom<typeof exerciseMachine>;

const STARTED = 1_000_000;
const BLANK: Email = { subject: '  ', body: '\n \n' };

function inputFor(scenario: Scenario, options: Partial<ExerciseInput> = {}): ExerciseInput {
  return { scenario, maxAttempts: scenario.rubric.maxAttempts ?? 3, courseStartedAt: STARTED, ...options };
}

/** The events a pure transition emitted, in order. */
function emittedBy(actions: readonly { type: string; params?: unknown }[]): ExerciseEmitted[] {
  return actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: ExerciseEmitted }).event);
}

/** Runs events through pure transitions, collecting what was emitted. */
function run(input: ExerciseInput, events: readonly ExerciseEvent[]): { snapshot: Snapshot; emitted: ExerciseEmitted[] } {
  let [snapshot, actions] = initialTransition(exerciseMachine, input);
  const emitted = emittedBy(actions);
  for (const event of events) {
    [snapshot, actions] = transition(exerciseMachine, snapshot, event);
    emitted.push(...emittedBy(actions));
  }
  return { snapshot, emitted };
}

const scenario = makeScenario();
const start = (now = STARTED + 10_000): ExerciseEvent => ({ type: 'exercise.start', now });
const submit = (now = STARTED + 70_000): ExerciseEvent => ({ type: 'exercise.submit', now });
const revise = (now = STARTED + 80_000): ExerciseEvent => ({ type: 'exercise.revise', now });
const change = (draft: Email): ExerciseEvent => ({ type: 'draft.change', draft });
const hint: ExerciseEvent = { type: 'hint.request' };

describe('the fixture scenario', () => {
  it('fails its rubric with the original and the bad draft, and passes with the model answer', () => {
    assert.equal(scoreAgainstRubric(scenario, scenario.original).passed, false);
    assert.equal(scoreAgainstRubric(scenario, BAD_DRAFT).passed, false);
    assert.equal(scoreAgainstRubric(scenario, scenario.model).passed, true);
  });
});

describe('exercise: pure transitions', () => {
  it('starts in reading with nothing done', () => {
    const { snapshot, emitted } = run(inputFor(scenario), []);
    assert.equal(snapshot.value, 'reading');
    assert.deepEqual(snapshot.context.attempts, []);
    assert.equal(snapshot.context.hintsShown, 0);
    assert.deepEqual(snapshot.context.draft, { subject: '', body: '' });
    assert.deepEqual(emitted, []);
  });

  it('ignores drafting and submitting while reading', () => {
    const { snapshot, emitted } = run(inputFor(scenario), [change(scenario.model), submit()]);
    assert.equal(snapshot.value, 'reading');
    assert.deepEqual(snapshot.context.attempts, []);
    assert.deepEqual(emitted, []);
  });

  it('exercise.start moves to drafting with the original pre-filled, and reports in-progress', () => {
    const { snapshot, emitted } = run(inputFor(scenario), [start()]);
    assert.equal(snapshot.value, 'drafting');
    assert.deepEqual(snapshot.context.draft, scenario.original);
    assert.equal(snapshot.context.draftStartedAt, STARTED + 10_000);
    assert.deepEqual(
      emitted.map((e) => e.type === 'exercise.progress' && e.progress.status),
      ['in-progress'],
    );
  });

  it('submitting the unchanged original records a failing attempt and shows feedback', () => {
    const { snapshot, emitted } = run(inputFor(scenario), [start(STARTED + 10_000), submit(STARTED + 70_000)]);
    assert.equal(snapshot.value, 'feedback');
    assert.equal(snapshot.context.attempts.length, 1);
    const [first] = snapshot.context.attempts;
    assert.ok(first, 'no attempt');
    assert.equal(first.passed, false);
    assert.ok(first.score < scenario.rubric.passScore, `score ${first.score}`);
    assert.equal(first.at, 70, 'seconds since the course started');
    assert.equal(first.seconds, 60, 'seconds since the draft was started');
    const scored = Object.keys(first.checks);
    assert.ok(scored.length > 0, 'no check scored');
    for (const id of scored) assert.ok((scenario.rubric.checks as string[]).includes(id), `${id} is not in the rubric`);
    assert.equal(snapshot.context.lastResult?.score, first.score);
    assert.deepEqual(
      emitted.slice(1).map((e) => e.type),
      ['exercise.attempted', 'exercise.progress'],
    );
    const attempted = emitted[1];
    assert.ok(attempted?.type === 'exercise.attempted', 'no exercise.attempted');
    assert.equal(attempted.attemptNumber, 1);
    assert.deepEqual(attempted.draft, scenario.original);
    assert.deepEqual(attempted.attempt, first);
  });

  it('exercise.revise goes back to drafting, keeping the draft and restarting the clock', () => {
    const { snapshot, emitted } = run(inputFor(scenario), [start(), change(BAD_DRAFT), submit(), revise(STARTED + 90_000)]);
    assert.equal(snapshot.value, 'drafting');
    assert.deepEqual(snapshot.context.draft, BAD_DRAFT);
    assert.equal(snapshot.context.draftStartedAt, STARTED + 90_000);
    assert.equal(emitted.at(-1)?.type, 'exercise.progress', 'revising emits nothing new');
  });

  it('submitting a good rewrite (the model answer) passes and completes', () => {
    const { snapshot, emitted } = run(inputFor(scenario), [start(), change(scenario.model), submit()]);
    assert.equal(snapshot.value, 'passed');
    assert.equal(snapshot.status, 'done');
    assert.equal(snapshot.context.attempts.length, 1);
    assert.equal(snapshot.context.attempts[0]?.passed, true);
    const tail = emitted.slice(-3);
    assert.deepEqual(
      tail.map((e) => e.type),
      ['exercise.attempted', 'exercise.progress', 'exercise.completed'],
    );
    assert.deepEqual(tail[1]?.type === 'exercise.progress' && tail[1].progress.status, 'passed');
    assert.deepEqual(tail[2], { type: 'exercise.completed', scenarioId: scenario.id, passed: true });
  });

  it('passes after a failed attempt: revise then a good rewrite', () => {
    const { snapshot } = run(inputFor(scenario), [start(), submit(), revise(), change(scenario.model), submit(STARTED + 100_000)]);
    assert.equal(snapshot.value, 'passed');
    assert.deepEqual(
      snapshot.context.attempts.map((a) => a.passed),
      [false, true],
    );
  });

  it('running out of attempts ends in exhausted and completes without a pass', () => {
    const twoTries = makeScenario({ maxAttempts: 2 });
    const { snapshot, emitted } = run(inputFor(twoTries), [start(), submit(), revise(), change(BAD_DRAFT), submit(STARTED + 100_000)]);
    assert.equal(snapshot.value, 'exhausted');
    assert.equal(snapshot.status, 'done');
    assert.equal(snapshot.context.attempts.length, 2);
    assert.ok(snapshot.context.attempts.every((a) => !a.passed), 'an attempt passed');
    const tail = emitted.slice(-2);
    assert.deepEqual(tail[0]?.type === 'exercise.progress' && tail[0].progress.status, 'exhausted');
    assert.deepEqual(tail[1], { type: 'exercise.completed', scenarioId: twoTries.id, passed: false });
  });

  it('passing on the last allowed attempt counts as passed, not exhausted', () => {
    const { snapshot } = run(inputFor(makeScenario({ maxAttempts: 2 })), [start(), submit(), revise(), change(scenario.model), submit(STARTED + 100_000)]);
    assert.equal(snapshot.value, 'passed');
  });

  it('an empty (whitespace-only) draft cannot be submitted', () => {
    const { snapshot, emitted } = run(inputFor(scenario), [start(), change(BLANK), submit()]);
    assert.equal(snapshot.value, 'drafting');
    assert.deepEqual(snapshot.context.attempts, []);
    assert.ok(!emitted.some((e) => e.type === 'exercise.attempted'), 'a blank draft was submitted');
  });

  it('on-request hints can be shown before any attempt, but never more than the scenario has', () => {
    const twoHints = makeScenario({ hints: ['One', 'Two'], hintReveal: 'on-request' });
    const reading = run(inputFor(twoHints), [hint]);
    assert.equal(reading.snapshot.value, 'reading');
    assert.equal(reading.snapshot.context.hintsShown, 1);
    assert.deepEqual(
      reading.emitted.map((e) => e.type === 'exercise.progress' && e.progress),
      [{ status: 'not-started', attempts: [], hintsShown: 1, draft: { subject: '', body: '' } }],
    );
    const { snapshot, emitted } = run(inputFor(twoHints), [hint, start(), hint, hint, hint]);
    assert.equal(snapshot.context.hintsShown, 2);
    assert.equal(emitted.filter((e) => e.type === 'exercise.progress').length, 3, 'refused hint requests report nothing');
  });

  it('after-attempt hints are refused until the first attempt, then shown up to the limit', () => {
    const after = makeScenario({ hintReveal: 'after-attempt' });
    const before = run(inputFor(after), [hint, start(), hint]);
    assert.equal(before.snapshot.context.hintsShown, 0);
    const { snapshot } = run(inputFor(after), [start(), submit(), hint, revise(), hint, hint, hint, hint]);
    assert.equal(snapshot.value, 'drafting');
    assert.equal(snapshot.context.hintsShown, after.hints.length);
  });

  it('counts each attempt from its own drafting start', () => {
    const { snapshot } = run(inputFor(scenario), [start(STARTED + 10_000), submit(STARTED + 20_000), revise(STARTED + 30_000), submit(STARTED + 45_000)]);
    assert.deepEqual(
      snapshot.context.attempts.map((a) => [a.at, a.seconds]),
      [
        [20, 10],
        [45, 15],
      ],
    );
  });
});

describe('exercise: restoring from saved progress', () => {
  const failing = { score: 40, passed: false, checks: { 'clear-ask': 30 }, at: 60, seconds: 50 };
  const passing = { score: 90, passed: true, checks: { 'clear-ask': 95 }, at: 120, seconds: 40 };

  it('lands in passed when an attempt passed, and emits nothing', () => {
    const prior: ExerciseProgress = { status: 'passed', attempts: [failing, passing], hintsShown: 1, draft: scenario.model };
    const { snapshot, emitted } = run(inputFor(scenario, { prior }), []);
    assert.equal(snapshot.value, 'passed');
    assert.deepEqual(snapshot.context.attempts, prior.attempts);
    assert.deepEqual(emitted, []);
  });

  it('lands in exhausted when the attempts are used up, and emits nothing', () => {
    const prior: ExerciseProgress = { status: 'exhausted', attempts: [failing, failing], hintsShown: 0, draft: BAD_DRAFT };
    const { snapshot, emitted } = run(inputFor(scenario, { prior, maxAttempts: 2 }), []);
    assert.equal(snapshot.value, 'exhausted');
    assert.deepEqual(emitted, []);
  });

  it('an actor restored as passed never emits exercise.completed', () => {
    const prior: ExerciseProgress = { status: 'passed', attempts: [passing], hintsShown: 0, draft: scenario.model };
    const actor = createActor(exerciseMachine, { input: inputFor(scenario, { prior }) });
    const seen: string[] = [];
    actor.on('*', (e) => seen.push(e.type));
    actor.start();
    assert.equal(actor.getSnapshot().value, 'passed');
    assert.deepEqual(seen, []);
  });

  it('lands in drafting with the saved draft and attempts, and numbers the next attempt after them', () => {
    const prior: ExerciseProgress = { status: 'in-progress', attempts: [failing], hintsShown: 2, draft: BAD_DRAFT };
    const restored = run(inputFor(scenario, { prior }), []);
    assert.equal(restored.snapshot.value, 'drafting');
    assert.deepEqual(restored.snapshot.context.draft, BAD_DRAFT);
    assert.equal(restored.snapshot.context.hintsShown, 2);
    const { snapshot, emitted } = run(inputFor(scenario, { prior }), [change(scenario.model), submit(STARTED + 200_000)]);
    assert.equal(snapshot.value, 'passed');
    const attempted = emitted.find((e) => e.type === 'exercise.attempted');
    assert.equal(attempted?.type === 'exercise.attempted' && attempted.attemptNumber, 2);
  });

  it('lands in drafting when only a draft was saved', () => {
    const prior: ExerciseProgress = { status: 'in-progress', attempts: [], hintsShown: 0, draft: BAD_DRAFT };
    assert.equal(run(inputFor(scenario, { prior }), []).snapshot.value, 'drafting');
  });

  it('lands in reading when only hints were seen, keeping them', () => {
    const prior: ExerciseProgress = { status: 'not-started', attempts: [], hintsShown: 1 };
    const { snapshot } = run(inputFor(scenario, { prior }), []);
    assert.equal(snapshot.value, 'reading');
    assert.equal(snapshot.context.hintsShown, 1);
  });

  it('a restored draft’s next attempt is not timed from the start of the course', () => {
    // The previous attempt was submitted 60 s into the course, so this one cannot have taken longer than the time since.
    const prior: ExerciseProgress = { status: 'in-progress', attempts: [failing], hintsShown: 0, draft: BAD_DRAFT };
    const threeDaysLater = STARTED + 3 * 24 * 3600 * 1000;
    const { snapshot } = run(inputFor(scenario, { prior }), [submit(threeDaysLater)]);
    const next = snapshot.context.attempts[1];
    assert.ok(next, 'no second attempt');
    assert.ok(next.seconds <= next.at - failing.at, `attempt took ${next.seconds} s, but only ${next.at - failing.at} s passed since the previous one`);
  });
});

describe('exercise: emitted events through an actor', () => {
  it('numbers attempts 1, 2, … reports progress, and completes exactly once', () => {
    const actor = createActor(exerciseMachine, { input: inputFor(scenario) });
    const attempts: number[] = [];
    const statuses: string[] = [];
    const completed: boolean[] = [];
    actor.on('exercise.attempted', (e) => attempts.push(e.attemptNumber));
    actor.on('exercise.progress', (e) => statuses.push(e.progress.status));
    actor.on('exercise.completed', (e) => completed.push(e.passed));
    actor.start();
    actor.send(start());
    actor.send(submit());
    actor.send(revise());
    actor.send(change(BAD_DRAFT));
    actor.send(submit(STARTED + 90_000));
    actor.send(revise(STARTED + 100_000));
    actor.send(change(scenario.model));
    actor.send(submit(STARTED + 120_000));
    assert.equal(actor.getSnapshot().value, 'passed');
    actor.send(submit(STARTED + 130_000)); // a stray double click after passing
    assert.deepEqual(attempts, [1, 2, 3]);
    assert.deepEqual(statuses, ['in-progress', 'in-progress', 'in-progress', 'in-progress', 'in-progress', 'passed']);
    assert.deepEqual(completed, [true]);
  });
});

describe('exercise: model-based (every shortest path)', () => {
  const events: ExerciseEvent[] = [
    start(STARTED + 1_000),
    submit(STARTED + 2_000),
    revise(STARTED + 3_000),
    change(scenario.model),
    change(BAD_DRAFT),
    change(BLANK),
    hint,
  ];

  function checkConsistent(snapshot: Snapshot, input: ExerciseInput, hintReveal: string): void {
    const { attempts, maxAttempts, hintsShown, lastResult, draft } = snapshot.context;
    const last = attempts.at(-1);
    assert.ok(attempts.length <= maxAttempts, `${attempts.length} attempts of ${maxAttempts}`);
    assert.ok(hintsShown <= input.scenario.hints.length, `${hintsShown} hints`);
    assert.ok(attempts.slice(0, -1).every((a) => !a.passed), 'only the last attempt may have passed');
    if (hintReveal === 'after-attempt' && hintsShown > 0) assert.ok(attempts.length > 0, 'hint shown before any attempt');
    if (last) assert.equal(lastResult?.score, last.score, 'lastResult is the last attempt’s');
    switch (snapshot.value) {
      case 'reading':
        assert.equal(attempts.length, 0);
        break;
      case 'drafting':
        assert.equal(last?.passed ?? false, false);
        assert.ok(attempts.length < maxAttempts, 'drafting with no attempts left');
        break;
      case 'feedback':
        assert.ok(last && !last.passed, 'feedback without a failed attempt');
        assert.ok(attempts.length < maxAttempts, 'feedback with no attempts left');
        break;
      case 'passed':
        assert.equal(last?.passed, true, 'passed ⇒ the last attempt passed');
        break;
      case 'exhausted':
        assert.equal(attempts.length, maxAttempts, 'exhausted ⇒ every attempt used');
        assert.equal(last?.passed, false);
        break;
      default:
        assert.fail(`unexpected state ${JSON.stringify(snapshot.value)}`);
    }
    if (snapshot.value === 'reading') assert.deepEqual(draft, { subject: '', body: '' }, 'nothing drafted before starting');
  }

  for (const hintReveal of ['on-request', 'after-attempt'] as const) {
    it(`keeps attempts, hints and the outcome consistent in every state reached (${hintReveal} hints)`, async () => {
      const input = inputFor(makeScenario({ hintReveal, maxAttempts: 3 }));
      const model = createTestModel(exerciseMachine, {
        input,
        events,
        // The scenario and the analysis never change the machine's course; leave them out of the state key.
        serializeState: (s) => JSON.stringify({ value: s.value, draft: s.context.draft, attempts: s.context.attempts, hints: s.context.hintsShown }),
      });
      const paths = model.getShortestPaths();
      const reached = new Set<string>();
      for (const path of paths) {
        const actor = createActor(exerciseMachine, { input });
        let completions = 0;
        actor.on('exercise.completed', () => (completions += 1));
        actor.start();
        checkConsistent(actor.getSnapshot(), input, hintReveal);
        reached.add(String(actor.getSnapshot().value));
        await path.test({
          events: Object.fromEntries(events.map((e) => [e.type, ({ event }: { event: ExerciseEvent }) => actor.send(event)])),
          states: {
            '*': (expected) => {
              const snapshot = actor.getSnapshot();
              assert.deepEqual(snapshot.value, expected.value);
              checkConsistent(snapshot, input, hintReveal);
              reached.add(String(snapshot.value));
              assert.equal(completions, snapshot.status === 'done' ? 1 : 0, 'exercise.completed exactly once, on finishing');
            },
          },
        });
      }
      assert.deepEqual([...reached].sort(), ['drafting', 'exhausted', 'feedback', 'passed', 'reading']);
    });
  }
});
