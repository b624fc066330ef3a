// `npm run train` is reproducible: fitting again on the training files gives the committed weights.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fitLogistic, readTrainingEmails, serialiseModel, trainModel, WEIGHTS_FILE } from '../../src/evaluation/fit-verdicts.ts';

describe('fitted verdicts', () => {
  it('src/analyzer/verdict-weights.json is exactly what npm run train fits from the training files', () => {
    assert.equal(serialiseModel(trainModel(readTrainingEmails())), readFileSync(WEIGHTS_FILE, 'utf8'));
  });

  it('fits a logistic regression that separates a separable toy set, with the bias first', () => {
    const examples = [-2, -1, -0.5, 0.5, 1, 2].map((x) => ({ x: [x], y: (x > 0 ? 1 : 0) as 0 | 1 }));
    const [bias, w] = fitLogistic(examples, 0.1);
    assert.ok(w !== undefined && w > 1, `weight ${w}`);
    assert.ok(bias !== undefined && Math.abs(bias) < 1e-6, `bias ${bias}`);
  });
});
