// Pure statistics for the evaluation and the benchmark. A figure that is undefined for the data
// (no examples of a class, zero variance) is null rather than NaN, so callers print "n/a".

/** A binary confusion matrix; "positive" is pass for checks and "ask" for the ask detector. */
export interface ConfusionCounts {
  truePositive: number;
  falseNegative: number;
  falsePositive: number;
  trueNegative: number;
}

export function emptyCounts(): ConfusionCounts {
  return { truePositive: 0, falseNegative: 0, falsePositive: 0, trueNegative: 0 };
}

/** Adds one labelled prediction to the counts (in place) and returns them. */
export function addOutcome(counts: ConfusionCounts, expected: boolean, predicted: boolean): ConfusionCounts {
  if (expected) counts[predicted ? 'truePositive' : 'falseNegative'] += 1;
  else counts[predicted ? 'falsePositive' : 'trueNegative'] += 1;
  return counts;
}

export function countOutcomes(pairs: Iterable<{ expected: boolean; predicted: boolean }>): ConfusionCounts {
  const counts = emptyCounts();
  for (const { expected, predicted } of pairs) addOutcome(counts, expected, predicted);
  return counts;
}

export function sumCounts(all: readonly ConfusionCounts[]): ConfusionCounts {
  const total = emptyCounts();
  for (const c of all) {
    total.truePositive += c.truePositive;
    total.falseNegative += c.falseNegative;
    total.falsePositive += c.falsePositive;
    total.trueNegative += c.trueNegative;
  }
  return total;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Recall (sensitivity, true-positive rate): positives found among the labelled positives. */
export function recall(c: ConfusionCounts): number | null {
  return ratio(c.truePositive, c.truePositive + c.falseNegative);
}

/** Specificity (true-negative rate): negatives found among the labelled negatives. */
export function specificity(c: ConfusionCounts): number | null {
  return ratio(c.trueNegative, c.trueNegative + c.falsePositive);
}

export function precision(c: ConfusionCounts): number | null {
  return ratio(c.truePositive, c.truePositive + c.falsePositive);
}

export function f1(c: ConfusionCounts): number | null {
  const p = precision(c);
  const r = recall(c);
  if (p === null || r === null) return null;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function accuracy(c: ConfusionCounts): number | null {
  const n = c.truePositive + c.falseNegative + c.falsePositive + c.trueNegative;
  return ratio(c.truePositive + c.trueNegative, n);
}

/** Mean of recall and specificity; with only one class labelled, that class's rate alone. */
export function balancedAccuracy(c: ConfusionCounts): number | null {
  const rates = [recall(c), specificity(c)].filter((r): r is number => r !== null);
  return rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0) / rates.length;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function checkPaired(xs: readonly number[], ys: readonly number[]): void {
  if (xs.length !== ys.length) throw new RangeError(`paired samples differ in length (${xs.length} and ${ys.length})`);
}

/** Pearson's r; null with fewer than two pairs or when either side has no variance. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  checkPaired(xs, ys);
  if (xs.length < 2) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dx = x - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** 1-based ranks; tied values share the mean of the ranks they span. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]?.value === order[start]?.value) end += 1;
    const rank = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let k = start; k < end; k += 1) result[order[k]?.index ?? 0] = rank;
    start = end;
  }
  return result;
}

/** Spearman's rho: Pearson's r of the ranks (so ties are handled correctly). */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  checkPaired(xs, ys);
  return pearson(ranks(xs), ranks(ys));
}

/** The p-th percentile (0–100) with linear interpolation between closest ranks (numpy's default). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be 0–100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)] ?? low;
  return low + (high - low) * (position - lower);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
