import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCourse, loadLesson, type ContentFile } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';

const COURSE = `id: test_course
title: Test course
description: A course for tests.
passScore: 80
lessons: [only_lesson, the_assessment]
`;

const LESSON = `id: only_lesson
title: A lesson
minutes: 5
objectives:
  - check: clear-ask
    text: Ask clearly.
reading: |
  Some reading.
questions:
  - id: q_one
    type: true-false
    prompt: Is this a question?
    options:
      - text: "True"
        correct: true
        feedback: Yes.
      - text: "False"
        correct: false
        feedback: No.
scenarios:
  - id: s_one
    title: A rewrite
    kind: request
    audience: non-technical
    context: { you: You, reader: Them, need: A thing, why: A reason }
    original: { subject: Hi, body: "Send it." }
    model: { subject: Send the report by Friday, body: "Hi Jo, could you send it by Friday?" }
    facts:
      reader: Jo
      ask: { label: the report, any: [send report|it] }
      deadline: { label: Friday, any: [friday] }
      stakes: [{ label: a reason, any: [reason] }]
    rubric:
      checks: [clear-ask, subject]
      weights: { clear-ask: 2 }
      passScore: 75
    hints: [One, Two]
`;

const ASSESSMENT = `id: the_assessment
title: Final
role: assessment
minutes: 5
objectives:
  - text: Everything.
reading: Read this.
scenarios:
  - id: s_final
    title: Final rewrite
    kind: follow-up
    audience: technical
    context: { you: You, reader: Them, need: A thing, why: A reason }
    original: { subject: Hi, body: "Any update?" }
    model: { subject: Report due Friday, body: "Hi Jo, following up on my email of 3 June: could you send it by Friday?" }
    facts: { reader: Jo, ask: { label: the report, any: [send report|it] }, stakes: [{ label: a reason, any: [reason] }] }
    rubric: { checks: [follow-up, clear-ask], passScore: 70 }
    hints: [One, Two]
`;

function files(lesson = LESSON, course = COURSE, extra: ContentFile[] = []): ContentFile[] {
  return [
    { path: 'lessons/course.yaml', text: course },
    { path: 'lessons/01-only.yaml', text: lesson },
    { path: 'lessons/02-final.yaml', text: ASSESSMENT },
    ...extra,
  ];
}

