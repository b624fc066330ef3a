// `npm run eval -- [FILE.jsonl]`: how well the analyzer agrees with labelled emails, plus the ask
// detector and the politeness score measured on the public calibration data.
import { existsSync } from 'node:fs';
import { analyzeEmail, CHECK_IDS, isAskSentence, politenessScore, type AnalysisResult, type CheckId } from '../analyzer/index.ts';
import { numberOption, parseCommandLine } from '../node/args.ts';
import type { CheckOutcome, CheckSummary, LabelledEmail } from '../evaluation/check-eval.ts';
import { compareWithLabels, summarizeByCheck, toLabelledEmails } from '../evaluation/check-eval.ts';
import { parseAskTsv, parsePolitenessCsv } from '../evaluation/datasets.ts';
import { defaultDataFile } from '../evaluation/default-data.ts';
import { CliError, UsageError, errorMessage, runCli } from '../node/fail.ts';
import { readTextInput } from '../node/files.ts';
import { parseEmailJsonl } from '../evaluation/jsonl.ts';
import { DEV_FILE, FROZEN_TEST_FILE, SECOND_LABELS_FILE, SHARED_EXAMPLES_FILE, TRAINING_FILES } from '../evaluation/labelled-sets.ts';
import { loadScenarios, resolveScenario, type ScenarioCatalogue } from '../evaluation/scenarios.ts';
import type { ConfusionCounts } from '../evaluation/metrics.ts';
import { accuracy, balancedAccuracy, countOutcomes, f1, pearson, precision, recall, spearman, specificity, sumCounts } from '../evaluation/metrics.ts';
import { formatNumber, formatTable } from '../node/table.ts';

const DEFAULTS = {
  asks: '../shared/data/email-asks-train.tsv',
  politeness: '../shared/data/politeness-wikipedia.csv',
};

const HELP = `Usage: npm run eval -- [FILE.jsonl] [options]

Without FILE: balanced accuracy per check on the train, dev and frozen test sets
(${TRAINING_FILES.length} training files, ${DEV_FILE}, ${FROZEN_TEST_FILE}), on the contract's
examples (${SHARED_EXAMPLES_FILE}) when the shared folder is beside this clone, Cohen's kappa
of the double-labelled sample (${SECOND_LABELS_FILE}), then the ask detector and the politeness
score on the public data. With FILE: the same comparison on that file alone.

Each line's "expect" maps check ids to true = pass / false = fail; a check left out is skipped.
A line with a "scenario" id is scored as the course scores a rewrite of that scenario, on its
rubric's checks only. Paths are relative to the current directory (the repository root under npm
run); data in the shared folder can be pointed elsewhere with --asks and --politeness.

Options:
  --dev-only           train and dev only (while developing: the frozen set is scored once, at the end)
  --verbose            list every disagreement (email, check, expected, got, message); never
                       for the frozen test set, whose misses nobody reads
  --asks FILE          ask sentences, TSV of Yes/No and a sentence (default ${DEFAULTS.asks})
  --politeness FILE    politeness ratings CSV (default ${DEFAULTS.politeness})
  --min X              exit 1 if a check labelled with both classes has balanced accuracy below X
  -h, --help           show this help

A missing data file skips its section with a note; a missing or bad FILE.jsonl is an error.
`;

function rateCell(numerator: number, denominator: number): string {
  return denominator === 0 ? 'n/a' : `${(numerator / denominator).toFixed(2)} (${numerator}/${denominator})`;
}

function tableRow(name: string, c: ConfusionCounts): string[] {
  const passes = c.truePositive + c.falseNegative;
  const fails = c.trueNegative + c.falsePositive;
  return [
    name,
    String(passes),
    String(fails),
    rateCell(c.truePositive, passes),
    rateCell(c.trueNegative, fails),
    formatNumber(balancedAccuracy(c)),
  ];
}

function renderCheckTable(summaries: readonly CheckSummary[]): string {
  const header = ['check', 'pass', 'fail', 'true-pass', 'true-fail', 'balanced'];
  const total = sumCounts(summaries.map((s) => s.counts));
  const rows = [header, ...summaries.map((s) => tableRow(s.check, s.counts)), tableRow('overall (pooled)', total)];
  const macro = summaries.map((s) => balancedAccuracy(s.counts)).filter((b): b is number => b !== null);
  const macroLine = macro.length
    ? `mean balanced accuracy over the ${macro.length} labelled checks: ${(macro.reduce((a, b) => a + b, 0) / macro.length).toFixed(2)}`
    : 'no labelled checks';
  return `${formatTable(rows, new Set([1, 2, 3, 4, 5]))}\n${macroLine}`;
}

