import { expect } from '@open-wc/testing';
import { normaliseRange, segmentText, type TextSegment } from '../../src/components/highlight-ranges.ts';

/** One readable line per segment: `[text]` for plain text, `[text|ids]` for marked text. */
function render(text: string, segments: TextSegment[]): string {
  return segments
    .map((s) => `[${text.slice(s.start, s.end)}${s.checkIds.length ? `|${s.checkIds.join('+')}` : ''}]`)
    .join('');
}

describe('segmentText', () => {
  it('leaves text without findings as one plain segment', () => {
    expect(render('hello', segmentText('hello', []))).to.equal('[hello]');
    expect(segmentText('', [])).to.deep.equal([]);
  });

  it('splits overlapping findings into sibling segments that cover the text exactly', () => {
    const text = 'Please send the report by Friday.';
    const segments = segmentText(text, [
      { checkId: 'clear-ask', start: 7, end: 17 },
      { checkId: 'concise', start: 12, end: 32 },
    ]);
    expect(render(text, segments)).to.equal(
      '[Please ][send |clear-ask][the r|clear-ask+concise][eport by Friday|concise][.]',
    );
    expect(segments.map((s) => text.slice(s.start, s.end)).join('')).to.equal(text);
  });

  it('handles nested and identical ranges, listing checks in contract order', () => {
    const text = 'abcdefghij';
    const segments = segmentText(text, [
      { checkId: 'courteous', start: 0, end: 10 },
      { checkId: 'subject', start: 3, end: 6 },
      { checkId: 'subject', start: 3, end: 6 },
    ]);
    expect(render(text, segments)).to.equal('[abc|courteous][def|subject+courteous][ghij|courteous]');
  });

  it('clamps ranges to the text and drops empty or invalid ones', () => {
    const text = 'short';
    const segments = segmentText(text, [
      { checkId: 'concise', start: -4, end: 2 },
      { checkId: 'clear-ask', start: 3, end: 99 },
      { checkId: 'one-topic', start: 4, end: 4 },
      { checkId: 'one-topic', start: Number.NaN, end: 3 },
    ]);
    expect(render(text, segments)).to.equal('[sh|concise][o][rt|clear-ask]');
  });

  it('never cuts an emoji (surrogate pair) in half', () => {
    const text = 'Hi 👋 team';
    // 3 is the emoji's first half, 4 its second: a range from 4 widens to 3, an end at 4 to 5.
    expect(normaliseRange(text, 4, 7)).to.deep.equal([3, 7]);
    expect(normaliseRange(text, 0, 4)).to.deep.equal([0, 5]);
    expect(render(text, segmentText(text, [{ checkId: 'courteous', start: 4, end: 5 }]))).to.equal(
      '[Hi ][👋|courteous][ team]',
    );
  });
});
