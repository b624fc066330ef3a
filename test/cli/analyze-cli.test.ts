// End to end: `src/cli/analyze.ts` as npm runs it. Asserts shapes and error handling only, never
// the analyzer's scores (they are being tuned).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AnalysisResult } from '../../src/analyzer/index.ts';
import { CHECK_IDS } from '../../src/analyzer/index.ts';
import { parseEmailFile } from '../../src/evaluation/email-file.ts';
import { FIXTURES, failureLine, runTool } from './run-tool.ts';

const analyze = (...args: string[]) => runTool('analyze.ts', args);

function assertResultShape(value: unknown): asserts value is AnalysisResult {
  assert.ok(typeof value === 'object' && value !== null && 'score' in value && 'checks' in value, 'not a result');
  const { score, checks } = value as AnalysisResult;
  assert.equal(typeof score, 'number');
  assert.ok(score >= 0 && score <= 100, `score ${score} outside 0–100`);
  assert.deepEqual(checks.map((c) => c.id), [...CHECK_IDS]);
  for (const c of checks) {
    assert.equal(typeof c.applicable, 'boolean');
    assert.equal(typeof c.passed, 'boolean');
    assert.ok(c.score >= 0 && c.score <= 1, `${c.id} score ${c.score}`);
    assert.equal(typeof c.message, 'string');
    assert.ok(Array.isArray(c.findings));
  }
}

describe('analyze FILE', { concurrency: true }, () => {
  it('--json prints the contract JSON with the 9 checks, offsets inside the parsed email', async () => {
    const file = `${FIXTURES}/request.txt`;
    const run = await analyze('--json', file);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const result: unknown = JSON.parse(run.stdout);
    assertResultShape(result);
    const email = parseEmailFile(await readFile(file, 'utf8'), file);
    for (const finding of result.checks.flatMap((c) => c.findings)) {
      const text = finding.field === 'subject' ? email.subject : email.body;
      assert.ok(finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length, JSON.stringify(finding));
    }
  });

  it('prints a readable report naming every check', async () => {
    const run = await analyze(`${FIXTURES}/request.txt`);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Subject: "Sign off the new visitor badge process by Thursday 12 September" {2}\[request, non-technical\]$/m);
    assert.match(run.stdout, /^Score: \d+\/100 \(\d+ of \d+ applicable checks passed\)$/m);
    for (const id of CHECK_IDS) assert.match(run.stdout, new RegExp(`^(pass|FAIL|n/a ) {2}${id} `, 'm'), id);
  });

  it('reads the email from standard input with -', async () => {
    const run = await runTool('analyze.ts', ['--json', '-'], 'Subject: Printer fixed\nKind: update\n\nHi all,\n\nThe printer works again.\n');
    assert.equal(run.code, 0, run.stderr);
    assertResultShape(JSON.parse(run.stdout));
  });

  it('accepts rubric weights', async () => {
    const run = await analyze('--json', '--weights', 'subject=2,clear-ask=3', `${FIXTURES}/request.txt`);
    assert.equal(run.code, 0, run.stderr);
    assertResultShape(JSON.parse(run.stdout));
  });

  it('prints help', async () => {
    const run = await analyze('--help');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage:/);
    assert.match(run.stdout, /--jsonl FILE\.jsonl/);
  });
});

