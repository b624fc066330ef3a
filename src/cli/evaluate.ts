// `npm run eval -- [FILE.jsonl]`: how well the analyzer agrees with labelled emails, plus the ask
// detector and the politeness score measured on the public calibration data.
import { analyzeEmail, isAskSentence, politenessScore } from '../analyzer/index.ts';
import { numberOption, parseCommandLine } from './args.ts';
import type { CheckOutcome, CheckSummary } from './check-eval.ts';
import { compareWithLabels, summarizeByCheck, toLabelledEmails } from './check-eval.ts';
import { parseAskTsv, parsePolitenessCsv } from './datasets.ts';
import { defaultDataFile } from './default-data.ts';
import { CliError, UsageError, errorMessage, runCli } from './fail.ts';
import { readTextInput } from './files.ts';
import { parseEmailJsonl } from './jsonl.ts';
import type { ConfusionCounts } from './metrics.ts';
import { accuracy, balancedAccuracy, countOutcomes, f1, pearson, precision, recall, spearman, specificity, sumCounts } from './metrics.ts';
import { formatNumber, formatTable } from './table.ts';

const DEFAULTS = {
  emails: '../shared/emails/dev.jsonl',
  asks: '../shared/data/email-asks-train.tsv',
  politeness: '../shared/data/politeness-wikipedia.csv',
};

const HELP = `Usage: npm run eval -- [FILE.jsonl] [options]

Compares the analyzer with the labelled emails in FILE.jsonl (default ${DEFAULTS.emails};
each line's "expect" maps check ids to true = pass / false = fail; a check left out is skipped),
then measures the ask detector and the politeness score on the public data. Paths are relative
to the current directory (the repository root under npm run).

Options:
  --verbose            list every disagreement (email, check, expected, got, message)
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

async function evaluateChecks(path: string, verbose: boolean): Promise<CheckSummary[]> {
  const emails = toLabelledEmails(parseEmailJsonl(await readTextInput(path), path), path);
  if (emails.length === 0) throw new CliError(`${path}: no emails to evaluate`);
  const outcomes = emails.flatMap((email) => {
    try {
      return compareWithLabels(email, analyzeEmail(email.input));
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${path}:${email.line}: the analyzer failed on ${email.name}: ${errorMessage(error)}`);
    }
  });
  const summaries = summarizeByCheck(outcomes);
  console.log(`Checks against the labels in ${path} (${emails.length} emails, ${outcomes.length} labelled checks)\n`);
  console.log(renderCheckTable(summaries));
  console.log(renderFootnote(summaries));
  if (verbose) console.log(`\n${renderDisagreements(outcomes)}`);
  return summaries;
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

  const emails = positionals[0] ?? defaultDataFile(DEFAULTS.emails, 'The labelled emails', 'npm run eval -- FILE.jsonl');
  const summaries = await evaluateChecks(emails, values.verbose ?? false);
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
