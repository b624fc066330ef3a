import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConfusionCounts } from '../../src/evaluation/metrics.ts';
import {
  accuracy,
  balancedAccuracy,
  countOutcomes,
  f1,
  median,
  pearson,
  percentile,
  precision,
  ranks,
  recall,
  spearman,
  specificity,
  sumCounts,
} from '../../src/evaluation/metrics.ts';

const counts = (truePositive: number, falseNegative: number, falsePositive: number, trueNegative: number): ConfusionCounts => ({
  truePositive,
  falseNegative,
  falsePositive,
  trueNegative,
});

const close = (actual: number | null, expected: number, message?: string): void => {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, message ?? `expected ${expected}, got ${actual}`);
};

describe('confusion counts', () => {
  it('counts each kind of outcome', () => {
    const c = countOutcomes([
      { expected: true, predicted: true },
      { expected: true, predicted: false },
      { expected: false, predicted: true },
      { expected: false, predicted: false },
      { expected: false, predicted: false },
    ]);
    assert.deepEqual(c, counts(1, 1, 1, 2));
    assert.deepEqual(sumCounts([c, counts(1, 2, 3, 4)]), counts(2, 3, 4, 6));
  });

  it('computes precision, recall, F1, accuracy and specificity', () => {
    const c = counts(6, 4, 2, 8);
    close(precision(c), 0.75);
    close(recall(c), 0.6);
    close(f1(c), 2 / 3);
    close(accuracy(c), 0.7);
    close(specificity(c), 0.8);
  });

  it('says null, not NaN, when a figure is undefined, and F1 is 0 when nothing is right', () => {
    assert.equal(precision(counts(0, 3, 0, 5)), null);
    assert.equal(f1(counts(0, 3, 0, 5)), null);
    assert.equal(recall(counts(0, 0, 2, 5)), null);
    assert.equal(accuracy(counts(0, 0, 0, 0)), null);
    assert.equal(f1(counts(0, 1, 1, 0)), 0);
  });
});

describe('balancedAccuracy', () => {
  it('is the mean of the true-positive and true-negative rates', () => {
    close(balancedAccuracy(counts(8, 2, 1, 3)), (0.8 + 0.75) / 2);
  });

  it('differs from plain accuracy on unbalanced labels', () => {
    const alwaysPass = counts(9, 0, 1, 0);
    close(accuracy(alwaysPass), 0.9);
    close(balancedAccuracy(alwaysPass), 0.5);
  });

  it('uses the one available rate when only one class is labelled, and null with none', () => {
    close(balancedAccuracy(counts(3, 1, 0, 0)), 0.75);
    close(balancedAccuracy(counts(0, 0, 1, 1)), 0.5);
    assert.equal(balancedAccuracy(counts(0, 0, 0, 0)), null);
  });
});

describe('pearson', () => {
  it('is 1 and -1 for exact linear relations and matches a hand-computed value', () => {
    close(pearson([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]), 1);
    close(pearson([1, 2, 3, 4, 5], [10, 8, 6, 4, 2]), -1);
    close(pearson([1, 2, 3, 4], [1, 3, 2, 4]), 0.8);
  });

  it('is null without variance or with fewer than two pairs, and refuses unequal lengths', () => {
    assert.equal(pearson([1, 2, 3], [5, 5, 5]), null);
    assert.equal(pearson([1], [2]), null);
    assert.throws(() => pearson([1, 2], [1, 2, 3]), RangeError);
  });
});

describe('ranks and spearman', () => {
  it('gives tied values the mean of their ranks', () => {
    assert.deepEqual(ranks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
    assert.deepEqual(ranks([3, 1, 3, 3]), [3, 1, 3, 3]);
    assert.deepEqual(ranks([]), []);
  });

  it('is 1 for any increasing relation, where Pearson is not', () => {
    const xs = [1, 2, 3, 4, 5];
    const ys = [1, 4, 9, 16, 100];
    close(spearman(xs, ys), 1);
    assert.ok((pearson(xs, ys) ?? 1) < 0.95);
  });

  it('handles ties (hand-computed: 3 / sqrt(10))', () => {
    close(spearman([1, 2, 2, 3], [1, 2, 3, 4]), 3 / Math.sqrt(10));
  });
});

describe('percentile and median', () => {
  it('interpolates between closest ranks and ignores input order', () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
    const oneTo101 = Array.from({ length: 101 }, (_, i) => 101 - i);
    assert.equal(percentile(oneTo101, 95), 96);
    assert.equal(percentile(oneTo101, 0), 1);
    assert.equal(percentile(oneTo101, 100), 101);
    close(percentile([0, 10], 95), 9.5);
  });

  it('refuses no values and out-of-range percentiles', () => {
    assert.throws(() => median([]), RangeError);
    assert.throws(() => percentile([1], 101), RangeError);
  });
});