function renderFootnote(summaries: readonly CheckSummary[]): string {
  const notApplicable = summaries.filter((s) => s.notApplicable > 0).map((s) => `${s.check} ${s.notApplicable}`);
  return (
    '* true-pass: labelled passes the analyzer passed; true-fail: labelled fails it failed; balanced: their\n' +
    '  mean (the one rate alone when a check has one class). A check the analyzer reports as not\n' +
    '  applicable (normally follow-up on a first email) counts as a predicted pass' +
    (notApplicable.length ? ` (here: ${notApplicable.join(', ')}).` : ' (none here).')
  );
}

function renderDisagreements(outcomes: readonly CheckOutcome[]): string {
  const wrong = outcomes.filter((o) => o.expected !== o.predicted);
  if (wrong.length === 0) return 'Disagreements: none';
  const verdict = (pass: boolean): string => (pass ? 'pass' : 'fail');
  const rows = wrong.map((o) => [
    o.email,
    o.check,
    `expected ${verdict(o.expected)}`,
    `got ${o.applicable ? verdict(o.predicted) : 'n/a (pass)'}`,
    JSON.stringify(o.message),
  ]);
  return `Disagreements (${wrong.length}):\n${formatTable(rows)}`;
}

let catalogue: ScenarioCatalogue | undefined;

/** The analyzer's result for a labelled email: as a rewrite of its scenario when it names one. */
function analyse(email: LabelledEmail, where: string): AnalysisResult {
  const scenarioId = email.scenario;
  if (scenarioId === undefined) return analyzeEmail(email.input);
  const scenario = resolveScenario(scenarioId, (catalogue ??= loadScenarios()), where);
  return analyzeEmail(email.input, { scenario });
}

/** Labels on checks the scenario's rubric doesn't score are set aside, as the course sets them aside. */
function scoredLabels(email: LabelledEmail, result: AnalysisResult): LabelledEmail {
  if (email.scenario === undefined) return email;
  const expect: Partial<Record<CheckId, boolean>> = {};
  for (const c of result.checks) {
    const label = email.expect[c.id];
    if (c.applicable && label !== undefined) expect[c.id] = label;
  }
  return { ...email, expect };
}

async function readLabelled(paths: readonly string[]): Promise<LabelledEmail[]> {
  const all: LabelledEmail[] = [];
  for (const path of paths) all.push(...toLabelledEmails(parseEmailJsonl(await readTextInput(path), path), path));
  return all;
}

