import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEmailFile } from '../../src/evaluation/email-file.ts';
import { CliError } from '../../src/node/fail.ts';

describe('parseEmailFile', () => {
  it('reads the headers and keeps the body after the blank line exactly', () => {
    const text = 'Subject: Approve the budget by Friday\nKind: request\nAudience: technical\n\nHi Jo,\n\nCould you approve it?\n';
    assert.deepEqual(parseEmailFile(text, 'e.txt'), {
      subject: 'Approve the budget by Friday',
      body: 'Hi Jo,\n\nCould you approve it?\n',
      context: { kind: 'request', audience: 'technical' },
    });
  });

  it('takes header names and kind/audience values in any case', () => {
    const email = parseEmailFile('SUBJECT:  Padded subject  \nkind: Follow-Up\nAUDIENCE: Non-Technical\n\nBody', 'e.txt');
    assert.deepEqual(email, {
      subject: 'Padded subject',
      body: 'Body',
      context: { kind: 'follow-up', audience: 'non-technical' },
    });
  });

  it('has no context when only a subject is given', () => {
    assert.deepEqual(parseEmailFile('Subject: Hello\n\nBody', 'e.txt'), { subject: 'Hello', body: 'Body' });
  });

  it('treats a file without header lines as all body, even if a line looks like a header', () => {
    const text = 'Hi team,\nSubject: not a header here\n\nNote: bring a laptop.';
    assert.deepEqual(parseEmailFile(text, 'e.txt'), { subject: '', body: text });
    assert.deepEqual(parseEmailFile('Note: the office is closed.\n', 'e.txt'), { subject: '', body: 'Note: the office is closed.\n' });
  });

  it('keeps blank lines that belong to the body', () => {
    assert.equal(parseEmailFile('Subject: S\n\n\nBody after two blank lines', 'e.txt').body, '\nBody after two blank lines');
  });

  it('gives an empty body when the file holds only headers', () => {
    assert.deepEqual(parseEmailFile('Subject: Only a subject', 'e.txt'), { subject: 'Only a subject', body: '' });
  });

  it('reads CRLF (and lone CR) line endings as LF, in headers and body', () => {
    const email = parseEmailFile('Subject: Hi\r\nKind: update\r\n\r\nLine one\r\nLine two\rLine three\r\n', 'e.txt');
    assert.deepEqual(email, { subject: 'Hi', body: 'Line one\nLine two\nLine three\n', context: { kind: 'update' } });
    assert.equal(parseEmailFile('No headers\r\nhere', 'e.txt').body, 'No headers\nhere');
  });

  it('refuses an unknown kind or audience, naming the file and line', () => {
    assert.throws(() => parseEmailFile('Subject: S\nKind: reminder\n\nBody', 'e.txt'), (error: unknown) => {
      assert.ok(error instanceof CliError);
      assert.match(error.message, /^e\.txt:2: Kind: "reminder" is not a kind \(use request, follow-up/);
      return true;
    });
    assert.throws(() => parseEmailFile('Audience: managers\n\nBody', 'e.txt'), /e\.txt:1: Audience: "managers" is not an audience/);
  });

  it('refuses a header block that runs into the body without a blank line', () => {
    assert.throws(() => parseEmailFile('Subject: S\nHi Jo,\nBody', 'e.txt'), /e\.txt:2: expected a header .* or the blank line/);
  });

  it('refuses unknown and repeated headers', () => {
    assert.throws(() => parseEmailFile('Subject: S\nTo: jo@example.com\n\nBody', 'e.txt'), /e\.txt:2: expected a header/);
    assert.throws(() => parseEmailFile('Subject: S\nSubject: T\n\nBody', 'e.txt'), /e\.txt:2: the subject header is given twice/);
  });
});