describe('analyze --jsonl', { concurrency: true }, () => {
  it('prints one compact result a line, one per object, in order (blank lines skipped)', async () => {
    const run = await analyze('--jsonl', `${FIXTURES}/three.jsonl`);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines.pop(), '', 'output ends with a newline');
    assert.equal(lines.length, 3);
    for (const line of lines) assertResultShape(JSON.parse(line));
  });

  it('keeps results aligned with the inputs', async () => {
    const file = `${FIXTURES}/three.jsonl`;
    const batch = (await analyze('--jsonl', file)).stdout.trim().split('\n');
    const objects = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    const third = JSON.parse(objects[2] ?? '{}') as { subject: string; body: string; context: { kind: string } };
    const alone = await runTool('analyze.ts', ['--json', '-'], `Subject: ${third.subject}\nKind: ${third.context.kind}\n\n${third.body}`);
    assert.deepEqual(JSON.parse(batch[2] ?? ''), JSON.parse(alone.stdout));
  });

  it('answers a malformed line in its place and goes on with the rest, exiting 1 (contract v2)', async () => {
    const run = await analyze('--jsonl', `${FIXTURES}/bad-line-2.jsonl`);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    assert.equal(lines.length, 3, 'one output line per input line');
    assertResultShape(lines[0]);
    assert.deepEqual(Object.keys(lines[1] as object), ['line', 'error']);
    assert.equal((lines[1] as { line: number }).line, 2);
    assert.match((lines[1] as { error: string }).error, /^test\/cli\/fixtures\/bad-line-2\.jsonl:2: not valid JSON \(.+\)$/);
    assertResultShape(lines[2]);
    assert.match(run.stderr, /^analyze: test\/cli\/fixtures\/bad-line-2\.jsonl:2: not valid JSON/m);
  });

  it('names the line and field of a wrong value, in place', async () => {
    const run = await analyze('--jsonl', `${FIXTURES}/bad-field.jsonl`);
    assert.equal(run.code, 1);
    const [first, second] = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    assertResultShape(first);
    assert.match((second as { error: string }).error, /bad-field\.jsonl:2: "body" must be a string, not a number$/);
  });

  it('scores a line that names a scenario as the course scores that rewrite, and names the nearest ids for an unknown one', async () => {
    const input = join(await mkdtemp(join(tmpdir(), 'analyze-scenario-')), 'rewrites.jsonl');
    const draft = { subject: 'Approve £2,400 for scanners by Fri 14 June', body: 'Hi Laura,\n\nCould you approve £2,400 for six new scanners by Friday 14 June? The pickers lose three hours a day re-scanning orders.\n\nThanks,\nPriya' };
    await writeFile(input, [JSON.stringify({ ...draft, scenario: 'scanner_budget_buried' }), JSON.stringify({ ...draft, scenario: 'scaner_budget_buried' })].join('\n'));
    const run = await analyze('--jsonl', input);
    assert.equal(run.code, 1);
    const [scored, unknown] = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(typeof scored?.['passed'], 'boolean');
    const applicable = (scored?.['checks'] as { id: string; applicable: boolean }[]).filter((c) => c.applicable).map((c) => c.id);
    assert.deepEqual(applicable.sort(), ['clear-ask', 'concise', 'courteous', 'main-point-first', 'reader-value', 'subject']);
    assert.match(String(unknown?.['error']), /unknown scenario “scaner_budget_buried”; nearest: scanner_budget_buried/);
  });

  it('takes --scenario for a single email and refuses an unknown id with exit 1', async () => {
    const ok = await analyze('--json', '--scenario', 'scanner_budget_buried', `${FIXTURES}/request.txt`);
    const bad = await analyze('--json', '--scenario', 'no_such_scenario', `${FIXTURES}/request.txt`);
    assert.equal(ok.code, 0);
    assert.equal(typeof (JSON.parse(ok.stdout) as { passed?: unknown }).passed, 'boolean');
    assert.equal(bad.code, 1);
    assert.match(failureLine(bad), /unknown scenario “no_such_scenario”/);
  });
});

describe('analyze refuses bad input clearly', { concurrency: true }, () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'analyze-cli-'));
    await writeFile(join(dir, 'binary.txt'), Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x48, 0x69]));
    await writeFile(join(dir, 'latin1.txt'), Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a missing file', async () => {
    const run = await analyze('test/cli/fixtures/no-such-email.txt');
    assert.equal(failureLine(run), 'analyze: cannot read test/cli/fixtures/no-such-email.txt: no such file');
  });

  it('a missing JSONL file', async () => {
    const run = await analyze('--jsonl', 'no-such.jsonl');
    assert.equal(failureLine(run), 'analyze: cannot read no-such.jsonl: no such file');
  });

  it('a directory', async () => {
    assert.match(failureLine(await analyze('test/cli/fixtures')), /test\/cli\/fixtures: it is a directory/);
  });

  it('a binary file', async () => {
    const file = join(dir, 'binary.txt');
    assert.equal(failureLine(await analyze(file)), `analyze: ${file} looks like a binary file (it contains NUL bytes); expected UTF-8 text`);
  });

  it('a file that is not UTF-8', async () => {
    assert.match(failureLine(await analyze(join(dir, 'latin1.txt'))), /latin1\.txt is not valid UTF-8 text/);
  });

  it('an unknown option, with exit code 2', async () => {
    const run = await analyze('--jsno', `${FIXTURES}/request.txt`);
    assert.equal(failureLine(run), 'analyze: unknown option --jsno (try --help)');
    assert.equal(run.code, 2);
  });

  it('no file at all', async () => {
    assert.match(failureLine(await analyze()), /no email given/);
  });

  it('an unknown kind in the header', async () => {
    const run = await runTool('analyze.ts', ['-'], 'Subject: Hi\nKind: reminder\n\nBody');
    assert.match(failureLine(run), /^analyze: standard input:2: Kind: "reminder" is not a kind/);
  });

  it('an unknown check in --weights', async () => {
    assert.match(failureLine(await analyze('--weights', 'tone=2', `${FIXTURES}/request.txt`)), /"tone" is not a check id/);
  });
});
