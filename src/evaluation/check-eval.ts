// Comparing the analyzer's pass/fail per check with the human labels in a JSONL file (`expect`).
import type { AnalysisResult, CheckId } from '../analyzer/index.ts';
import { CHECK_IDS, isCheckId } from '../analyzer/index.ts';
import { CliError } from '../node/fail.ts';
import type { JsonlEmail } from './jsonl.ts';
import type { ConfusionCounts } from './metrics.ts';
import { addOutcome, emptyCounts } from './metrics.ts';

export type CheckLabels = Partial<Record<CheckId, boolean>>;

export interface LabelledEmail extends JsonlEmail {
  /** The line's `id`, or `line N` when it has none. */
  name: string;
  expect: CheckLabels;
}

/** One labelled check of one email, compared with what the analyzer said. */
export interface CheckOutcome {
  email: string;
  check: CheckId;
  expected: boolean;
  /** The prediction: a not-applicable result counts as a pass (see `predictedPass`). */
  predicted: boolean;
  applicable: boolean;
  /** The fitted verdict was close to its threshold ("worth a second look"). */
  uncertain: boolean;
  message: string;
}

export interface CheckSummary {
  check: CheckId;
  /** Positive class = pass. */
  counts: ConfusionCounts;
  /** Labelled results the analyzer reported as not applicable (counted as passes). */
  notApplicable: number;
}

/** Reads the `id` and `expect` fields of parsed JSONL lines; a check left out is ambiguous. */
export function toLabelledEmails(emails: readonly JsonlEmail[], source: string): LabelledEmail[] {
  return emails.map((email) => {
    const where = `${source}:${email.line}`;
    const { id, expect = {} } = email.fields;
    if (typeof expect !== 'object' || expect === null || Array.isArray(expect)) {
      throw new CliError(`${where}: "expect" must be an object of check ids to true/false`);
    }
    const labels: CheckLabels = {};
    for (const [check, label] of Object.entries(expect)) {
      if (!isCheckId(check)) throw new CliError(`${where}: "expect.${check}" is not a check id (use ${CHECK_IDS.join(', ')})`);
      if (typeof label !== 'boolean') throw new CliError(`${where}: "expect.${check}" must be true or false`);
      labels[check] = label;
    }
    const name = typeof id === 'string' && id !== '' ? id : `line ${email.line}`;
    return { ...email, name, expect: labels };
  });
}

/**
 * A check the analyzer finds not applicable counts as a predicted pass: the contract says such a
 * check counts neither for nor against the email, so a label of "fail" on it is a miss.
 */
export function predictedPass(check: { applicable: boolean; passed: boolean }): boolean {
  return !check.applicable || check.passed;
}

export function compareWithLabels(email: LabelledEmail, result: AnalysisResult): CheckOutcome[] {
  const outcomes: CheckOutcome[] = [];
  for (const check of CHECK_IDS) {
    const expected = email.expect[check];
    if (expected === undefined) continue;
    const got = result.checks.find((c) => c.id === check);
    if (!got) throw new CliError(`the analyzer's result for ${email.name} has no "${check}" check`);
    outcomes.push({
      email: email.name,
      check,
      expected,
      predicted: predictedPass(got),
      applicable: got.applicable,
      uncertain: got.uncertain === true,
      message: got.message,
    });
  }
  return outcomes;
}

/** Per-check counts, in CHECK_IDS order (every check listed, even with no labels). */
export function summarizeByCheck(outcomes: readonly CheckOutcome[]): CheckSummary[] {
  return CHECK_IDS.map((check) => {
    const mine = outcomes.filter((o) => o.check === check);
    const counts = emptyCounts();
    for (const o of mine) addOutcome(counts, o.expected, o.predicted);
    return { check, counts, notApplicable: mine.filter((o) => !o.applicable).length };
  });
}
