/** The real course in lessons/: it loads, and its content holds up against the analyzer. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeEmail, CHECK_IDS, type CheckId } from '../../src/analyzer/index.ts';
import { readLessonFiles } from '../../src/cli/lesson-files.ts';
import { loadCourse } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { scoreAgainstRubric } from '../../src/content/rubric.ts';
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
    it(`${lesson.id}: the “after” email passes every check and the “before” fails what the lesson teaches`, () => {
      const failed = (email: { subject: string; body: string }) =>
        analyzeEmail(email)
          .checks.filter((c) => c.applicable && !c.passed)
          .map((c) => c.id);
      assert.deepEqual(failed(example.after), []);
      const taught = lesson.objectives.map((o) => o.check).filter((c): c is CheckId => c !== undefined);
      const before = failed(example.before);
      assert.ok(taught.some((c) => before.includes(c)), `before fails only ${before.join(', ')}`);
    });
  }
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
