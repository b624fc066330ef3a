import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalysisResult } from '../../src/analyzer/index.ts';
import { CHECK_IDS } from '../../src/analyzer/index.ts';
import { compareWithLabels, predictedPass, summarizeByCheck, toLabelledEmails } from '../../src/evaluation/check-eval.ts';
import { parseEmailJsonl } from '../../src/evaluation/jsonl.ts';

const jsonl = [
  '{"id":"e1","subject":"S","body":"B","expect":{"subject":true,"courteous":false,"follow-up":false}}',
  '{"subject":"S","body":"B"}',
].join('\n');

/** A made-up result: subject fails, follow-up not applicable, the rest pass. */
const result: AnalysisResult = {
  score: 50,
  checks: CHECK_IDS.map((id) => ({
    id,
    applicable: id !== 'follow-up',
    passed: id !== 'subject',
    score: 0.5,
    message: `${id} message`,
    findings: [],
  })),
};

describe('labelled emails', () => {
  it('reads ids and labels; a line without expect has none and is named by its line', () => {
    const [first, second] = toLabelledEmails(parseEmailJsonl(jsonl, 'l.jsonl'), 'l.jsonl');
    assert.equal(first?.name, 'e1');
    assert.deepEqual(first?.expect, { subject: true, courteous: false, 'follow-up': false });
    assert.equal(second?.name, 'line 2');
    assert.deepEqual(second?.expect, {});
  });

  it('refuses labels that are not check ids or not booleans', () => {
    const bad = (expect: string) => () => toLabelledEmails(parseEmailJsonl(`{"subject":"S","body":"B","expect":${expect}}`, 'l.jsonl'), 'l.jsonl');
    assert.throws(bad('{"tone":true}'), /l\.jsonl:1: "expect\.tone" is not a check id/);
    assert.throws(bad('{"subject":"yes"}'), /l\.jsonl:1: "expect\.subject" must be true or false/);
    assert.throws(bad('[true]'), /"expect" must be an object/);
  });
});

describe('comparing with labels', () => {
  it('counts not applicable as a predicted pass', () => {
    assert.equal(predictedPass({ applicable: false, passed: false }), true);
    assert.equal(predictedPass({ applicable: true, passed: false }), false);
  });

  it('compares only the labelled checks and summarises them per check', () => {
    const [email] = toLabelledEmails(parseEmailJsonl(jsonl, 'l.jsonl'), 'l.jsonl');
    assert.ok(email);
    const outcomes = compareWithLabels(email, result);
    assert.deepEqual(
      outcomes.map((o) => [o.check, o.expected, o.predicted, o.applicable]),
      [
        ['subject', true, false, true],
        ['courteous', false, true, true],
        ['follow-up', false, true, false],
      ],
    );
    const summaries = summarizeByCheck(outcomes);
    assert.deepEqual(summaries.map((s) => s.check), [...CHECK_IDS]);
    const followUp = summaries.find((s) => s.check === 'follow-up');
    assert.deepEqual(followUp, { check: 'follow-up', counts: { truePositive: 0, falseNegative: 0, falsePositive: 1, trueNegative: 0 }, notApplicable: 1 });
    assert.deepEqual(summaries.find((s) => s.check === 'subject')?.counts, { truePositive: 0, falseNegative: 1, falsePositive: 0, trueNegative: 0 });
  });

  it('fails clearly when the result lacks a labelled check', () => {
    const [email] = toLabelledEmails(parseEmailJsonl(jsonl, 'l.jsonl'), 'l.jsonl');
    assert.ok(email);
    const partial: AnalysisResult = { score: 0, checks: result.checks.filter((c) => c.id !== 'courteous') };
    assert.throws(() => compareWithLabels(email, partial), /result for e1 has no "courteous" check/);
  });
});