function outcomesOf(emails: readonly LabelledEmail[], label: string): CheckOutcome[] {
  return emails.flatMap((email) => {
    try {
      const result = analyse(email, `${label}:${email.line}`);
      return compareWithLabels(scoredLabels(email, result), result);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${label}:${email.line}: the analyzer failed on ${email.name}: ${errorMessage(error)}`);
    }
  });
}

function meanBalanced(summaries: readonly CheckSummary[]): string {
  const values = summaries.map((s) => balancedAccuracy(s.counts)).filter((b): b is number => b !== null);
  return values.length ? (values.reduce((a, b) => a + b, 0) / values.length).toFixed(2) : 'n/a';
}

/** One set's table; `frozen` prints figures only, never which emails were missed. */
async function evaluateSet(title: string, paths: readonly string[], verbose: boolean, frozen = false): Promise<CheckSummary[]> {
  const emails = await readLabelled(paths);
  if (emails.length === 0) throw new CliError(`${paths.join(', ')}: no emails to evaluate`);
  const outcomes = outcomesOf(emails, paths.length === 1 ? (paths[0] ?? title) : title);
  const summaries = summarizeByCheck(outcomes);
  console.log(`\n## ${title}: ${emails.length} emails, ${outcomes.length} labelled checks`);
  console.log(renderCheckTable(summaries));
  const rewrites = emails.filter((e) => e.scenario !== undefined);
  if (rewrites.length > 0 && rewrites.length < emails.length) {
    const names = new Set(rewrites.map((e) => e.name));
    const part = summarizeByCheck(outcomes.filter((o) => names.has(o.email)));
    const row = part.map((s) => `${s.check} ${formatNumber(balancedAccuracy(s.counts))}`).join(', ');
    console.log(`of which ${rewrites.length} learners' rewrites, scored as the course scores them: mean ${meanBalanced(part)} (${row})`);
  }
  const uncertain = outcomes.filter((o) => o.uncertain);
  if (uncertain.length > 0) {
    const right = (list: readonly CheckOutcome[]) => list.filter((o) => o.expected === o.predicted).length;
    const sure = outcomes.filter((o) => !o.uncertain);
    console.log(
      `"worth a second look" verdicts: ${uncertain.length} of ${outcomes.length} (${((100 * uncertain.length) / outcomes.length).toFixed(1)}%), ` +
        `agreeing with the label ${right(uncertain)} times (${((100 * right(uncertain)) / uncertain.length).toFixed(0)}%) against ${((100 * right(sure)) / Math.max(1, sure.length)).toFixed(0)}% for the rest`,
    );
  }
  if (verbose && !frozen) console.log(`\n${renderDisagreements(outcomes)}`);
  return summaries;
}

async function evaluateChecks(path: string, verbose: boolean): Promise<CheckSummary[]> {
  const summaries = await evaluateSet(`Checks against the labels in ${path}`, [path], verbose);
  console.log(renderFootnote(summaries));
  return summaries;
}

/** Cohen's kappa per check between the first labels and a second labeller's, on the ids both labelled. */
async function evaluateAgreement(path: string): Promise<void> {
  const second = (await readTextInput(path))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((raw, i) => {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        throw new CliError(`${path}:${i + 1}: not valid JSON`);
      }
      const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
      // The second labeller's lines carry only the id and the verdicts.
      return toLabelledEmails([{ line: i + 1, input: { subject: '', body: '' }, fields }], path)[0];
    })
    .filter((e): e is LabelledEmail => e !== undefined);
  const first = new Map((await readLabelled([...TRAINING_FILES, DEV_FILE, FROZEN_TEST_FILE])).map((e) => [e.name, e]));
  const rows: string[][] = [['check', 'both labelled', 'agree', 'kappa']];
  for (const check of CHECK_IDS) {
    const pairs: [boolean, boolean][] = [];
    for (const e of second) {
      const a = first.get(e.name)?.expect[check];
      const b = e.expect[check];
      if (a !== undefined && b !== undefined) pairs.push([a, b]);
    }
    if (pairs.length === 0) continue;
    const n = pairs.length;
    const agree = pairs.filter(([a, b]) => a === b).length / n;
    const pa = pairs.filter(([a]) => a).length / n;
    const pb = pairs.filter(([, b]) => b).length / n;
    const chance = pa * pb + (1 - pa) * (1 - pb);
    const kappa = chance === 1 ? 1 : (agree - chance) / (1 - chance);
    rows.push([check, String(n), `${(100 * agree).toFixed(0)}%`, kappa.toFixed(2)]);
  }
  console.log(`\n## Agreement between two labellers (${second.length} emails labelled twice, independently)`);
  console.log(formatTable(rows, new Set([1, 2, 3])));
}

async function evaluateAsks(path: string): Promise<void> {
  const { rows, skipped } = parseAskTsv(await readTextInput(path));
  if (rows.length === 0) throw new CliError(`${path}: no Yes/No rows found`);
  const c = countOutcomes(rows.map((r) => ({ expected: r.isAsk, predicted: isAskSentence(r.sentence) })));
  console.log(`Ask detector (isAskSentence) on ${path}: ${rows.length} rows used${skipped ? `, ${skipped} unreadable lines skipped` : ''}`);
  console.log(
    `  precision ${formatNumber(precision(c))}  recall ${formatNumber(recall(c))}  F1 ${formatNumber(f1(c))}  ` +
      `accuracy ${formatNumber(accuracy(c))}  (true-negative rate ${formatNumber(specificity(c))})`,
  );
  console.log(`  asks found ${c.truePositive}, missed ${c.falseNegative}; non-asks flagged ${c.falsePositive}, passed ${c.trueNegative}`);
}

async function evaluatePoliteness(path: string): Promise<void> {
  const { rows, skipped } = parsePolitenessCsv(await readTextInput(path), path);
  if (rows.length === 0) throw new CliError(`${path}: no rated requests found`);
  const predicted = rows.map((r) => politenessScore(r.text));
  const rated = rows.map((r) => r.score);
  console.log(`Politeness (politenessScore vs "Normalized Score") on ${path}: ${rows.length} rows used${skipped ? `, ${skipped} skipped` : ''}`);
  const note = (r: number | null): string => (r === null ? 'n/a (a side has no variance)' : r.toFixed(3));
  console.log(`  Pearson r ${note(pearson(predicted, rated))}  Spearman rho ${note(spearman(predicted, rated))}`);
  const auc = quartileAuc(predicted, rated);
  console.log(`  AUC, most polite quarter ranked above the least polite quarter: ${auc === null ? 'n/a' : auc.toFixed(3)}`);
}

/** How often the score ranks a request from the top quarter of ratings above one from the bottom quarter. */
function quartileAuc(predicted: readonly number[], rated: readonly number[]): number | null {
  const order = rated.map((r, i) => [r, i] as const).sort((a, b) => a[0] - b[0]);
  const q = Math.floor(order.length / 4);
  if (q === 0) return null;
  const low = order.slice(0, q).map(([, i]) => predicted[i] ?? 0);
  const high = order.slice(order.length - q).map(([, i]) => predicted[i] ?? 0);
  // Mann–Whitney U by ranks: ties count half.
  const all = [...low.map((v) => ({ v, high: false })), ...high.map((v) => ({ v, high: true }))].sort((a, b) => a.v - b.v);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]?.v === all[i]?.v) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) if (all[k]?.high) rankSum += rank;
    i = j + 1;
  }
  return (rankSum - (high.length * (high.length + 1)) / 2) / (high.length * low.length);
}

