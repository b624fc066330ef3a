import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeEmail, CHECK_IDS, type AnalysisResult, type EmailInput } from '../../src/analyzer/index.ts';
import { normaliseWord } from '../../src/analyzer/scenario/tokens.ts';

/** Every invariant of the contract that must hold for any input whatsoever. */
function assertValid(input: EmailInput, result: AnalysisResult): void {
  assert.ok(Number.isInteger(result.score) && result.score >= 0 && result.score <= 100, `score ${result.score}`);
  assert.deepEqual(
    result.checks.map((c) => c.id),
    [...CHECK_IDS],
  );
  for (const c of result.checks) {
    assert.ok(c.score >= 0 && c.score <= 1, `${c.id} score ${c.score}`);
    assert.equal(typeof c.message, 'string');
    assert.ok(c.message.length > 0);
    for (const f of c.findings) {
      const text = f.field === 'body' ? input.body : input.subject;
      assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), 'integer offsets');
      assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${c.id} finding ${f.start}-${f.end} in ${text.length}`);
      assert.ok(f.message.length > 0);
    }
  }
}

const emailText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom('Hi Tom,', '\n', '\r\n', 'Could you approve it by Friday?', 'P.S. ', '> quoted', 'ASAP!!!', 'MFA', '(', ')', '.', ' ', '😊', 'مرحبا', '<b>', '&nbsp;', 'Thanks,', 'Dan'), { maxLength: 60 }).map((parts) => parts.join('')),
);

describe('robustness', () => {
  it('returns a valid result with in-bounds offsets for any subject and body', () => {
    fc.assert(
      fc.property(emailText, emailText, fc.constantFrom(undefined, 'request', 'follow-up', 'update', 'announcement'), (subject, body, kind) => {
        const input: EmailInput = kind ? { subject, body, context: { kind } } : { subject, body };
        assertValid(input, analyzeEmail(input));
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: the same input gives the same result', () => {
    fc.assert(
      fc.property(emailText, emailText, (subject, body) => {
        assert.deepEqual(analyzeEmail({ subject, body }), analyzeEmail({ subject, body }));
      }),
      { numRuns: 100 },
    );
  });

  it('greets an empty email with a friendly message instead of an error', () => {
    for (const body of ['', '   ', '\n\n\t']) {
      const result = analyzeEmail({ subject: '', body });
      assert.equal(result.score, 0);
      assert.ok(result.checks.every((c) => !c.applicable && /write your email first/i.test(c.message)));
    }
  });

  it('survives hostile input without throwing', () => {
    const hostile: Record<string, string> = {
      '1 MB of words': 'word '.repeat(200_000),
      '1 MB without spaces': 'a'.repeat(1_000_000),
      '1 MB of newlines': '\n'.repeat(1_000_000),
      'pasted HTML': '<div><p>Hi <b>Tom</b>,</p><p>Could you approve this &amp; that by Friday?</p></div>',
      'emoji': 'Hi 👋 team,\n\nCould you 🙏 send the report by Friday? 🎉\n\nThanks 😊',
      'right-to-left': 'مرحبا فريق، هل يمكنكم إرسال التقرير بحلول يوم الجمعة؟ شكرا',
      'CRLF': 'Hi Tom,\r\n\r\nCould you approve this by Friday 14 June?\r\n\r\nThanks,\r\nDan',
      'control characters': 'Hi\u0000\u0007 Tom,\u001b[31m\n\nPlease\u200b send it.\u202e',
      'lone surrogates': '\ud800 Hi \udfff',
      'brackets': '('.repeat(5000) + ')'.repeat(5000),
    };
    for (const [name, body] of Object.entries(hostile)) {
      const input = { subject: name, body };
      assert.doesNotThrow(() => assertValid(input, analyzeEmail(input)), name);
    }
  });

  it("words that name what every JavaScript object inherits are read as words, not looked up on the prototype", () => {
    const body = 'Hi Sam,\n\nThe constructor arrives Friday at 9: could you let him in by then, and check the tostring and valueof readings?\n\nThanks,\nAna';
    const result = analyzeEmail({ subject: 'Builder on Friday: please let him in', body, context: { kind: 'request' } });
    for (const c of result.checks) {
      for (const f of c.findings) assert.doesNotMatch(`${f.message} ${f.suggestion ?? ''}`, /native code|function /, `${c.id}: ${f.message}`);
    }
    assert.equal(result.checks.find((c) => c.id === 'plain-language')?.findings.length, 0, '"constructor" is an everyday word here');
    for (const word of ['constructor', 'hasownproperty', 'tostring', 'valueof']) assert.equal(typeof normaliseWord(word), 'string', word);
  });

  it('never throws on input of the wrong shape', () => {
    for (const bad of [null, undefined, 42, 'text', [], { subject: 3, body: null }, { subject: 'x', body: 'y', context: 'no' }]) {
      const result = analyzeEmail(bad as unknown as EmailInput);
      assert.equal(result.checks.length, CHECK_IDS.length);
    }
  });

  it('reads a pasted HTML email like its text', () => {
    const html = analyzeEmail({ subject: 'Approve laptops by Friday', body: '<p>Hi Ann,</p><p>Could you approve the laptops by Friday 5 July? It saves £400.</p><p>Thanks,<br>Bo</p>' });
    const clear = html.checks.find((c) => c.id === 'clear-ask');
    assert.equal(clear?.passed, true, clear?.message);
  });

  it('treats CRLF line endings exactly like LF', () => {
    const lf = 'Hi Tom,\n\nCould you approve this by Friday 14 June? It saves $400.\n\nThanks,\nDan';
    const a = analyzeEmail({ subject: 'Approve by Fri', body: lf });
    const b = analyzeEmail({ subject: 'Approve by Fri', body: lf.replace(/\n/g, '\r\n') });
    assert.deepEqual(
      a.checks.map((c) => [c.id, c.passed, c.score]),
      b.checks.map((c) => [c.id, c.passed, c.score]),
    );
  });
});
