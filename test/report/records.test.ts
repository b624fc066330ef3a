/** Learner records as scorm-again commits them: SCORM 2004 and 1.2 names, JSON Lines, bad input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatProblem, parseDuration, parseLearnerRecord, parseRecordsText, parseTimestamp } from '../../src/report/records.ts';

const RECORD_2004 = {
  team: 'Sales',
  committed_at: '2024-06-03T10:15:00.0Z',
  cmi: {
    learner_id: 'e1042',
    learner_name: 'Priya Natarajan',
    completion_status: 'completed',
    success_status: 'passed',
    score: { scaled: '0.88', raw: '88', min: '0', max: '100' },
    total_time: 'PT1H2M3.5S',
    session_time: 'PT20M',
    suspend_data: 'p1:abc',
    objectives: {
      '0': { id: 'skill_subject', success_status: 'passed', completion_status: 'completed', score: { scaled: '0.9', raw: '90', min: '0', max: '100' } },
      '1': { id: 'skill_clear_ask', success_status: 'failed', completion_status: 'completed', score: { scaled: '', raw: '', min: '', max: '' } },
    },
    interactions: {
      '1': { id: 'final_laptops_follow_up_2', type: 'long-fill-in', learner_response: 'Laptops by Fri', result: 'correct', timestamp: '2024-06-03T10:10:00.0Z' },
      '0': { id: 'final_laptops_follow_up_1', type: 'long-fill-in', learner_response: 'Laptops?', result: 'incorrect', timestamp: '2024-06-03T10:00:00.0Z' },
    },
  },
};

const RECORD_12 = {
  group: 'Support',
  cmi: {
    core: {
      student_id: 'e2210',
      student_name: 'Chen, Wei',
      lesson_status: 'failed',
      score: { raw: '36', min: '0', max: '50' },
      total_time: '0001:02:15.00',
      session_time: '0000:10:00.00',
    },
    suspend_data: '',
    objectives: [{ id: 'skill_subject', status: 'passed', score: { raw: '85', min: '0', max: '100' } }],
    interactions: [{ id: 'diagnostic_new_starter_notice_1', type: 'fill-in', student_response: 'Hi all', result: 'wrong', time: '10:00:00' }],
  },
};

describe('parseLearnerRecord', () => {
  it('reads SCORM 2004 names, objectives and interactions keyed "0", "1", … in index order', () => {
    const { attempt, problems } = parseLearnerRecord(RECORD_2004, 'a.json');
    assert.deepEqual(problems, []);
    assert.ok(attempt);
    assert.equal(attempt.version, '2004');
    assert.equal(attempt.learnerId, 'e1042');
    assert.equal(attempt.learnerName, 'Priya Natarajan');
    assert.equal(attempt.team, 'Sales');
    assert.equal(attempt.status, 'passed');
    assert.equal(attempt.score, 88);
    assert.equal(attempt.seconds, 3723.5);
    assert.equal(attempt.committedAt, Date.UTC(2024, 5, 3, 10, 15));
    assert.equal(attempt.suspendData, 'p1:abc');
    assert.deepEqual(attempt.objectives, [
      { id: 'skill_subject', score: 90, success: 'passed' },
      { id: 'skill_clear_ask', score: null, success: 'failed' },
    ]);
    assert.deepEqual(
      attempt.interactions.map((i) => [i.id, i.type, i.response, i.correct, i.at]),
      [
        ['final_laptops_follow_up_1', 'long-fill-in', 'Laptops?', false, Date.UTC(2024, 5, 3, 10, 0)],
        ['final_laptops_follow_up_2', 'long-fill-in', 'Laptops by Fri', true, Date.UTC(2024, 5, 3, 10, 10)],
      ],
    );
  });

  it('reads SCORM 1.2 cmi.core names, lists as arrays, "wrong" results and a `group` field', () => {
    const { attempt, problems } = parseLearnerRecord(RECORD_12, 'b.json');
    assert.deepEqual(problems, []);
    assert.ok(attempt);
    assert.equal(attempt.version, '1.2');
    assert.equal(attempt.learnerId, 'e2210');
    assert.equal(attempt.learnerName, 'Chen, Wei');
    assert.equal(attempt.team, 'Support');
    assert.equal(attempt.status, 'failed');
    assert.equal(attempt.score, 72, 'raw 36 of 0–50 is 72 of 100');
    assert.equal(attempt.seconds, 3735);
    assert.equal(attempt.committedAt, null);
    assert.deepEqual(attempt.objectives, [{ id: 'skill_subject', score: 85, success: 'passed' }]);
    assert.equal(attempt.interactions[0]?.response, 'Hi all');
    assert.equal(attempt.interactions[0]?.correct, false);
    assert.equal(attempt.interactions[0]?.at, null, "a 1.2 time of day has no date");
  });

  it('maps every status of both versions', () => {
    const status12 = (lesson_status: string) => parseLearnerRecord({ cmi: { core: { student_id: 'x', lesson_status } } }, 'r').attempt?.status;
    assert.deepEqual(['passed', 'failed', 'completed', 'incomplete', 'browsed', 'not attempted', ''].map(status12), ['passed', 'failed', 'completed', 'incomplete', 'incomplete', 'not-attempted', 'not-attempted']);
    const status2004 = (completion_status: string, success_status: string) => parseLearnerRecord({ cmi: { learner_id: 'x', completion_status, success_status } }, 'r').attempt?.status;
    assert.equal(status2004('completed', 'passed'), 'passed');
    assert.equal(status2004('completed', 'failed'), 'failed');
    assert.equal(status2004('completed', 'unknown'), 'completed');
    assert.equal(status2004('incomplete', 'unknown'), 'incomplete');
    assert.equal(status2004('not attempted', 'unknown'), 'not-attempted');
    assert.equal(status2004('unknown', ''), 'not-attempted');
  });

  it('uses the session time when the total is missing or zero, and a scaled score when raw is empty', () => {
    const { attempt } = parseLearnerRecord({ cmi: { learner_id: 'x', total_time: 'PT0S', session_time: 'PT10M', score: { raw: '', scaled: '0.755' } } }, 'r');
    assert.equal(attempt?.seconds, 600);
    assert.equal(attempt?.score, 75.5);
  });

  it('skips a record without cmi or without a learner, saying why', () => {
    assert.match(parseLearnerRecord({ data: {} }, 'f:1').problems[0]?.message ?? '', /no "cmi" object; record skipped/);
    assert.match(parseLearnerRecord([], 'f:1').problems[0]?.message ?? '', /expected a learner record like \{"cmi": \{…\}\}, not an array/);
    const noLearner = parseLearnerRecord({ cmi: { completion_status: 'completed' } }, 'f:1');
    assert.equal(noLearner.attempt, null);
    assert.match(noLearner.problems[0]?.message ?? '', /no learner: cmi\.learner_id and learner_name are both missing/);
  });

  it('keeps a record whose fields are wrong, ignoring those fields with a note each', () => {
    const { attempt, problems } = parseLearnerRecord({ team: 7, committed_at: 'yesterday', cmi: { learner_name: 'Ana', score: { raw: 'lots' }, total_time: '1 hour', objectives: 'none' } }, 'f:4');
    assert.ok(attempt);
    assert.equal(attempt.learnerId, 'Ana', 'the name stands in for a missing id');
    assert.equal(attempt.score, null);
    assert.equal(attempt.seconds, null);
    assert.deepEqual(
      problems.map(formatProblem),
      [
        'f:4: cmi.score.raw "lots" is not a number; ignored',
        'f:4: cmi.total_time "1 hour" is not a duration (PT1H2M3S or 0001:02:03.00); ignored',
        'f:4: "team" should be text, not a number; ignored',
        'f:4: committed_at "yesterday" is not an ISO 8601 date and time; ignored',
        'f:4: cmi.objectives should be a list, not a string; ignored',
      ],
    );
    assert.ok(problems.every((p) => !p.skipped));
  });
});

describe('parseRecordsText', () => {
  it('reads JSON Lines, naming the file and line of a malformed line and keeping the rest', () => {
    const text = [JSON.stringify(RECORD_2004), '', '{"cmi": {"learner_id": "x",', JSON.stringify(RECORD_12), '"just text"'].join('\n');
    const { attempts, problems } = parseRecordsText(text, 'records.jsonl');
    assert.deepEqual(
      attempts.map((a) => [a.source, a.learnerId]),
      [
        ['records.jsonl:1', 'e1042'],
        ['records.jsonl:4', 'e2210'],
      ],
    );
    assert.equal(problems.length, 2);
    assert.equal(problems[0]?.where, 'records.jsonl:3');
    assert.match(problems[0]?.message ?? '', /^not valid JSON \(.+\); line skipped$/);
    assert.ok(problems[0]?.skipped);
    assert.equal(formatProblem(problems[1]!), 'records.jsonl:5: expected a learner record like {"cmi": {…}}, not a string; record skipped');
  });

  it('reads one pretty-printed record, a JSON array of records, and a byte-order mark', () => {
    const one = parseRecordsText(`\uFEFF${JSON.stringify(RECORD_12, null, 2)}\n`, 'one.json');
    assert.deepEqual(one.problems, []);
    assert.deepEqual(one.attempts.map((a) => a.source), ['one.json']);
    const many = parseRecordsText(JSON.stringify([RECORD_2004, RECORD_12], null, 2), 'many.json');
    assert.deepEqual(many.attempts.map((a) => a.source), ['many.json [record 1]', 'many.json [record 2]']);
  });

  it('names the line of a syntax error in a pretty-printed record', () => {
    const broken = JSON.stringify(RECORD_12, null, 2).replace('"lesson_status": "failed",', '"lesson_status": "failed"');
    const { attempts, problems } = parseRecordsText(broken, 'broken.json');
    assert.equal(attempts.length, 0);
    const line = broken.split('\n').findIndex((l) => l.includes('"score"')) + 1;
    assert.equal(problems[0]?.where, `broken.json:${line}`);
    assert.match(problems[0]?.message ?? '', /not valid JSON .*; file skipped/);
  });

  it('says so for an empty or binary file', () => {
    assert.match(parseRecordsText('  \n', 'e.jsonl').problems[0]?.message ?? '', /the file is empty/);
    assert.match(parseRecordsText('PK\u0003\u0004\u0000\u0000', 'x.zip').problems[0]?.message ?? '', /not a text file/);
  });
});

describe('durations and timestamps', () => {
  it('reads ISO 8601 durations (2004) and HHHH:MM:SS.SS timespans (1.2)', () => {
    assert.equal(parseDuration('PT1H2M3.5S'), 3723.5);
    assert.equal(parseDuration('PT3.05S'), 3.1);
    assert.equal(parseDuration('P1DT1S'), 86401);
    assert.equal(parseDuration('PT0S'), 0);
    assert.equal(parseDuration('0001:02:03.50'), 3723.5);
    assert.equal(parseDuration('00:30:00'), 1800);
    for (const bad of ['', 'P', 'PT', '1 hour', '12:00', 'PT-5S']) assert.equal(parseDuration(bad), undefined, bad);
  });

  it('reads ISO 8601 timestamps with one decimal, as the course writes them', () => {
    assert.equal(parseTimestamp('2024-06-03T10:15:00.0Z'), Date.UTC(2024, 5, 3, 10, 15));
    assert.equal(parseTimestamp('2024-06-03'), Date.UTC(2024, 5, 3));
    assert.equal(parseTimestamp('03/06/2024'), undefined);
  });
});
