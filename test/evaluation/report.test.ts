import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalysisResult, CheckResult, EmailInput } from '../../src/analyzer/index.ts';
import { CHECK_IDS } from '../../src/analyzer/index.ts';
import { quoteExcerpt, renderReport } from '../../src/evaluation/report.ts';

// A hand-made result, so the rendering is tested apart from the analyzer's (changing) scores.
const input: EmailInput = {
  subject: 'Quick one',
  body: 'Hi Jo,\nAs I already said, send it ASAP.\nThanks',
  context: { kind: 'request' },
};

function check(id: CheckResult['id'], overrides: Partial<CheckResult> = {}): CheckResult {
  return { id, applicable: true, passed: true, score: 1, message: `${id} is fine`, findings: [], ...overrides };
}

const result: AnalysisResult = {
  score: 71.4,
  checks: CHECK_IDS.map((id) => check(id)).map((c) => {
    if (c.id === 'subject') {
      return { ...c, passed: false, score: 0.2, message: 'The subject is vague.', findings: [{ field: 'subject', start: 0, end: 9, message: 'Vague subject', suggestion: 'Name the topic and the deadline.' }] };
    }
    if (c.id === 'courteous') {
      return { ...c, passed: false, score: 0.4, message: 'Reads as a demand.', findings: [{ field: 'body', start: 7, end: 24, message: 'Sounds impatient' }] };
    }
    return c.id === 'follow-up' ? { ...c, applicable: false, passed: true, message: 'Not a follow-up.' } : c;
  }),
};

describe('renderReport', () => {
  const report = renderReport(input, result);
  const lines = report.split('\n');

  it('starts with the subject, context and overall score', () => {
    assert.equal(lines[0], 'Subject: "Quick one"  [request]');
    assert.equal(lines[1], 'Score: 71/100 (6 of 8 applicable checks passed)');
  });

  it('gives every check a line with its status, score and message', () => {
    for (const id of CHECK_IDS) assert.ok(lines.some((l) => l.includes(` ${id} `)), `no line for ${id}`);
    assert.match(report, /^FAIL {2}subject +0\.20 {2}The subject is vague\.$/m);
    assert.match(report, /^pass {2}one-topic +1\.00 {2}one-topic is fine$/m);
    assert.match(report, /^n\/a {3}follow-up +Not a follow-up\.$/m);
  });

  it('lists findings with field, offsets, the quoted excerpt, message and suggestion', () => {
    assert.match(report, /subject 0–9: "Quick one"\n +Vague subject\n +Suggestion: Name the topic and the deadline\./);
    assert.match(report, /body 7–24: "As I already said"\n +Sounds impatient\n/);
  });
});

describe('quoteExcerpt', () => {
  it('escapes line breaks and shortens long excerpts in the middle', () => {
    assert.equal(quoteExcerpt(input, { field: 'body', start: 0, end: 9, message: '' }), '"Hi Jo,\\nAs"');
    const long: EmailInput = { subject: '', body: `${'a'.repeat(100)}END` };
    const quoted = quoteExcerpt(long, { field: 'body', start: 0, end: 103, message: '' });
    assert.ok(quoted.length <= 82 && quoted.includes('…') && quoted.endsWith('END"'), quoted);
  });

  it('says so when offsets fall outside the text instead of quoting garbage', () => {
    assert.match(quoteExcerpt(input, { field: 'subject', start: 3, end: 99, message: '' }), /offsets out of range: the subject has 9 characters/);
    assert.match(quoteExcerpt(input, { field: 'body', start: 5, end: 2, message: '' }), /offsets out of range/);
  });
});
