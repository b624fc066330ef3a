import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asStrictGetValue, commitBody, durationSeconds, mergeElements, moodleName, parseCommitBody, refusal } from '../../scorm/preview/strict-rules.ts';

describe('the strict preview’s rules', () => {
  it('refuses what strict LMSs refuse, with their error codes', () => {
    assert.equal(refusal('12', 'cmi.suspend_data', 'x'.repeat(4097))?.code, '405');
    assert.equal(refusal('12', 'cmi.suspend_data', 'x'.repeat(4096)), undefined);
    assert.equal(refusal('12', 'cmi.core.lesson_location', 'x'.repeat(256))?.code, '405');
    assert.equal(refusal('12', 'cmi.interactions.3.student_response', 'x'.repeat(256))?.code, '405');
    assert.equal(refusal('12', 'cmi.interactions.3.student_response', 'a\nb')?.code, '405');
    assert.equal(refusal('2004', 'cmi.interactions.0.learner_response', 'Hi\nthere')?.code, '406');
    assert.equal(refusal('2004', 'cmi.interactions.0.description', 'one\r\ntwo')?.code, '406');
    assert.equal(refusal('2004', 'cmi.comments_from_learner.0.comment', 'a\nb')?.code, '406');
    assert.equal(refusal('2004', 'cmi.interactions.0.timestamp', '2026-01-02T03:04:05.123Z')?.code, '406');
    assert.equal(refusal('2004', 'cmi.interactions.0.timestamp', '2026-01-02T03:04:05.12Z'), undefined);
    assert.equal(refusal('2004', 'cmi.session_time', 'PT1M2.345S')?.code, '406');
    assert.equal(refusal('2004', 'cmi.session_time', 'PT1M2.34S'), undefined);
    assert.equal(refusal('2004', 'cmi.suspend_data', 'x'.repeat(5000)), undefined);
  });

  it('answers numbers for counts and scores, text for the rest', () => {
    assert.equal(asStrictGetValue('cmi.interactions._count', '6'), 6);
    assert.equal(asStrictGetValue('cmi.core.score.raw', '85'), 85);
    assert.equal(asStrictGetValue('cmi.score.scaled', '0.85'), 0.85);
    assert.equal(asStrictGetValue('cmi.score.raw', ''), '');
    assert.equal(asStrictGetValue('cmi.location', '12'), '12');
  });

  it('posts commits as Moodle names them, and stores them back in the record’s shape', () => {
    assert.equal(moodleName('cmi.interactions.12.id'), 'cmi__interactions__N12__id');
    const elements = new Map([
      ['cmi.interactions.0.id', 'q1'],
      ['cmi.interactions.0.learner_response', 'a[,]b & c'],
      ['cmi.core.lesson_status', 'incomplete'],
    ]);
    const parsed = parseCommitBody(commitBody(elements));
    assert.deepEqual([...parsed], [...elements]);
    assert.deepEqual(parseCommitBody('cmi__x=1&__proto__=2&evil=3'), new Map([['cmi.x', '1']]));
    const merged = mergeElements({ interactions: { '0': { id: 'old', result: 'correct' } } }, new Map([['cmi.interactions.1.id', 'new'], ['cmi.core.lesson_status', 'passed']]));
    assert.deepEqual(merged, { interactions: { '0': { id: 'old', result: 'correct' }, '1': { id: 'new' } }, core: { lesson_status: 'passed' } });
    assert.deepEqual(mergeElements(undefined, new Map([['cmi.__proto__.x', '1']])), {});
  });

  it('reads both versions’ durations', () => {
    assert.equal(durationSeconds('0001:02:03.5'), 3723.5);
    assert.equal(durationSeconds('PT1H2M3.5S'), 3723.5);
    assert.equal(durationSeconds('PT0S'), 0);
    assert.equal(durationSeconds('nonsense'), 0);
  });
});