function problems(input: ContentFile[]): string[] {
  const result = loadCourse(input);
  assert.equal(result.ok, false, 'expected the course to be refused');
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('course loading', () => {
  it('loads a valid course with its lessons in the course file’s order and defaults filled in', () => {
    const result = loadCourse(files());
    assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
    assert.deepEqual(
      result.course.lessons.map((l) => l.id),
      ['only_lesson', 'the_assessment'],
    );
    assert.equal(result.course.settings.defaultAttempts, 3);
    assert.equal(result.course.lessons[0]?.scenarios[0]?.rubric.hintReveal, 'on-request');
    assert.equal(result.course.lessons[0]?.questions[0]?.retry, true);
  });

  it('names the file, the field and the fix for a missing field', () => {
    const broken = LESSON.replace('    title: A rewrite\n', '');
    assert.deepEqual(problems(files(broken)), ['lessons/01-only.yaml: scenarios[0].title: is missing; add it (text)']);
  });

  it('suggests the right check id for a misspelt one in rubric weights', () => {
    const broken = LESSON.replace('weights: { clear-ask: 2 }', 'weights: { clearask: 2 }');
    assert.deepEqual(problems(files(broken)), ['lessons/01-only.yaml: scenarios[0].rubric.weights.clearask: unknown check id; did you mean clear-ask?']);
  });

  it('suggests the right check id for a misspelt one in a list of checks', () => {
    const broken = LESSON.replace('checks: [clear-ask, subject]', 'checks: [clear-ask, subjet]');
    assert.deepEqual(problems(files(broken)), ['lessons/01-only.yaml: scenarios[0].rubric.checks[1]: unknown check id; did you mean subject?']);
  });

  it('refuses an invalid kind, listing what is allowed', () => {
    const broken = LESSON.replace('kind: request', 'kind: question');
    const [message] = problems(files(broken));
    assert.equal(message, 'lessons/01-only.yaml: scenarios[0].kind: “question” is not allowed; use one of: request, follow-up, update, announcement');
  });

  it('reports a duplicate id with where it was first used', () => {
    const broken = LESSON.replace('id: q_one', 'id: s_one');
    assert.deepEqual(problems(files(broken)), [
      'lessons/01-only.yaml: scenarios[0].id: id “s_one” is already used at lessons/01-only.yaml questions[0].id; ids must be unique across the course',
    ]);
  });

  it('refuses ids that are not SCORM-safe', () => {
    const broken = LESSON.replace('id: only_lesson', 'id: only-lesson');
    const [message] = problems(files(broken));
    assert.match(message ?? '', /^lessons\/01-only\.yaml: id: is not a valid id; use letters, digits and underscores/);
  });

  it('names a misspelt field and suggests the right one', () => {
    const broken = LESSON.replace('passScore: 75', 'pasScore: 75');
    const messages = problems(files(broken));
    assert.ok(messages.includes('lessons/01-only.yaml: scenarios[0].rubric.pasScore: unknown field; did you mean passScore?'), messages.join('\n'));
  });

  it('points at the line of a YAML syntax error', () => {
    const broken = LESSON.replace('minutes: 5', 'minutes: 5\n  bad: indent: here');
    const [message] = problems(files(broken));
    assert.match(message ?? '', /^lessons\/01-only\.yaml: line \d+, column \d+: not valid YAML/);
  });

  it('checks cross-references: the course lists a lesson that does not exist', () => {
    const course = COURSE.replace('lessons: [only_lesson, the_assessment]', 'lessons: [only_lesson, the_assessment, missing_lesson]');
    assert.deepEqual(problems(files(LESSON, course)), ['lessons/course.yaml: lessons[2]: no lesson file has id “missing_lesson”']);
  });

  it('checks rubrics: a weight for a check the rubric does not score, follow-up outside a follow-up', () => {
    const broken = LESSON.replace('checks: [clear-ask, subject]', 'checks: [subject, follow-up]');
    assert.deepEqual(problems(files(broken)), [
      'lessons/01-only.yaml: scenarios[0].rubric.weights.clear-ask: clear-ask has a weight but is not in rubric.checks; add it there or remove the weight',
      'lessons/01-only.yaml: scenarios[0].rubric.checks: follow-up only applies to follow-ups; set kind: follow-up or remove the check',
    ]);
  });

  it('checks questions: a single-choice question needs exactly one correct option', () => {
    const broken = LESSON.replace('type: true-false', 'type: single').replace('correct: false', 'correct: true');
    assert.deepEqual(problems(files(broken)), [
      'lessons/01-only.yaml: questions[0].options: a single question has exactly one correct option, but 2 are marked correct; use type: multiple',
    ]);
  });

  it('loads nothing when any file is broken: never half a course', () => {
    const result = loadCourse(files(LESSON.replace('minutes: 5', 'minutes: lots')));
    assert.equal(result.ok, false);
    assert.ok(!('course' in result));
  });

  it('checks one lesson file on its own', () => {
    const ok = loadLesson({ path: 'lessons/01-only.yaml', text: LESSON });
    assert.equal(ok.ok, true);
    const bad = loadLesson({ path: 'lessons/01-only.yaml', text: LESSON.replace('hints: [One, Two]', 'hints: [One]') });
    assert.deepEqual(bad.ok ? [] : bad.problems.map(formatProblem), ['lessons/01-only.yaml: scenarios[0].hints: needs at least 2 items']);
  });

  it('requires the course file', () => {
    const result = loadCourse([{ path: 'lessons/01-only.yaml', text: LESSON }]);
    assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), [
      'lessons/course.yaml: the course file is missing; it lists the lessons in order with the title and pass mark',
    ]);
  });
});
