/** The real course in lessons/: it loads, and its content holds up against the analyzer. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readEmail } from '../../src/analyzer/email.ts';
import { CHECK_IDS, type AnalysisResult, type CheckId } from '../../src/analyzer/index.ts';
import { readFacts } from '../../src/analyzer/scenario/facts.ts';
import { readLessonFiles } from '../../src/build/lesson-files.ts';
import { loadCourse } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { scenarioSpec, scoreAgainstRubric, scoreWorkedExample } from '../../src/content/rubric.ts';
import { runTool } from '../cli/run-tool.ts';
import type { Course } from '../../src/content/schema.ts';

function loadRealCourse(): Course {
  const result = loadCourse(readLessonFiles('lessons'));
  assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
  return result.course;
}

const course = loadRealCourse();
const units = course.lessons.filter((l) => l.role === 'unit');
const diagnostic = course.lessons.find((l) => l.role === 'diagnostic');
const assessment = course.lessons.find((l) => l.role === 'assessment');
const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe('the course', () => {
  it('has the eleven lessons in order, a diagnostic first and the assessment last', () => {
    assert.equal(course.lessons.length, 11);
    assert.equal(course.lessons[0]?.role, 'diagnostic');
    assert.equal(course.lessons[course.lessons.length - 1]?.role, 'assessment');
    assert.equal(course.passScore, 80);
  });

  it('takes a learner about 45–60 minutes', () => {
    const minutes = course.lessons.reduce((n, l) => n + l.minutes, 0);
    assert.ok(minutes >= 45 && minutes <= 60, `${minutes} minutes`);
  });

  it('has at least 14 rewrite scenarios', () => {
    const scenarios = course.lessons.reduce((n, l) => n + l.scenarios.length, 0);
    assert.ok(scenarios >= 14, `${scenarios} scenarios`);
  });

  it('gives every lesson objectives, a short reading and two to four knowledge checks', () => {
    for (const lesson of course.lessons) {
      const words = wordCount(lesson.reading);
      assert.ok(words <= 330, `${lesson.id}: reading is ${words} words`);
      if (lesson.role === 'unit') {
        assert.ok(lesson.questions.length >= 2 && lesson.questions.length <= 4, `${lesson.id}: ${lesson.questions.length} questions`);
        assert.ok(lesson.example, `${lesson.id}: no worked example`);
      }
    }
  });

  it('ties every analyzer check to at least one unit’s objectives', () => {
    const taught = new Set(units.flatMap((l) => l.objectives.map((o) => o.check)));
    for (const id of CHECK_IDS) assert.ok(taught.has(id), `no unit teaches ${id}`);
  });
});

describe('worked examples against the analyzer', () => {
  for (const lesson of course.lessons) {
    const example = lesson.example;
    if (!example) continue;
    const taught = [...new Set(lesson.objectives.map((o) => o.check).filter((c): c is CheckId => c !== undefined))];
    // The lesson's exercises pass at their rubric's pass score (the course's when it has none).
    const passMark = Math.min(course.passScore, ...lesson.scenarios.map((s) => s.rubric.passScore));
    it(`${lesson.id}: the “after” email passes every check; the “before” fails what the lesson teaches and scores below ${passMark}`, () => {
      const failed = (email: { subject: string; body: string }) =>
        scoreWorkedExample(example, email, taught)
          .checks.filter((c) => c.applicable && !c.passed)
          .map((c) => c.id);
      assert.deepEqual(failed(example.after), []);
      const before = scoreWorkedExample(example, example.before, taught);
      const beforeFailed = failed(example.before);
      assert.ok(taught.some((c) => beforeFailed.includes(c)), `before fails only ${beforeFailed.join(', ')}`);
      assert.ok(before.score < passMark, `before scores ${before.score}`);
    });
  }
});

describe('scenario facts: what a good rewrite must carry', () => {
  for (const lesson of course.lessons) {
    for (const scenario of lesson.scenarios) {
      const facts = scenarioSpec(scenario).facts;
      const read = (email: { subject: string; body: string }) => {
        assert.ok(facts, 'the scenario declares its facts');
        return readFacts(readEmail(email.subject, email.body, { kind: scenario.kind, audience: scenario.audience }), facts);
      };
      it(`${scenario.id}: the model answer carries the ask in its first two sentences, the deadline, a stake, and no unexplained term`, () => {
        const r = read(scenario.model);
        assert.ok(r.ask && r.askInPreview, 'ask in the preview');
        assert.notEqual(r.deadline, null, 'deadline');
        assert.ok(r.stake, 'stake');
        assert.deepEqual(r.unexplained.map((u) => u.term.term), []);
      });
      if (lesson.role !== 'unit') continue;
      const taught = new Set(lesson.objectives.map((o) => o.check).filter((c) => c !== undefined && scenario.rubric.checks.includes(c)));
      const lacks: [CheckId, (r: ReturnType<typeof read>) => boolean][] = [
        ['main-point-first', (r) => !r.askInPreview],
        ['clear-ask', (r) => r.ask === null || r.deadline === null],
        ['reader-value', (r) => r.stake === null],
        ['plain-language', (r) => r.unexplained.length > 0],
      ];
      for (const [check, lacking] of lacks) {
        if (!taught.has(check)) continue;
        it(`${scenario.id}: the original lacks the fact its lesson teaches (${check})`, () => {
          assert.ok(lacking(read(scenario.original)));
        });
      }
    }
  }
});

describe('one verdict for one draft: the course, the flows and the command line agree', () => {
  it('scores every model answer and original the same through scoreAgainstRubric and analyze --jsonl --scenario', async () => {
    const drafts = course.lessons.flatMap((l) => l.scenarios.flatMap((s) => [s.model, s.original].map((e) => ({ scenario: s, email: e }))));
    const input = drafts.map((d) => JSON.stringify({ subject: d.email.subject, body: d.email.body, scenario: d.scenario.id })).join('\n');
    const run = await runTool('analyze.ts', ['--jsonl', '-'], input);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as AnalysisResult);
    assert.equal(lines.length, drafts.length);
    drafts.forEach((d, i) => {
      const course = scoreAgainstRubric(d.scenario, d.email);
      assert.deepEqual(lines[i], course.analysis, d.scenario.id);
      assert.equal(lines[i]?.passed, course.passed);
    });
  });
});

describe('rewrite scenarios against the analyzer', () => {
  for (const lesson of course.lessons) {
    for (const scenario of lesson.scenarios) {
      it(`${lesson.id}/${scenario.id}: the model answer passes its own rubric`, () => {
        const result = scoreAgainstRubric(scenario, scenario.model);
        assert.ok(result.passed, `score ${result.score}/${scenario.rubric.passScore}, failed: ${result.failedChecks.join(', ')}`);
      });

      it(`${lesson.id}/${scenario.id}: the original fails the checks its lesson teaches`, () => {
        const result = scoreAgainstRubric(scenario, scenario.original);
        assert.equal(result.passed, false);
        if (lesson.role === 'unit') {
          const taught = lesson.objectives.map((o) => o.check).filter((c): c is CheckId => c !== undefined && scenario.rubric.checks.includes(c));
          assert.ok(taught.length > 0, 'the rubric scores none of the lesson’s checks');
          for (const id of taught) assert.ok(result.failedChecks.includes(id), `the original passes ${id}`);
        } else {
          assert.ok(result.failedChecks.length >= 2, `fails only ${result.failedChecks.join(', ')}`);
        }
      });
    }
  }

  it('starts with a diagnostic rewrite scored on every general check', () => {
    const scenario = diagnostic?.scenarios[0];
    assert.ok(scenario);
    assert.deepEqual([...scenario.rubric.checks].sort(), CHECK_IDS.filter((c) => c !== 'follow-up').sort());
    assert.ok(scoreAgainstRubric(scenario, scenario.original).failedChecks.length >= 5);
  });

  it('has a final assessment whose rewrites together score and catch every check', () => {
    assert.ok(assessment && assessment.scenarios.length >= 3);
    const scored = new Set(assessment.scenarios.flatMap((s) => s.rubric.checks));
    const failed = new Set(assessment.scenarios.flatMap((s) => scoreAgainstRubric(s, s.original).failedChecks));
    for (const id of CHECK_IDS) {
      assert.ok(scored.has(id), `no assessment rubric scores ${id}`);
      assert.ok(failed.has(id), `no assessment original fails ${id}`);
    }
  });
});

describe('originality', () => {
  it('copies no sentence from the source article (no run of 8 words in common)', () => {
    const source = '../shared/source/getting-attention-from-managers.txt';
    if (!existsSync(source)) return; // shared/ sits beside the checkout on these machines
    const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
    const grams = new Set<string>();
    const src = norm(readFileSync(source, 'utf8'));
    for (let i = 0; i + 8 <= src.length; i += 1) grams.add(src.slice(i, i + 8).join(' '));
    for (const file of readLessonFiles('lessons')) {
      const words = norm(file.text);
      for (let i = 0; i + 8 <= words.length; i += 1) {
        const gram = words.slice(i, i + 8).join(' ');
        assert.ok(!grams.has(gram), `${file.path} repeats the source: “${gram}”`);
      }
    }
  });
});
