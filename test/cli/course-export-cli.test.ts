import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runTool } from './run-tool.ts';

interface ExportedScenario {
  id: string;
  kind: string;
  original: { subject: string; body: string };
  model: { subject: string; body: string };
  checks: string[];
  passScore: number;
}
interface ExportedCourse {
  id: string;
  title: string;
  passScore: number;
  lessons: { id: string; title: string; objectives: string[]; scenarios: ExportedScenario[]; questions: { id: string; type: string; prompt: string }[] }[];
}

describe('course:export', () => {
  it('prints the validated course as JSON in the agreed shape', async () => {
    const run = await runTool('course-export.ts', []);
    assert.equal(run.code, 0, run.stderr);
    const course = JSON.parse(run.stdout) as ExportedCourse;
    assert.equal(typeof course.id, 'string');
    assert.equal(course.passScore, 80);
    assert.ok(course.lessons.length >= 11);
    for (const lesson of course.lessons) {
      assert.match(lesson.id, /^[A-Za-z][A-Za-z0-9_]*$/);
      assert.ok(Array.isArray(lesson.objectives));
      for (const s of lesson.scenarios) {
        assert.ok(s.original.body.length > 0 && s.model.body.length > 0);
        assert.ok(s.checks.length > 0 && s.passScore > 0);
      }
      for (const q of lesson.questions) assert.ok(['single', 'multiple', 'true-false'].includes(q.type));
    }
  });

  it('lists every problem of a broken course, one a line, naming file and field, and exits 1', async () => {
    const run = await runTool('course-export.ts', ['--dir', 'test/cli/fixtures/broken-course']);
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stderr, /^\s+at /m);
    const lines = run.stderr.trim().split('\n');
    assert.match(lines[0] ?? '', /^course: 2 problems in the course files:$/);
    assert.ok(lines.includes('test/cli/fixtures/broken-course/01-lesson.yaml: scenarios[0].rubric.weights.clearask: unknown check id; did you mean clear-ask?'), run.stderr);
    assert.ok(lines.includes('test/cli/fixtures/broken-course/01-lesson.yaml: scenarios[0].kind: “memo” is not allowed; use one of: request, follow-up, update, announcement'), run.stderr);
  });
});
