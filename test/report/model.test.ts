/** The report's figures on a small team: rates, averages, mastery, improvement, filters, sorting. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport, filterLearners, sortLearners, summarize, withLearners, type LearnerReport } from '../../src/report/model.ts';
import { attemptOf, CHECK_NAMES, lessonOfRole, NOW, outline, progressWith, suspendDataOf } from './fixtures.ts';

const diagnostic = lessonOfRole('diagnostic');
const final = lessonOfRole('assessment');
const firstFinal = final.scenarios[0];
if (!firstFinal || !diagnostic.scenarios[0]) throw new Error('the course needs a diagnostic and a final rewrite');

// Ana: diagnostic 40, every final rewrite 90, every final question right first time.
const anaProgress = progressWith({ score: 40, checks: { subject: 30, 'clear-ask': 20 } }, 90, { concise: 90, 'clear-ask': 70 });
const anaFinal = Math.round((90 * final.scenarios.length + 100 * final.questions.length) / (final.scenarios.length + final.questions.length));

const ana = attemptOf(
  {
    team: 'Sales',
    committed_at: '2024-06-03T12:00:00Z',
    cmi: {
      learner_id: 'ana',
      learner_name: 'Ana Silva',
      completion_status: 'completed',
      success_status: 'passed',
      score: { raw: '90', min: '0', max: '100' },
      total_time: 'PT1H',
      suspend_data: suspendDataOf(anaProgress),
      objectives: {
        '0': { id: 'skill_subject', success_status: 'passed', score: { raw: '95' } },
        '1': { id: 'skill_clear_ask', success_status: 'failed', score: { raw: '60' } },
      },
      interactions: {
        '0': { id: `${firstFinal.id}_1`, type: 'long-fill-in', learner_response: 'Subject: Power cut Friday 6–8 pm. Hi Sam, …', result: 'correct', timestamp: '2024-06-03T11:00:00.0Z' },
        '1': { id: 'final_q_habits', type: 'choice', learner_response: 'a', result: 'correct' },
      },
    },
  },
  'team.jsonl:1',
);
// Ben: two 1.2 attempts, the later one (by date) read first: failed wins over incomplete.
const benLater = attemptOf(
  { team: 'Sales', committed_at: '2024-05-20T09:00:00Z', cmi: { core: { student_id: 'ben', student_name: 'Ben Okafor', lesson_status: 'failed', score: { raw: '70' }, total_time: '0000:30:00.00' }, objectives: [{ id: 'skill_subject', status: 'passed', score: { raw: '85' } }, { id: 'skill_clear_ask', status: 'failed', score: { raw: '50' } }] } },
  'team.jsonl:2',
);
const benEarlier = attemptOf(
  { team: 'Sales', committed_at: '2024-05-01T09:00:00Z', cmi: { core: { student_id: 'ben', student_name: 'Ben Okafor', lesson_status: 'incomplete', total_time: '0000:20:00.00' } } },
  'team.jsonl:3',
);
const chloe = attemptOf({ team: 'Support', committed_at: '2024-06-10T08:00:00Z', cmi: { learner_id: 'chloe', learner_name: 'Chloé Martin', completion_status: 'incomplete', success_status: 'unknown', session_time: 'PT10M' } }, 'team.jsonl:4');
const dev = attemptOf({ team: 'Support', cmi: { learner_id: 'dev', learner_name: 'Dev Patel', completion_status: 'not attempted', total_time: 'PT0S' } }, 'team.jsonl:5');

const model = buildReport([ana, benLater, benEarlier, chloe, dev], outline, { checkNames: CHECK_NAMES, now: NOW });
const byId = (id: string): LearnerReport => {
  const learner = model.learners.find((l) => l.id === id);
  if (!learner) throw new Error(`no learner ${id}`);
  return learner;
};

describe('the learners', () => {
  it('has one row per learner, the latest attempt (by date) giving the status, attempts counted, time added up', () => {
    assert.deepEqual(
      model.learners.map((l) => [l.name, l.team, l.status, l.score, l.attempts, l.seconds]),
      [
        ['Ana Silva', 'Sales', 'passed', 90, 1, 3600],
        ['Ben Okafor', 'Sales', 'failed', 70, 2, 3000],
        ['Chloé Martin', 'Support', 'incomplete', null, 1, 600],
        ['Dev Patel', 'Support', 'not-attempted', null, 1, 0],
      ],
    );
    assert.equal(byId('ben').completedAt, Date.UTC(2024, 4, 20, 9));
    assert.equal(byId('chloe').completedAt, null, 'not finished: no completion date');
    assert.equal(byId('chloe').lastActiveAt, Date.UTC(2024, 5, 10, 8));
    assert.equal(byId('dev').lastActiveAt, null);
    assert.deepEqual(byId('ben').sources, ['team.jsonl:3', 'team.jsonl:2']);
  });

  it("scores each check from the LMS's objective, else from the saved progress; mastered at 80 or an objective passed", () => {
    const a = byId('ana').checks;
    assert.deepEqual(a.subject, { score: 95, mastered: true, diagnostic: 30, final: null });
    assert.deepEqual(a['clear-ask'], { score: 60, mastered: false, diagnostic: 20, final: 70 }, 'the objective wins over saved progress');
    assert.deepEqual(a.concise, { score: 90, mastered: true, diagnostic: null, final: 90 }, 'no objective: the final assessment from suspend_data');
    assert.equal(a['one-topic'].score, null);
    assert.equal(byId('ana').masteredCount, 2);
    assert.deepEqual(byId('ben').checks.subject, { score: 85, mastered: true, diagnostic: null, final: null });
    assert.equal(byId('ben').checks['clear-ask'].mastered, false);
  });

  it('measures the improvement from the diagnostic rewrite to the final assessment from suspend_data', () => {
    assert.equal(byId('ana').diagnosticScore, 40);
    assert.equal(byId('ana').finalScore, anaFinal);
    assert.equal(byId('ana').improvement, anaFinal - 40);
    assert.equal(byId('ben').improvement, null, 'no suspend_data, no improvement');
  });

  it("lists the learner's rewrites: saved scores and per-check results joined with the LMS's text", () => {
    const rewrites = byId('ana').rewrites;
    assert.equal(rewrites.length, 1 + final.scenarios.length, 'the diagnostic and every final rewrite; questions are not rewrites');
    assert.deepEqual(
      rewrites.map((r) => [r.scenarioId, r.tryNumber, r.score]),
      [[diagnostic.scenarios[0]?.id, 1, 40], ...final.scenarios.map((s) => [s.id, 1, 90])],
    );
    const withText = rewrites.find((r) => r.scenarioId === firstFinal.id);
    assert.equal(withText?.text, 'Subject: Power cut Friday 6–8 pm. Hi Sam, …');
    assert.equal(withText?.passed, true);
    assert.deepEqual(withText?.checks, { concise: 90, 'clear-ask': 70 });
    assert.equal(withText?.scenarioTitle, firstFinal.title);
    assert.equal(byId('ana').hasLearnerText, true);
    assert.equal(byId('ben').rewrites.length, 0);
  });

  it('gives a rewrite its line breaks back when it is the draft kept in saved progress', () => {
    const progress = progressWith({ score: 40, checks: {} }, 90, {});
    const kept = { subject: 'Power cut Friday 6–8 pm', body: 'Hi Sam,\n\nThe power is off on Friday.\n\nThanks,\nAna' };
    progress.exercises[firstFinal.id] = { ...progress.exercises[firstFinal.id]!, draft: kept };
    const record = (response: string) =>
      attemptOf({
        cmi: {
          learner_id: 'eve',
          completion_status: 'completed',
          suspend_data: suspendDataOf(progress),
          interactions: { '0': { id: `${firstFinal.id}_1`, type: 'long-fill-in', learner_response: response, result: 'correct' } },
        },
      });
    const textOf = (response: string) =>
      buildReport([record(response)], outline, { checkNames: CHECK_NAMES, now: NOW }).learners[0]?.rewrites.find((r) => r.scenarioId === firstFinal.id)?.text;
    // As the course reports it: subject, blank line, body, all on one line.
    assert.equal(textOf('Power cut Friday 6–8 pm Hi Sam, The power is off on Friday. Thanks, Ana'), `${kept.subject}\n\n${kept.body}`);
    assert.equal(textOf('An earlier try, on one line'), 'An earlier try, on one line', 'another text stays as the LMS kept it');
  });

  it("notes suspend_data that isn't this course's, and uses the objectives alone", () => {
    const foreign = attemptOf({ cmi: { learner_id: 'x', suspend_data: 'not ours', completion_status: 'incomplete' } }, 'other.json');
    const report = buildReport([foreign], outline, { checkNames: CHECK_NAMES, now: NOW });
    assert.equal(report.learners[0]?.status, 'incomplete');
    assert.match(report.problems[0]?.message ?? '', /cmi\.suspend_data is not this course's saved progress/);
    assert.equal(report.problems[0]?.where, 'other.json');
  });
});

describe('the team summary', () => {
  const s = model.summary;

  it('gives completion and pass rates over every learner, and averages over those with a figure', () => {
    assert.equal(s.learners, 4);
    assert.equal(s.finished, 2);
    assert.equal(s.completionRate, 0.5);
    assert.equal(s.passed, 1);
    assert.equal(s.passRate, 0.25);
    assert.equal(s.averageScore, 80);
    assert.equal(s.scored, 2);
    assert.equal(s.averageSeconds, (3600 + 3000 + 600) / 3, 'time over learners who started');
    assert.equal(s.timed, 3);
    assert.equal(s.averageImprovement, anaFinal - 40);
    assert.equal(s.improvers, 1);
  });

  it('gives each skill the share of the learners assessed on it who mastered it, and the weakest skills first', () => {
    const skill = (id: string) => s.skills.find((k) => k.check === id);
    // Two of four learners haven't reached subject lines: 2 of the 2 assessed mastered them.
    assert.deepEqual([skill('subject')?.mastered, skill('subject')?.assessed, skill('subject')?.notAssessed, skill('subject')?.share, skill('subject')?.averageScore], [2, 2, 2, 1, 90]);
    assert.deepEqual([skill('clear-ask')?.mastered, skill('clear-ask')?.assessed, skill('clear-ask')?.share, skill('clear-ask')?.averageScore], [0, 2, 0, 55]);
    assert.deepEqual([skill('concise')?.mastered, skill('concise')?.assessed, skill('concise')?.share], [1, 1, 1]);
    assert.equal(skill('clear-ask')?.averageDiagnostic, 20);
    assert.equal(skill('one-topic')?.assessed, 0);
    assert.deepEqual(
      s.weakest.map((k) => k.check),
      ['clear-ask', 'subject', 'concise'],
      'only assessed skills, lowest share of the assessed first, then lowest average',
    );
    assert.equal(s.skills[0]?.name, 'Check subject');
  });

  it('has no rates for nobody, rather than 0%', () => {
    const empty = summarize([], model.checks);
    assert.equal(empty.completionRate, null);
    assert.equal(empty.averageScore, null);
    assert.deepEqual(empty.weakest, []);
  });
});

describe('filters and sorting', () => {
  const ids = (learners: readonly LearnerReport[]) => learners.map((l) => l.id);

  it('filters by team, status and the date of last activity', () => {
    assert.deepEqual(ids(filterLearners(model.learners, { team: 'Sales' })), ['ana', 'ben']);
    assert.deepEqual(ids(filterLearners(model.learners, { statuses: ['incomplete', 'not-attempted'] })), ['chloe', 'dev']);
    assert.deepEqual(ids(filterLearners(model.learners, { from: Date.UTC(2024, 5, 1) })), ['ana', 'chloe'], 'no date: left out of a date range');
    assert.deepEqual(ids(filterLearners(model.learners, { from: Date.UTC(2024, 4, 1), to: Date.UTC(2024, 5, 3, 23, 59) })), ['ana', 'ben']);
    assert.deepEqual(ids(filterLearners(model.learners, { team: 'Support', statuses: ['passed'] })), []);
    assert.deepEqual(ids(filterLearners(model.learners, {})), ['ana', 'ben', 'chloe', 'dev']);
  });

  it("recomputes the team's figures for a filtered set", () => {
    const sales = withLearners(model, filterLearners(model.learners, { team: 'Sales' }));
    assert.equal(sales.summary.learners, 2);
    assert.equal(sales.summary.completionRate, 1);
    assert.equal(sales.summary.passRate, 0.5);
    assert.deepEqual(sales.teams, ['Sales', 'Support']);
  });

  it('sorts by any column either way, missing values last, ties by name', () => {
    assert.deepEqual(ids(sortLearners(model.learners, 'score', 'descending')), ['ana', 'ben', 'chloe', 'dev']);
    assert.deepEqual(ids(sortLearners(model.learners, 'score', 'ascending')), ['ben', 'ana', 'chloe', 'dev']);
    assert.deepEqual(ids(sortLearners(model.learners, 'name', 'descending')), ['dev', 'chloe', 'ben', 'ana']);
    assert.deepEqual(ids(sortLearners(model.learners, 'status')), ['ana', 'ben', 'chloe', 'dev']);
    assert.deepEqual(ids(sortLearners(model.learners, 'team', 'descending')), ['chloe', 'dev', 'ana', 'ben']);
    assert.deepEqual(ids(sortLearners(model.learners, 'time')), ['dev', 'chloe', 'ben', 'ana']);
    assert.deepEqual(ids(sortLearners(model.learners, 'clear-ask')), ['ben', 'ana', 'chloe', 'dev']);
    assert.deepEqual(ids(sortLearners(model.learners, 'improvement', 'descending')), ['ana', 'ben', 'chloe', 'dev']);
  });
});
