// `--weights subject=2,clear-ask=3`: rubric weights per check.
import type { CheckWeights } from '../analyzer/index.ts';
import { CHECK_IDS, isCheckId } from '../analyzer/index.ts';
import { UsageError } from '../node/fail.ts';

export function parseWeights(spec: string): CheckWeights {
  const weights: CheckWeights = {};
  for (const part of spec.split(',')) {
    const [id = '', value = '', ...rest] = part.split('=').map((s) => s.trim());
    if (!isCheckId(id)) {
      throw new UsageError(`--weights: "${id}" is not a check id (use ${CHECK_IDS.join(', ')})`);
    }
    const weight = value === '' || rest.length > 0 ? Number.NaN : Number(value);
    if (!Number.isFinite(weight) || weight < 0) {
      throw new UsageError(`--weights: the weight of ${id} must be a number of 0 or more, got "${part.trim()}"`);
    }
    if (weights[id] !== undefined) throw new UsageError(`--weights: ${id} is given twice`);
    weights[id] = weight;
  }
  return weights;
}
