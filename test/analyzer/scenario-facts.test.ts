// Matching a scenario's facts in what learners really type: inflections, alternatives, numbers
// as words, abbreviations and one typing slip; and the findings that name what is missing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEmail } from '../../src/analyzer/email.ts';
import { analyzeEmail, type ScenarioSpec } from '../../src/analyzer/index.ts';
import { readFacts } from '../../src/analyzer/scenario/facts.ts';
import { normaliseWord, sameWord, tokenize } from '../../src/analyzer/scenario/tokens.ts';

const scenario: ScenarioSpec = {
  id: 'scanner_test',
  kind: 'request',
  audience: 'non-technical',
  checks: ['main-point-first', 'clear-ask', 'reader-value', 'plain-language', 'courteous'],
  weights: { 'clear-ask': 3 },
  passScore: 75,
  facts: {
    reader: 'Laura',
    ask: { label: 'approving £2,400 for six scanners', any: ['approve|authorise|ok 400|2400|scanners|budget'] },
    deadline: { label: 'Friday 27 September', any: ['27 september', 'friday 27'] },
    stakes: [{ label: 'pickers losing three hours a day', any: ['3|three hour|hours day|lost|lose|wasted'] }],
    terms: [{ term: 'WMS', means: 'warehouse system' }],
  },
};

const read = (body: string) => readFacts(readEmail('Scanners', body, { kind: 'request', audience: 'non-technical' }), scenario.facts!);

describe('words as scenario facts compare them', () => {
  it('reads numbers written as words, ordinals and abbreviations alike', () => {
    assert.deepEqual(tokenize('twenty-seventh of Sept').map((t) => t.norm), ['27', 'of', 'september']);
    assert.deepEqual(tokenize('Fri 27th').map((t) => t.norm), ['friday', '27']);
    assert.deepEqual(tokenize('twenty seven').map((t) => t.norm), ['27']);
  });

  it('meets inflections of one word', () => {
    for (const w of ['approved', 'approving', 'approves']) assert.ok(sameWord(normaliseWord(w), normaliseWord('approve')), w);
  });

  it('forgives one typing slip in longer words, never in numbers or short words', () => {
    assert.ok(sameWord(normaliseWord('aprove'), normaliseWord('approve')));
    assert.ok(sameWord(normaliseWord('scnaners'), normaliseWord('scanners')));
    assert.ok(!sameWord(normaliseWord('27'), normaliseWord('28')));
    assert.ok(!sameWord(normaliseWord('ok'), normaliseWord('on')));
  });

  it('keeps offsets pointing into the original text', () => {
    const text = 'Hi Laura, twenty-seven scanners';
    const token = tokenize(text).find((t) => t.norm === '27');
    assert.equal(text.slice(token?.start, token?.end), 'twenty-seven');
  });
});

describe('facts in a rewrite', () => {
  it('finds the ask in the preview pane, the deadline and a stake, however the learner words them', () => {
    const r = read('Hi Laura,\n\nCould you aprove the scanner budget by Fri 27th Sept? The pickers have lost three hours a day rescanning.\n\nThanks');
    assert.ok(r.ask && r.askInPreview);
    assert.ok(r.deadline);
    assert.ok(r.stake);
  });

  it('says when the ask comes too late for the preview pane, or has no deadline', () => {
    const r = read('Hi Laura,\n\nI hope you are well. The scanners keep dropping out. We tried updates.\n\nCould you approve the budget?\n\nThanks');
    assert.ok(r.ask);
    assert.equal(r.askInPreview, false);
    assert.equal(r.deadline, null);
  });

  it('takes a term as explained by brackets after it or by its plain words nearby, and flags it otherwise', () => {
    assert.deepEqual(read('Hi Laura, the WMS (our warehouse system) needs them.').unexplained, []);
    assert.deepEqual(read('Hi Laura, the WMS is the warehouse system that tracks every order.').unexplained, []);
    assert.deepEqual(read('Hi Laura, the WMS needs them.').unexplained.map((u) => u.term.term), ['WMS']);
  });

  it('names what is missing in the scenario’s own words and fails the exercise', () => {
    const result = analyzeEmail({ subject: 'Scanners', body: 'Hi Laura,\n\nCould you approve the scanner budget? The WMS needs them.\n\nThanks,\nPriya' }, { scenario });
    const check = (id: string) => result.checks.find((c) => c.id === id);
    assert.equal(result.passed, false);
    assert.match(check('clear-ask')?.message ?? '', /the deadline, Friday 27 September, isn't in your email/);
    assert.match(check('reader-value')?.message ?? '', /Laura’s stake, pickers losing three hours a day, isn't in your email/);
    assert.match(check('plain-language')?.message ?? '', /Laura won't know “WMS”/);
    assert.equal(check('subject')?.applicable, false, 'checks outside the rubric are not applicable');
  });

  it('passes a rewrite that carries every fact', () => {
    const result = analyzeEmail(
      {
        subject: 'Approve £2,400 for scanners by Fri 27 Sept',
        body: 'Hi Laura,\n\nCould you approve £2,400 for six new scanners by Friday 27 September? The old ones drop out, and the pickers lose about three hours a day re-scanning orders.\n\nA one-word reply is all I need.\n\nThanks,\nPriya',
      },
      { scenario },
    );
    assert.equal(result.passed, true, JSON.stringify(result.checks.filter((c) => c.applicable && !c.passed)));
  });
});
