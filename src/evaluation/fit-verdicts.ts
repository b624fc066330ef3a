// Fitting each check's verdict: a class-balanced, L2-regularised logistic regression over the
// features its rules measure, on the training emails (npm run train writes the result).
import { readFileSync } from 'node:fs';
import { CHECK_IDS, featureValue, measureEmail, type CheckId, type CheckMeasure, type CheckModel, type VerdictModel } from '../analyzer/index.ts';
import { toLabelledEmails, type LabelledEmail } from './check-eval.ts';
import { parseEmailJsonl } from './jsonl.ts';
import { TRAINING_FILES } from './labelled-sets.ts';

export const WEIGHTS_FILE = 'src/analyzer/verdict-weights.json';
/** Half-width of the "worth a second look" band around p = 0.5 (see README, "Measuring it"). */
const MARGIN = 0.15;
/** L2 penalty on standardised weights (not on the bias): keeps the fit smooth on a few hundred emails. */
const LAMBDA = 5;
const ITERATIONS = 50;

interface Example {
  x: number[];
  y: 0 | 1;
}

export function readTrainingEmails(files: readonly string[] = TRAINING_FILES): LabelledEmail[] {
  return files.flatMap((path) => toLabelledEmails(parseEmailJsonl(readFileSync(path, 'utf8'), path), path));
}

/** Per check, the feature names seen in training (after the rule's verdict and score), sorted. */
function examplesByCheck(emails: readonly LabelledEmail[]): Map<CheckId, { names: string[]; rows: { features: Record<string, number>; rule: CheckMeasure['rule']; y: 0 | 1 }[] }> {
  const out = new Map<CheckId, { names: string[]; rows: { features: Record<string, number>; rule: CheckMeasure['rule']; y: 0 | 1 }[] }>();
  for (const email of emails) {
    for (const { rule, features } of measureEmail(email.input)) {
      const label = email.expect[rule.id];
      if (label === undefined || !rule.applicable) continue;
      const entry = out.get(rule.id) ?? { names: [], rows: [] };
      entry.rows.push({ features, rule, y: label ? 1 : 0 });
      out.set(rule.id, entry);
    }
  }
  for (const entry of out.values()) {
    const names = new Set<string>();
    for (const row of entry.rows) for (const k of Object.keys(row.features)) names.add(k);
    entry.names = ['rule', 'ruleScore', ...[...names].sort()];
  }
  return out;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    const tmp = m[col];
    m[col] = m[pivot] ?? [];
    m[pivot] = tmp ?? [];
    const p = m[col]?.[col] ?? 0;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const factor = (m[r]?.[col] ?? 0) / p;
      for (let c = col; c <= n; c += 1) (m[r] as number[])[c] = (m[r]?.[c] ?? 0) - factor * (m[col]?.[c] ?? 0);
    }
  }
  return Array.from({ length: n }, (_, i) => {
    const p = m[i]?.[i] ?? 0;
    return Math.abs(p) < 1e-12 ? 0 : (m[i]?.[n] ?? 0) / p;
  });
}

/** Newton's method (IRLS) for a weighted logistic regression; index 0 of the result is the bias. */
export function fitLogistic(examples: readonly Example[], lambda = LAMBDA): number[] {
  const d = (examples[0]?.x.length ?? 0) + 1;
  const positives = examples.filter((e) => e.y === 1).length;
  const negatives = examples.length - positives;
  // Each class weighs half: the fit aims at balanced accuracy, the measure the team reports.
  const classWeight = (y: 0 | 1) => (y === 1 ? examples.length / (2 * Math.max(1, positives)) : examples.length / (2 * Math.max(1, negatives)));
  let beta = new Array<number>(d).fill(0);
  for (let it = 0; it < ITERATIONS; it += 1) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const e of examples) {
      const row = [1, ...e.x];
      const z = row.reduce((s, v, i) => s + v * (beta[i] ?? 0), 0);
      const p = 1 / (1 + Math.exp(-z));
      const w = classWeight(e.y);
      for (let i = 0; i < d; i += 1) {
        grad[i] = (grad[i] ?? 0) + w * ((row[i] ?? 0) * (e.y - p));
        for (let j = 0; j < d; j += 1) (hess[i] as number[])[j] = (hess[i]?.[j] ?? 0) + w * p * (1 - p) * (row[i] ?? 0) * (row[j] ?? 0);
      }
    }
    for (let i = 1; i < d; i += 1) {
      grad[i] = (grad[i] ?? 0) - lambda * (beta[i] ?? 0);
      (hess[i] as number[])[i] = (hess[i]?.[i] ?? 0) + lambda;
    }
    (hess[0] as number[])[0] = (hess[0]?.[0] ?? 0) + 1e-6;
    const step = solve(hess, grad);
    beta = beta.map((b, i) => b + (step[i] ?? 0));
    if (step.every((s) => Math.abs(s) < 1e-9)) break;
  }
  return beta;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

export function trainModel(emails: readonly LabelledEmail[]): VerdictModel {
  const checks: Partial<Record<CheckId, CheckModel>> = {};
  const byCheck = examplesByCheck(emails);
  for (const id of CHECK_IDS) {
    const entry = byCheck.get(id);
    if (!entry || entry.rows.length < 20) continue;
    const raw = entry.rows.map((r) => entry.names.map((n) => featureValue(n, r.features, r.rule)));
    const mean = entry.names.map((_, i) => raw.reduce((s, x) => s + (x[i] ?? 0), 0) / raw.length);
    const scale = entry.names.map((_, i) => {
      const v = raw.reduce((s, x) => s + ((x[i] ?? 0) - (mean[i] ?? 0)) ** 2, 0) / raw.length;
      return Math.sqrt(v) || 1;
    });
    const examples = raw.map((x, k) => ({ x: x.map((v, i) => (v - (mean[i] ?? 0)) / (scale[i] ?? 1)), y: entry.rows[k]?.y ?? 0 }));
    const beta = fitLogistic(examples);
    checks[id] = {
      features: entry.names,
      mean: mean.map(round),
      scale: scale.map(round),
      weights: beta.slice(1).map(round),
      bias: round(beta[0] ?? 0),
    };
  }
  return { margin: MARGIN, checks };
}

/** One check a line, so a refit reads as a small diff. */
export function serialiseModel(model: VerdictModel): string {
  const checks = Object.entries(model.checks).map(([id, m]) => `  ${JSON.stringify(id)}: ${JSON.stringify(m)}`);
  return `{\n "margin": ${model.margin},\n "checks": {\n${checks.join(',\n')}\n }\n}\n`;
}
