import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LARGE_INPUT_KINDS, largeInput } from '../../src/evaluation/large-inputs.ts';

describe('largeInput', () => {
  it('gives exactly the requested length for every kind', () => {
    for (const kind of LARGE_INPUT_KINDS) {
      for (const chars of [1, 1000, 65_537]) assert.equal(largeInput(kind, chars, 'Hi.\n\nA sentence.').length, chars, kind);
    }
  });

  it('makes each kind what its name says', () => {
    const n = 10_000;
    assert.match(largeInput('newlines', n, ''), /^\n+$/);
    assert.doesNotMatch(largeInput('no-spaces', n, ''), /\s/);
    const words = largeInput('words', n, '');
    assert.match(words, /^[a-z]+( [a-z]+)+ ?[a-z]*$/);
    assert.ok(new Set(words.split(' ')).size > 10, 'words should vary');
    assert.ok(largeInput('prose', n, 'Hi Jo.').startsWith('Hi Jo.\n\nHi Jo.\n\n'));
  });
});
