// End to end: `src/cli/evaluate.ts` on small fixtures. The labelled fixture holds the same email
// twice with opposite `subject` labels, so whatever the analyzer says, its balanced accuracy on
// `subject` is exactly 0.50: that makes --min testable without depending on scores.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { CHECK_IDS } from '../../src/analyzer/index.ts';
import { FIXTURES, failureLine, runTool } from './run-tool.ts';

const data = ['--asks', `${FIXTURES}/asks-sample.tsv`, '--politeness', `${FIXTURES}/politeness-sample.csv`];
const evaluate = (...args: string[]) => runTool('evaluate.ts', [`${FIXTURES}/labelled.jsonl`, ...data, ...args]);

describe('evaluate', { concurrency: true }, () => {
  it('prints the per-check table, the footnote and both data sections', async () => {
    const run = await evaluate();
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /labelled\.jsonl: 3 emails, 4 labelled checks/);
    assert.match(run.stdout, /^check +pass +fail +true-pass +true-fail +balanced$/m);
    for (const id of CHECK_IDS) assert.match(run.stdout, new RegExp(`^${id} +\\d+ +\\d+ `, 'm'), id);
    assert.match(run.stdout, /^subject +1 +1 +\d\.\d\d \(\d\/1\) +\d\.\d\d \(\d\/1\) +0\.50$/m);
    assert.match(run.stdout, /^concise +0 +0 +n\/a +n\/a +n\/a$/m);
    assert.match(run.stdout, /^overall \(pooled\) +3 +1 /m);
    assert.match(run.stdout, /not\s+applicable .* counts as a predicted pass/s);
    assert.match(run.stdout, /Ask detector \(isAskSentence\) on .*asks-sample\.tsv: 4 rows used, 1 unreadable lines skipped\n {2}precision (\d\.\d\d|n\/a) {2}recall \d\.\d\d {2}F1 /);
    assert.match(run.stdout, /Politeness .* on .*politeness-sample\.csv: 4 rows used, 1 skipped\n {2}Pearson r /);
  });

  it('--verbose lists the disagreements, including the one the subject pair must have', async () => {
    const run = await evaluate('--verbose');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Disagreements \(\d+\):$/m);
    assert.match(run.stdout, /^same-[ab] +subject +expected (pass|fail) +got (pass|fail|n\/a \(pass\)) +".*"$/m);
  });

  it('--min fails only below the threshold, naming the check', async () => {
    const atThreshold = await evaluate('--min', '0.5');
    assert.equal(atThreshold.code, 0, atThreshold.stderr);
    const above = await evaluate('--min', '0.6');
    assert.equal(above.code, 1);
    assert.match(above.stderr, /^evaluate: balanced accuracy below --min 0\.6: subject 0\.50\n$/);
  });

  it('notes a missing data file and still succeeds', async () => {
    const run = await runTool('evaluate.ts', [`${FIXTURES}/labelled.jsonl`, '--asks', 'no-such.tsv', '--politeness', `${FIXTURES}/politeness-sample.csv`]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Ask detector: skipped \(cannot read no-such\.tsv: no such file\)$/m);
    assert.match(run.stdout, /Pearson r /);
  });

  it('fails clearly when the labelled file is missing or malformed', async () => {
    assert.equal(failureLine(await runTool('evaluate.ts', ['no-such.jsonl', ...data])), 'evaluate: cannot read no-such.jsonl: no such file');
    assert.match(failureLine(await runTool('evaluate.ts', [`${FIXTURES}/bad-line-2.jsonl`, ...data])), /bad-line-2\.jsonl:2: not valid JSON/);
  });

  it('refuses a --min outside 0–1', async () => {
    const run = await evaluate('--min', '90');
    assert.match(failureLine(run), /--min must be a number from 0 to 1, got "90"/);
    assert.equal(run.code, 2);
  });

  it('by default prints train, dev and frozen-test tables, the kappa of the double-labelled sample and the politeness AUC', async () => {
    const run = await runTool('evaluate.ts', data);
    assert.equal(run.code, 0, run.stderr);
    for (const title of ['Train', 'Dev', 'Frozen test']) assert.match(run.stdout, new RegExp(`^## ${title}\\b.*: \\d+ emails, \\d+ labelled checks$`, 'm'), title);
    assert.match(run.stdout, /of which \d+ learners' rewrites, scored as the course scores them: mean \d\.\d\d/);
    assert.match(run.stdout, /^## Agreement between two labellers \(155 emails labelled twice, independently\)$/m);
    for (const id of CHECK_IDS) assert.match(run.stdout, new RegExp(`^${id} +\\d+ +\\d+% +-?\\d\\.\\d\\d$`, 'm'), `kappa for ${id}`);
    assert.match(run.stdout, /AUC, most polite quarter ranked above the least polite quarter: /);
  });

  it('never lists the frozen test set\'s misses, even with --verbose', async () => {
    const frozen = (await readFile('test/analyzer/corpus/test.jsonl', 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { id: string }).id);
    const run = await runTool('evaluate.ts', ['--verbose', ...data]);
    assert.equal(run.code, 0, run.stderr);
    const listed = new Set([...run.stdout.matchAll(/^(\S+) +(?:subject|main-point-first|one-topic|clear-ask|plain-language|reader-value|concise|courteous|follow-up) +expected /gm)].map((m) => m[1]));
    assert.ok(listed.size > 0, 'the train and dev disagreements are listed');
    for (const id of frozen) assert.ok(!listed.has(id), `${id} from the frozen set was listed`);
  });
});
