import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentences } from '../../src/analyzer/sentences.ts';

function split(text: string): string[] {
  return splitSentences(text, [{ span: { start: 0, end: text.length }, region: 'main' }]).sentences.map((s) => s.text);
}

describe('sentences', () => {
  it('splits on full stops, question and exclamation marks', () => {
    assert.deepEqual(split('Could you approve it? It saves $4,200. Thanks!'), ['Could you approve it?', 'It saves $4,200.', 'Thanks!']);
  });

  it('keeps abbreviations, decimals, initials and times inside a sentence', () => {
    assert.deepEqual(split('Call ext. 4400 by 5 p.m. today. Response time is down to 2.1 hours, e.g. for J. Smith.'), [
      'Call ext. 4400 by 5 p.m. today.',
      'Response time is down to 2.1 hours, e.g. for J. Smith.',
    ]);
  });

  it('treats list items and headings as units of their own', () => {
    const text = 'How to set it up:\n1. Install the app\n2. Scan the code\n- Done';
    assert.deepEqual(split(text), ['How to set it up:', '1. Install the app', '2. Scan the code', '- Done']);
    const sentences = splitSentences(text, [{ span: { start: 0, end: text.length }, region: 'main' }]).sentences;
    assert.deepEqual(
      sentences.map((s) => s.listItem),
      [false, true, true, true],
    );
  });

  it('joins a hard-wrapped line with its continuation', () => {
    const text = 'We will replace the old laptops in Finance and Sales during the week of\n15 July, one team at a time.';
    assert.deepEqual(split(text), [text]);
  });

  it('reports offsets into the original text and paragraph numbers', () => {
    const text = 'First one. Second one.\n\nThird one.';
    const { sentences, paragraphs } = splitSentences(text, [{ span: { start: 0, end: text.length }, region: 'main' }]);
    assert.equal(paragraphs.length, 2);
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
    assert.deepEqual(
      sentences.map((s) => s.paragraph),
      [0, 0, 1],
    );
  });
});
