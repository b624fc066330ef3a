/** The knowledge-check machine: selection rules, judging, retries, restoring, every shortest path. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { QuestionProgress } from '../../src/content/progress.ts';
import type { Question } from '../../src/content/schema.ts';
import { isCorrect, MAX_TRIES, questionMachine, type QuestionEmitted, type QuestionEvent } from '../../src/flows/question.ts';
import { makeQuestion } from './fixtures.ts';

type Snapshot = SnapshotFrom<typeof questionMachine>;

function emittedBy(actions: readonly { type: string; params?: unknown }[]): QuestionEmitted[] {
  return actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: QuestionEmitted }).event);
}

function run(question: Question, events: readonly QuestionEvent[], prior?: QuestionProgress): { snapshot: Snapshot; emitted: QuestionEmitted[] } {
  let [snapshot, actions] = initialTransition(questionMachine, { question, prior });
  const emitted = emittedBy(actions);
  for (const event of events) {
    [snapshot, actions] = transition(questionMachine, snapshot, event);
    emitted.push(...emittedBy(actions));
  }
  return { snapshot, emitted };
}

const select = (...selected: number[]): QuestionEvent => ({ type: 'question.select', selected });
const submit: QuestionEvent = { type: 'question.submit' };
const retry: QuestionEvent = { type: 'question.retry' };

const single = makeQuestion('q_single', 'single', [1]);
const multiple = makeQuestion('q_multiple', 'multiple', [0, 2]);
const trueFalse = makeQuestion('q_tf', 'true-false', [1]);
const noRetry = makeQuestion('q_final', 'single', [1], { retry: false });

describe('question: selection', () => {
  it('starts answering with nothing selected', () => {
    const { snapshot } = run(single, []);
    assert.equal(snapshot.value, 'answering');
    assert.deepEqual(snapshot.context.selected, []);
    assert.equal(snapshot.context.tries, 0);
  });

  it('a single-answer question keeps one choice', () => {
    assert.deepEqual(run(single, [select(2)]).snapshot.context.selected, [2]);
    assert.deepEqual(run(single, [select(2), select(0)]).snapshot.context.selected, [0], 'a new choice replaces the old');
    const both = run(single, [select(0, 3)]).snapshot.context.selected;
    assert.equal(both.length, 1);
    assert.ok([0, 3].includes(both[0] ?? -1), `kept ${both[0]}`);
  });

  it('a true/false question keeps one choice', () => {
    assert.equal(run(trueFalse, [select(0, 1)]).snapshot.context.selected.length, 1);
  });

  it('a multiple-answer question keeps every valid choice, once each, in order', () => {
    assert.deepEqual(run(multiple, [select(3, 1, 1, 0)]).snapshot.context.selected, [0, 1, 3]);
  });

  it('drops choices that are not options', () => {
    assert.deepEqual(run(multiple, [select(-1, 4, 1.5, 2)]).snapshot.context.selected, [2]);
    assert.deepEqual(run(single, [select(7)]).snapshot.context.selected, []);
  });

  it('cannot be submitted with nothing selected', () => {
    const { snapshot, emitted } = run(single, [submit, select(), submit]);
    assert.equal(snapshot.value, 'answering');
    assert.equal(snapshot.context.tries, 0);
    assert.deepEqual(emitted, []);
  });
});

describe('question: judging', () => {
  it('isCorrect needs exactly the correct options', () => {
    assert.equal(isCorrect(multiple, [0, 2]), true);
    assert.equal(isCorrect(multiple, [0]), false);
    assert.equal(isCorrect(multiple, [0, 1, 2]), false);
    assert.equal(isCorrect(single, [1]), true);
    assert.equal(isCorrect(single, [0]), false);
  });

  it('a correct answer finishes the question and reports it', () => {
    const { snapshot, emitted } = run(single, [select(1), submit]);
    assert.equal(snapshot.value, 'done');
    assert.equal(snapshot.status, 'done');
    assert.deepEqual(emitted, [{ type: 'question.answered', questionId: 'q_single', progress: { selected: [1], correct: true, tries: 1 } }]);
  });

  it('a partly right multiple answer is wrong', () => {
    const { snapshot, emitted } = run(multiple, [select(0), submit]);
    assert.equal(snapshot.value, 'feedback');
    assert.equal(snapshot.context.correct, false);
    assert.deepEqual(emitted, [{ type: 'question.answered', questionId: 'q_multiple', progress: { selected: [0], correct: false, tries: 1 } }]);
  });

  it('a wrong answer with retry allowed shows feedback, and retrying clears the choice', () => {
    const { snapshot } = run(single, [select(0), submit, select(1), retry]);
    assert.equal(snapshot.value, 'answering');
    assert.deepEqual(snapshot.context.selected, [], 'selecting during feedback is ignored; retry clears');
    assert.equal(snapshot.context.tries, 1);
  });

  it('right on the second try: done, two tries', () => {
    const { snapshot, emitted } = run(single, [select(0), submit, retry, select(1), submit]);
    assert.equal(snapshot.value, 'done');
    assert.deepEqual(
      emitted.map((e) => e.progress),
      [
        { selected: [0], correct: false, tries: 1 },
        { selected: [1], correct: true, tries: 2 },
      ],
    );
  });

  it(`retries stop after ${MAX_TRIES} tries`, () => {
    const wrong = [select(0), submit, retry];
    const { snapshot, emitted } = run(single, [...wrong, ...wrong, ...wrong, select(1), submit]);
    assert.equal(snapshot.value, 'done');
    assert.equal(snapshot.context.tries, MAX_TRIES);
    assert.equal(snapshot.context.correct, false);
    assert.equal(emitted.length, MAX_TRIES);
  });

  it('no retry when the question does not allow it', () => {
    const { snapshot, emitted } = run(noRetry, [select(0), submit, retry, select(1), submit]);
    assert.equal(snapshot.value, 'done');
    assert.equal(snapshot.context.tries, 1);
    assert.equal(snapshot.context.correct, false);
    assert.deepEqual(snapshot.context.selected, [0]);
    assert.equal(emitted.length, 1);
  });
});

describe('question: restoring from saved progress', () => {
  it('a correct answer restores as done', () => {
    const { snapshot, emitted } = run(single, [], { selected: [1], correct: true, tries: 2 });
    assert.equal(snapshot.value, 'done');
    assert.deepEqual(snapshot.context.selected, [1]);
    assert.deepEqual(emitted, []);
  });

  it('a wrong answer with tries left restores to feedback, and can be retried', () => {
    const prior = { selected: [0], correct: false, tries: 1 };
    assert.equal(run(single, [], prior).snapshot.value, 'feedback');
    const { snapshot } = run(single, [retry, select(1), submit], prior);
    assert.equal(snapshot.value, 'done');
    assert.equal(snapshot.context.tries, 2);
  });

  it('a wrong answer restores as done when retries are used up or not allowed', () => {
    assert.equal(run(single, [], { selected: [0], correct: false, tries: MAX_TRIES }).snapshot.value, 'done');
    assert.equal(run(noRetry, [], { selected: [0], correct: false, tries: 1 }).snapshot.value, 'done');
  });
});

describe('question: emitted events through an actor', () => {
  it('emits question.answered once per submitted answer', () => {
    const actor = createActor(questionMachine, { input: { question: multiple } });
    const seen: QuestionProgress[] = [];
    actor.on('question.answered', (e) => seen.push(e.progress));
    actor.start();
    for (const event of [submit, select(0), submit, retry, select(2, 0), submit, submit]) actor.send(event);
    assert.deepEqual(seen, [
      { selected: [0], correct: false, tries: 1 },
      { selected: [0, 2], correct: true, tries: 2 },
    ]);
  });
});

describe('question: model-based (every shortest path)', () => {
  const cases: [string, Question, QuestionEvent[]][] = [
    ['single, retry', single, [select(1), select(0), select(), submit, retry]],
    ['multiple, retry', multiple, [select(0, 2), select(0), select(0, 1, 2), submit, retry]],
    ['true-false, no retry', makeQuestion('q_tf_final', 'true-false', [0], { retry: false }), [select(0), select(1), submit, retry]],
  ];

  function checkConsistent(snapshot: Snapshot, question: Question, answers: number): void {
    const { selected, tries, correct } = snapshot.context;
    const limit = question.retry ? MAX_TRIES : 1;
    assert.ok(tries <= limit, `${tries} tries of ${limit}`);
    assert.equal(answers, tries, 'one question.answered per try');
    assert.ok(selected.every((i) => Number.isInteger(i) && i >= 0 && i < question.options.length), `selected ${selected.join()}`);
    if (question.type !== 'multiple') assert.ok(selected.length <= 1, 'more than one choice kept');
    switch (snapshot.value) {
      case 'answering':
        assert.ok(tries === 0 || !correct, 'answering again after a right answer');
        break;
      case 'feedback':
        assert.equal(correct, false);
        assert.ok(tries >= 1 && tries < limit, `feedback after ${tries} tries`);
        break;
      case 'done':
        assert.ok(correct || tries === limit, 'done ⇒ right or out of tries');
        assert.equal(correct, isCorrect(question, selected));
        break;
      default:
        assert.fail(`unexpected state ${JSON.stringify(snapshot.value)}`);
    }
  }

  for (const [name, question, events] of cases) {
    it(`keeps tries, choices and the outcome consistent in every state reached (${name})`, async () => {
      const model = createTestModel(questionMachine, { input: { question }, events });
      const reached = new Set<string>();
      for (const path of model.getShortestPaths()) {
        const actor = createActor(questionMachine, { input: { question } });
        let answers = 0;
        actor.on('question.answered', () => (answers += 1));
        actor.start();
        await path.test({
          events: Object.fromEntries(events.map((e) => [e.type, ({ event }: { event: QuestionEvent }) => actor.send(event)])),
          states: {
            '*': (expected) => {
              const snapshot = actor.getSnapshot();
              assert.deepEqual(snapshot.value, expected.value);
              assert.deepEqual(snapshot.context, expected.context);
              checkConsistent(snapshot, question, answers);
              reached.add(String(snapshot.value));
            },
          },
        });
      }
      const expected = question.retry ? ['answering', 'done', 'feedback'] : ['answering', 'done'];
      assert.deepEqual([...reached].sort(), expected);
    });
  }
});
