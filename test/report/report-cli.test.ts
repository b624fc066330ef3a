/** `npm run report`: the files it writes, its one-line summary, and clear failures. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { failureLine, runTool } from '../cli/run-tool.ts';

const TOOL = 'records-report.ts';
const EXAMPLE = 'docs/example-records.jsonl';

describe('npm run report', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'report-cli-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes report.html and report.csv for the documented example, and prints one summary line', async () => {
    const out = join(dir, 'example', 'nested');
    const run = await runTool(TOOL, [EXAMPLE, '--out', out]);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `report: 5 learners from 6 records: 60% completed, 40% passed, average score 87 → ${join(out, 'report.html')}, ${join(out, 'report.csv')}\n`);
    assert.match(readFileSync(join(out, 'report.html'), 'utf8'), /<h1>Emails that get answered<\/h1>/);
    const csv = readFileSync(join(out, 'report.csv'), 'utf8');
    assert.ok(csv.startsWith('\uFEFFLearner ID,Name,Team,Status,'));
    assert.equal(csv.trimEnd().split('\r\n').length, 6);
  });

  it('filters with --team, --status, --from and --to', async () => {
    const run = await runTool(TOOL, [EXAMPLE, '--out', join(dir, 'sales'), '--team', 'Sales', '--status', 'passed,failed', '--from', '2024-06-01', '--to', '2024-06-30']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^report: 2 learners \(of 5, filtered\) from 6 records: 100% completed, 100% passed, average score 93 →/);
  });

  it('skips a malformed line with a warning naming the file and line, and reports the rest', async () => {
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, `${JSON.stringify({ cmi: { learner_id: 'a', learner_name: 'Ana', completion_status: 'completed' } })}\n{"cmi": \n`);
    const run = await runTool(TOOL, [file, '--out', join(dir, 'mixed')]);
    assert.equal(run.code, 0);
    assert.match(run.stderr, new RegExp(`^report: warning: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not valid JSON \\(.+\\); line skipped\\n$`));
    assert.match(run.stdout, /^report: 1 learner from 1 record \(1 skipped\): 100% completed, 0% passed, average score —/);
  });

  it('fails clearly when nothing usable was read, without a stack trace', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, 'not json\n');
    const run = await runTool(TOOL, [file, join(dir, 'missing.jsonl'), '--out', join(dir, 'bad')]);
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stderr, /^\s+at /m);
    const lines = run.stderr.trim().split('\n');
    assert.match(lines[0] ?? '', /bad\.jsonl:1: not valid JSON/);
    assert.match(lines[1] ?? '', /missing\.jsonl: cannot read it \(.*no such file.*\); file skipped/i);
    assert.match(lines[2] ?? '', /^report: no usable learner records in .*; nothing written/);
    assert.equal(existsSync(join(dir, 'bad')), false);
  });

  it('explains a wrong command line', async () => {
    assert.match(failureLine(await runTool(TOOL, [EXAMPLE])), /^report: --out DIR is required.*\(try --help\)$/);
    assert.match(failureLine(await runTool(TOOL, ['--out', dir])), /^report: name at least one file of learner records \(try --help\)$/);
    assert.match(failureLine(await runTool(TOOL, [EXAMPLE, '--out', dir, '--status', 'done'])), /"done" is not a status; use passed, failed, completed, incomplete, not-attempted/);
    assert.match(failureLine(await runTool(TOOL, [EXAMPLE, '--out', dir, '--from', '2024-02-30'])), /--from must be a date written YYYY-MM-DD, got "2024-02-30"/);
    assert.match(failureLine(await runTool(TOOL, [EXAMPLE, '--out', dir, '--course', join(dir, 'nowhere')])), /^report: cannot read the lessons folder/);
  });
});