/** Runs an optional data section; a file problem becomes a note and the evaluation goes on. */
async function optionalSection(title: string, run: () => Promise<void>): Promise<void> {
  console.log('');
  try {
    await run();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.log(`${title}: skipped (${errorMessage(error)})`);
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), {
    verbose: { type: 'boolean', short: 'v' },
    'dev-only': { type: 'boolean' },
    asks: { type: 'string' },
    politeness: { type: 'string' },
    min: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`one FILE.jsonl at a time (got ${positionals.length})`);
  const min = values.min === undefined ? undefined : numberOption('min', values.min, 0, 1);

  const verbose = values.verbose ?? false;
  let summaries: CheckSummary[];
  const file = positionals[0];
  if (file !== undefined) {
    summaries = await evaluateChecks(file, verbose);
  } else {
    console.log('Balanced accuracy per check: the mean of the rate on labelled passes and on labelled fails.');
    await evaluateSet('Train (fitted on; earlier blind sets and the corpus train split)', TRAINING_FILES, verbose);
    if (!values['dev-only']) await evaluateSet('Dev (measured while developing)', [DEV_FILE], verbose);
    summaries = values['dev-only']
      ? await evaluateSet('Dev (measured while developing)', [DEV_FILE], false)
      : await evaluateSet('Frozen test (scored for the record; its misses are never read)', [FROZEN_TEST_FILE], false, true);
    if (existsSync(SHARED_EXAMPLES_FILE)) await evaluateSet("The contract's examples (shared/emails/dev.jsonl)", [SHARED_EXAMPLES_FILE], verbose);
    else console.log(`\nThe contract's examples: skipped (${SHARED_EXAMPLES_FILE} not found: the shared folder is not beside this clone; run npm run eval -- PATH/TO/dev.jsonl to score them)`);
    await evaluateAgreement(SECOND_LABELS_FILE);
    console.log(renderFootnote(summaries));
  }
  await optionalSection('Ask detector', () => evaluateAsks(values.asks ?? defaultDataFile(DEFAULTS.asks, 'The ask sentences', '--asks FILE.tsv')));
  await optionalSection('Politeness', () =>
    evaluatePoliteness(values.politeness ?? defaultDataFile(DEFAULTS.politeness, 'The politeness ratings', '--politeness FILE.csv')),
  );

  if (min !== undefined) {
    const below = summaries.filter((s) => {
      const bothClasses = recall(s.counts) !== null && specificity(s.counts) !== null;
      const score = balancedAccuracy(s.counts);
      return bothClasses && score !== null && score < min;
    });
    if (below.length > 0) {
      const list = below.map((s) => `${s.check} ${formatNumber(balancedAccuracy(s.counts))}`).join(', ');
      process.stderr.write(`evaluate: balanced accuracy below --min ${min}: ${list}\n`);
      return 1;
    }
  }
  return 0;
}

runCli('evaluate', main);
