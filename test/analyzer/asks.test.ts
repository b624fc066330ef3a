import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyAsk, isAskSentence, saysNoActionNeeded } from '../../src/analyzer/asks.ts';
import { findTimeFrames, findVagueTimes } from '../../src/analyzer/time-frames.ts';

describe('asks', () => {
  const cases: [string, ReturnType<typeof classifyAsk>][] = [
    ['Could you approve the budget by Friday?', 'direct'],
    ['Please send me the list.', 'direct'],
    ['Send me the list by noon.', 'direct'],
    ["Would you mind checking the figures?", 'indirect'],
    ["I'd be grateful if you could sign page 4.", 'indirect'],
    ['I should be grateful if each head would furnish a list.', 'indirect'],
    ['I need two volunteers for the test.', 'indirect'],
    ['Forecasts are due on Friday.', 'rule'],
    ['From Monday you must use your badge.', 'rule'],
    ['Let me know your thoughts.', 'vague'],
    ['Any update???', 'vague'],
    ['If you need a restore, call the helpdesk.', 'conditional'],
    ['Please do not hesitate to contact me if you have any questions.', 'conditional'],
    ['Email is working normally again.', null],
    ['Thanks to Chris for covering the night shift.', null],
    ['Should we meet next week?', null],
    ['No smartphone?', null],
  ];
  for (const [sentence, kind] of cases) {
    it(`reads “${sentence}” as ${kind ?? 'no ask'}`, () => {
      assert.equal(classifyAsk(sentence), kind);
      assert.equal(isAskSentence(sentence), kind !== null);
    });
  }

  it('recognises statements that no action is needed', () => {
    for (const s of ['No action is needed from you.', "You don't need to do anything.", 'Nothing for you to do.', 'What you need to do: nothing.']) {
      assert.equal(saysNoActionNeeded(s), true, s);
    }
    assert.equal(saysNoActionNeeded('Action is needed by Friday.'), false);
  });
});

describe('time frames', () => {
  it('finds dates, weekdays and email idioms', () => {
    for (const s of ['by Friday 14 June', 'by end of day', 'within two weeks', 'before 3pm', 'by the 12th', 'reply by tomorow', 'by COB Thursday']) {
      assert.ok(findTimeFrames(`Please reply ${s}.`).length > 0, s);
    }
  });

  it('ignores past dates, bare durations and words chrono mistakes for times', () => {
    for (const s of ['as we discussed last month', 'reimbursements took several weeks', 'the HR team', 'we can do it now']) {
      assert.deepEqual(findTimeFrames(s), [], s);
    }
  });

  it('finds vague time words, which never count as a deadline', () => {
    for (const s of ['ASAP', 'when you get a chance', 'at some point', 'whenever suits you', 'in due course']) {
      assert.ok(findVagueTimes(`Send it ${s}.`).length > 0, s);
    }
  });

  it('gives offsets relative to the sentence offset', () => {
    const [t] = findTimeFrames('Reply by Friday.', 100);
    assert.ok(t);
    assert.equal(t.text, 'Friday');
    assert.equal(t.start, 109);
  });
});
