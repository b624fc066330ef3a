import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseParts } from '../../src/analyzer/parts.ts';

const slice = (text: string, span: { start: number; end: number } | null) => (span ? text.slice(span.start, span.end) : null);

describe('email parts', () => {
  it('finds a warm greeting, the main text and a closing with signature', () => {
    const body = 'Hi Margaret,\n\nCould you approve it?\n\nThanks,\nDan Okafor\nHead of IT';
    const p = parseParts(body);
    assert.equal(slice(body, p.greeting), 'Hi Margaret,');
    assert.equal(p.greeting?.kind, 'warm');
    assert.equal(slice(body, p.main)?.trim(), 'Could you approve it?');
    assert.equal(slice(body, p.signOff), 'Thanks,\nDan Okafor\nHead of IT');
    assert.equal(p.closingWarm, true);
  });

  it('treats a bare name line as a greeting that is not warm', () => {
    const body = 'Tom,\n\nThe report is late.\n\nLucy';
    const p = parseParts(body);
    assert.equal(p.greeting?.kind, 'name-only');
    assert.equal(slice(body, p.signOff), 'Lucy');
    assert.equal(p.closingWarm, false);
  });

  it('finds a greeting at the start of a line of prose', () => {
    const body = 'Dan — the scanners are still dropping out.';
    const p = parseParts(body);
    assert.equal(slice(body, p.greeting), 'Dan — ');
    assert.equal(slice(body, p.main), 'the scanners are still dropping out.');
  });

  it('leaves quoted replies and forwarded messages out of the writer’s text', () => {
    const quotes = [
      'Thanks,\nDan\n\n> Original text\n> more',
      'Thanks,\nDan\n\nOn Mon, 3 June 2024 at 09:00, Claire wrote:\nold text',
      'Thanks,\nDan\n\n---------- Forwarded message ---------\nFrom: Someone',
      'Thanks,\nDan\n\nFrom: Claire Whitmore\nSent: 14 June 2024 09:12\nSubject: old',
    ];
    for (const tail of quotes) {
      const body = `Hi Jo,\n\nPlease send the list by Friday.\n\n${tail}`;
      const p = parseParts(body);
      assert.ok(p.quoted, tail);
      assert.equal(slice(body, p.main)?.trim(), 'Please send the list by Friday.');
      assert.ok(!slice(body, p.main)?.includes('old'));
    }
  });

  it('keeps a P.S. apart from the main text, after the signature', () => {
    const body = 'Hi Gary,\n\nCan you confirm by Wednesday?\n\nThanks,\nDan\n\nP.S. Are you still selling your tickets?';
    const p = parseParts(body);
    assert.equal(p.postscripts.length, 1);
    assert.equal(slice(body, p.postscripts[0] ?? null), 'P.S. Are you still selling your tickets?');
    assert.equal(slice(body, p.signOff), 'Thanks,\nDan');
  });

  it('does not mistake a sentence of thanks inside the text for the sign-off', () => {
    const body = 'Hi team,\n\nPatching is complete. Thanks to Chris and Zoe for covering the overnight window.\n\nRaj';
    const p = parseParts(body);
    assert.ok(slice(body, p.main)?.includes('Thanks to Chris'));
    assert.equal(slice(body, p.signOff), 'Raj');
  });

  it('handles a body with only a greeting, or nothing at all', () => {
    assert.equal(parseParts('').greeting, null);
    const p = parseParts('Hi Tom,');
    assert.equal(p.main.start <= p.main.end, true);
  });
});
