/** The preview LMS's pure parts: what a strict LMS would reject, and the seed of a launch. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommit } from '../../scorm/preview/records.ts';
import { PREVIEW_LEARNER, seedFor } from '../../scorm/preview/seed.ts';
import { describeFinding, findStrictProblems, type StrictFinding } from '../../scorm/preview/strict-checks.ts';
import type { ScormVersion } from '../../scorm/preview/version.ts';

function rules(version: ScormVersion, values: Record<string, string>): string[] {
  return findStrictProblems(version, new Map(Object.entries(values))).map((f: StrictFinding) => `${f.element} ${f.rule}`);
}

describe('strict LMS checks', () => {
  it('passes values within the standard', () => {
    assert.deepEqual(
      rules('12', {
        'cmi.suspend_data': 'x'.repeat(4096),
        'cmi.core.lesson_location': 'y'.repeat(255),
        'cmi.interactions.0.id': 'rewrite_subject_lines_1',
        'cmi.interactions.0.time': '12:34:56',
        'cmi.interactions.0.student_response': 'z'.repeat(255),
        'cmi.objectives.0.id': 'skill_clear_ask',
      }),
      [],
    );
    assert.deepEqual(
      rules('2004', {
        'cmi.suspend_data': 'x'.repeat(64000),
        'cmi.location': 'y'.repeat(1000),
        'cmi.interactions.3.description': 'd'.repeat(250),
        'cmi.interactions.3.timestamp': '2026-11-26T12:34:56.7Z',
        'cmi.interactions.3.learner_response': 'r'.repeat(4000),
      }),
      [],
    );
  });

  it('flags what SCORM 1.2 LMSs reject', () => {
    assert.deepEqual(
      rules('12', {
        'cmi.suspend_data': 'x'.repeat(4097),
        'cmi.core.lesson_location': 'y'.repeat(256),
        'cmi.interactions.0.id': 'q 1',
        'cmi.interactions.0.objectives.0.id': 'skill-clear-ask',
        'cmi.interactions.0.time': '12:34:56.789',
        'cmi.interactions.0.student_response': 'z'.repeat(256),
        'cmi.objectives.10.id': 'unit.one',
      }),
      [
        'cmi.core.lesson_location location-length',
        'cmi.interactions.0.id identifier-characters',
        'cmi.interactions.0.objectives.0.id identifier-characters',
        'cmi.interactions.0.student_response response-length',
        'cmi.interactions.0.time timestamp-milliseconds',
        'cmi.objectives.10.id identifier-characters',
        'cmi.suspend_data suspend-data-length',
      ],
    );
  });

  it('flags what SCORM 2004 LMSs reject, and not the 1.2 limits', () => {
    assert.deepEqual(
      rules('2004', {
        'cmi.suspend_data': 'x'.repeat(64001),
        'cmi.location': 'y'.repeat(1001),
        'cmi.interactions.2.id': 'urn:q/1',
        'cmi.interactions.2.description': 'd'.repeat(251),
        'cmi.objectives.1.description': 'd'.repeat(251),
        'cmi.interactions.2.timestamp': new Date(Date.UTC(2026, 10, 26, 12, 0, 0, 123)).toISOString(),
        'cmi.core.lesson_location': 'y'.repeat(300),
      }),
      [
        'cmi.interactions.2.description description-length',
        'cmi.interactions.2.id identifier-characters',
        'cmi.interactions.2.timestamp timestamp-milliseconds',
        'cmi.location location-length',
        'cmi.objectives.1.description description-length',
        'cmi.suspend_data suspend-data-length',
      ],
    );
    assert.deepEqual(rules('2004', { 'cmi.suspend_data': 'x'.repeat(5000) }), []);
  });

  it('says what is wrong in one line', () => {
    const [finding] = findStrictProblems('12', new Map([['cmi.suspend_data', 'x'.repeat(5000)]]));
    assert.ok(finding);
    assert.equal(describeFinding(finding), 'cmi.suspend_data is 5000 characters; SCORM 1.2 LMSs keep at most 4096, and may truncate or refuse it.');
    const [id] = findStrictProblems('2004', new Map([['cmi.interactions.0.id', 'a b']]));
    assert.ok(id);
    assert.equal(describeFinding(id), 'cmi.interactions.0.id is "a b"; strict LMSs accept only letters, digits and underscores in ids.');
  });
});

describe('the launch seed', () => {
  it('starts a first launch ab-initio with the preview learner and the pass mark', () => {
    assert.deepEqual(seedFor('12', undefined, 80), {
      entry: 'ab-initio',
      cmi: {
        core: { entry: 'ab-initio', student_id: PREVIEW_LEARNER.id, student_name: PREVIEW_LEARNER.name, credit: 'credit', lesson_mode: 'normal' },
        student_data: { mastery_score: '80' },
      },
    });
    assert.deepEqual(seedFor('2004', undefined, 80), {
      entry: 'ab-initio',
      cmi: { entry: 'ab-initio', learner_id: PREVIEW_LEARNER.id, learner_name: PREVIEW_LEARNER.name, credit: 'credit', mode: 'normal', scaled_passing_score: '0.8' },
    });
  });

  it('resumes a record with suspend data, without the last session’s exit and session time', () => {
    const saved = { suspend_data: 'abc', core: { lesson_location: 'l1', exit: 'suspend', session_time: '0000:01:00.00', total_time: '0000:01:00.00', entry: 'ab-initio' } };
    const seed = seedFor('12', saved);
    assert.equal(seed.entry, 'resume');
    assert.deepEqual(seed.cmi['core'], {
      lesson_location: 'l1',
      total_time: '0000:01:00.00',
      entry: 'resume',
      student_id: PREVIEW_LEARNER.id,
      student_name: PREVIEW_LEARNER.name,
      credit: 'credit',
      lesson_mode: 'normal',
    });
    assert.equal(saved.core.exit, 'suspend', 'the stored record is not changed');
    const seed2004 = seedFor('2004', { suspend_data: 'abc', exit: 'suspend', session_time: 'PT1M', location: 'l1' });
    assert.equal(seed2004.entry, 'resume');
    assert.equal(seed2004.cmi['exit'], undefined);
    assert.equal(seed2004.cmi['session_time'], undefined);
    assert.equal(seed2004.cmi['location'], 'l1');
    assert.equal(seedFor('2004', { suspend_data: '', location: 'l1' }).entry, 'ab-initio', 'no suspend data: a fresh start');
  });
});

describe('commit bodies', () => {
  it('are JSON objects with a cmi object, whatever else they hold', () => {
    assert.deepEqual(parseCommit('{"cmi":{"a":1},"extra":true}'), { ok: true, record: { cmi: { a: 1 } } });
    for (const body of ['', '{', '[]', 'null', '{"cmi":null}', '{"cmi":[1]}']) assert.equal(parseCommit(body).ok, false, body);
  });
});
