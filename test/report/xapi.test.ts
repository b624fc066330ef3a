/**
 * Reports from an LRS: statements the cmi5 store really sent (to the local LRS on loopback) are
 * read back into the same report model as SCORM records, and `npm run report -- --xapi FILE`
 * writes the same HTML and CSV.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startPreviewServer, type PreviewServer } from '../../scorm/preview/routes.ts';
import { outlineOf } from '../../src/content/outline.ts';
import type { Course } from '../../src/content/schema.ts';
import { VERBS } from '../../src/lms/cmi5/statement-types.ts';
import type { CourseResult } from '../../src/flows/rules.ts';
import { buildReport } from '../../src/report/model.ts';
import { parseXapiText } from '../../src/report/xapi.ts';
import { runTool } from '../cli/run-tool.ts';
import { loadCourseFiles } from '../e2e/course-files.ts';
import { until } from '../lms/cmi5/until.ts';

(globalThis as { self?: unknown }).self ??= globalThis;
const { Cmi5Store } = await import('../../src/lms/cmi5/store.ts');

const done = (final: number): CourseResult => ({ progressMeasure: 1, completed: true, finalScore: final, diagnosticScore: null, passed: final >= 80, skills: [], lessonStatuses: {} });

/** A learner who answers every question and rewrites every email (the diagnostic at 40, the rest at `score`). */
async function takeCourse(server: PreviewServer, course: Course, score: number, finish: boolean): Promise<void> {
  const lrs = server.cmi5?.lrs;
  assert.ok(lrs);
  const session = lrs.launch({ auUrl: `${server.url}course/index.html`, newRegistration: true });
  const store = new Cmi5Store({ courseId: course.id, reportLearnerText: true, launchUrl: session.launchUrl, storage: null, retryDelaysMs: [20] });
  await store.start();
  const now = Date.now();
  for (const lesson of finish ? course.lessons : course.lessons.slice(0, 2)) {
    for (const q of lesson.questions) {
      const correct = q.options.flatMap((o, i) => (o.correct ? [i] : [])).join(',');
      await store.recordInteraction({ id: q.id, kind: 'question', description: q.prompt, response: correct, correct: true, score: 100, at: now, latencySeconds: 0 });
    }
    for (const s of lesson.scenarios) {
      const value = lesson.role === 'diagnostic' ? 40 : score;
      await store.recordInteraction({
        id: `${s.id}_1`,
        kind: 'rewrite',
        description: s.title,
        response: `${s.model.subject}\n\n${s.model.body}`,
        correct: value >= 80,
        score: value,
        checks: { subject: value, 'clear-ask': value, courteous: value },
        at: now,
        latencySeconds: 30,
      });
    }
  }
  if (finish) await store.report(done(score));
  await store.finish();
  await until('every statement stored', () => store.pending.length === 0);
}

describe('reports from an LRS (npm run report -- --xapi)', () => {
  let server: PreviewServer;
  let dir = '';
  let exported = '';
  const { course } = loadCourseFiles();
  const outline = outlineOf(course);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xapi-report-'));
    server = await startPreviewServer({ courseDir: dir, dataDir: dir, hostScript: '', port: 0, passScore: 80, cmi5: { courseId: course.id } });
    // An attempt left partway, then a new registration taken to the end: the report shows the latest.
    await takeCourse(server, course, 70, false);
    await takeCourse(server, course, 92, true);
    const lrs = server.cmi5?.lrs;
    assert.ok(lrs);
    assert.deepEqual(lrs.refusals, []);
    exported = lrs.statements.map((s) => JSON.stringify(s)).join('\n');
  });

  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads one attempt per registration, with status, score, time and every rewrite', () => {
    const parsed = parseXapiText(exported, 'lrs.jsonl', outline);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.attempts.length, 2);
    const [partway, finished] = parsed.attempts;
    assert.ok(finished && partway);
    assert.equal(finished.status, 'passed');
    assert.equal(finished.score, 92);
    assert.equal(finished.learnerName, 'Preview Learner');
    assert.ok(finished.seconds !== null && finished.seconds >= 0);
    const rewrites = finished.interactions.filter((i) => i.type === 'long-fill-in');
    assert.equal(rewrites.length, outline.lessons.reduce((n, l) => n + l.scenarios.length, 0));
    assert.equal(partway.status, 'incomplete');
    assert.equal(partway.score, null);
  });

  it('feeds the same report model as SCORM records: skills, improvement and the learners’ emails', () => {
    const parsed = parseXapiText(exported, 'lrs.jsonl', outline);
    const model = buildReport(parsed.attempts, outline, { checkNames: Object.fromEntries(['subject', 'clear-ask', 'courteous'].map((c) => [c, c])) as never, now: Date.now() }, parsed.problems);
    assert.equal(model.learners.length, 1, 'one learner, two registrations');
    const learner = model.learners[0];
    assert.ok(learner);
    assert.equal(learner.attempts, 2);
    const latest = [...learner.rewrites].reverse();
    assert.ok(latest.some((r) => r.text?.includes('\n\n')), "the learner's emails, whole");
    assert.equal(learner.checks['clear-ask'].score !== null, true);
  });

  it('reads a JSON array and an LRS statement result too, skips what is not a statement, and ignores voided ones', () => {
    const statements = exported.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const asArray = parseXapiText(JSON.stringify(statements, null, 2), 'lrs.json', outline);
    const asResult = parseXapiText(JSON.stringify({ statements, more: '' }), 'lrs.json', outline);
    assert.equal(asArray.attempts.length, 2);
    assert.equal(asResult.attempts.length, 2);
    const passed = statements.find((s) => (s['verb'] as { id: string }).id === VERBS.passed);
    assert.ok(passed);
    const voiding = { ...passed, id: crypto.randomUUID(), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: passed['id'] } };
    const withBad = [exported, '{"not": "a statement"}', 'not json', JSON.stringify(voiding)].join('\n');
    const parsed = parseXapiText(withBad, 'lrs.jsonl', outline);
    assert.deepEqual(
      parsed.problems.map((p) => `${p.where}: ${p.message}`),
      [`lrs.jsonl:${statements.length + 1}: not an xAPI statement (no actor or verb); skipped`, `lrs.jsonl:${statements.length + 2}: not valid JSON; line skipped`],
    );
    assert.equal(parsed.attempts.find((a) => a.interactions.length > 40)?.status, 'completed', 'passed was voided');
    assert.equal(parseXapiText('[{', 'bad.json', outline).problems[0]?.message.startsWith('not valid JSON'), true);
  });

  it('npm run report -- --xapi FILE writes the report and its summary line', async () => {
    const file = join(dir, 'statements.jsonl');
    writeFileSync(file, exported);
    const out = join(dir, 'report');
    const run = await runTool('records-report.ts', ['--xapi', file, '--out', out]);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^report: 1 learner from 2 records: 100% completed, 100% passed, average score 92 →/);
    assert.match(readFileSync(join(out, 'report.html'), 'utf8'), /Preview Learner/);
    assert.match(readFileSync(join(out, 'report.csv'), 'utf8'), /preview-learner/);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const failed = await runTool('records-report.ts', ['--xapi', empty, '--out', out]);
    assert.notEqual(failed.code, 0);
    assert.doesNotMatch(failed.stderr, /^\s+at /m, 'no stack trace');
    assert.match(failed.stderr, /empty\.jsonl: the file is empty[^]*no usable learner records/);
  });
});
