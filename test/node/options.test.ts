import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberOption, parseCommandLine } from '../../src/node/args.ts';
import { UsageError } from '../../src/node/fail.ts';
import { parseWeights } from '../../src/evaluation/weights.ts';

describe('parseCommandLine', () => {
  it('returns options and positionals, with - as a positional', () => {
    const { values, positionals } = parseCommandLine(['--json', '-'], { json: { type: 'boolean' } });
    assert.equal(values.json, true);
    assert.deepEqual(positionals, ['-']);
  });

  it('turns parse errors into short usage errors', () => {
    assert.throws(() => parseCommandLine(['--jsno'], { json: { type: 'boolean' } }), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(error.message, 'unknown option --jsno (try --help)');
      assert.equal(error.exitCode, 2);
      return true;
    });
    assert.throws(() => parseCommandLine(['--weights'], { weights: { type: 'string' } }), UsageError);
  });
});

describe('numberOption', () => {
  it('accepts numbers in range and refuses the rest', () => {
    assert.equal(numberOption('min', '0.9', 0, 1), 0.9);
    for (const bad of ['', 'abc', '1.5', '-0.1', 'NaN']) {
      assert.throws(() => numberOption('min', bad, 0, 1), /--min must be a number from 0 to 1/, bad);
    }
  });
});

describe('parseWeights', () => {
  it('reads check weights', () => {
    assert.deepEqual(parseWeights('subject=2, clear-ask=3,concise=0'), { subject: 2, 'clear-ask': 3, concise: 0 });
  });

  it('refuses unknown checks, bad numbers and repeats', () => {
    assert.throws(() => parseWeights('subjcet=2'), /"subjcet" is not a check id/);
    assert.throws(() => parseWeights('subject=-1'), /weight of subject must be a number of 0 or more/);
    assert.throws(() => parseWeights('subject'), /weight of subject must be a number/);
    assert.throws(() => parseWeights('subject=1=2'), /weight of subject must be a number/);
    assert.throws(() => parseWeights('subject=1,subject=2'), /subject is given twice/);
  });
});
