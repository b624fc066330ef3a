/**
 * The second pass over a course whose files have the right shape: ids unique across the course,
 * every reference resolvable, rubrics and questions consistent.
 */
import type { CheckId } from '../analyzer/index.ts';
import type { ContentProblem } from './problems.ts';
import type { CourseFile, Lesson } from './schema.ts';
import { didYouMean } from './suggest.ts';

export interface LessonSource {
  file: string;
  lesson: Lesson;
}

/** Records every id in the course and reports a second use of one. */
export class IdRegistry {
  private readonly seen = new Map<string, string>();
  constructor(private readonly problems: ContentProblem[]) {}

  claim(id: string, file: string, field: string): void {
    const first = this.seen.get(id);
    if (first) this.problems.push({ file, field, message: `id “${id}” is already used at ${first}; ids must be unique across the course` });
    else this.seen.set(id, `${file} ${field}`);
  }
}

/** Checks inside one lesson file: its ids, questions and rubrics. */
export function checkLessonReferences(source: LessonSource, ids?: IdRegistry, into?: ContentProblem[]): ContentProblem[] {
  const problems = into ?? [];
  const registry = ids ?? new IdRegistry(problems);
  const { file, lesson } = source;
  const claim = (id: string, f: string, field: string) => registry.claim(id, f, field);
  claim(lesson.id, file, 'id');
  lesson.questions.forEach((q, i) => {
    const field = `questions[${i}]`;
    claim(q.id, file, `${field}.id`);
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0) problems.push({ file, field: `${field}.options`, message: 'no option is marked correct: true' });
    if ((q.type === 'single' || q.type === 'true-false') && correct > 1) {
      problems.push({ file, field: `${field}.options`, message: `a ${q.type} question has exactly one correct option, but ${correct} are marked correct; use type: multiple` });
    }
    if (q.type === 'true-false') {
      const texts = q.options.map((o) => o.text.trim().toLowerCase()).sort();
      if (texts.length !== 2 || texts[0] !== 'false' || texts[1] !== 'true') {
        problems.push({ file, field: `${field}.options`, message: 'a true-false question has exactly two options, “True” and “False”' });
      }
    }
  });
  lesson.scenarios.forEach((s, i) => {
    const field = `scenarios[${i}]`;
    claim(s.id, file, `${field}.id`);
    if (!s.facts) problems.push({ file, field: `${field}.facts`, message: 'is missing; add what a good rewrite must carry (reader, ask, deadline, stakes, terms), see lessons/README.md' });
    const scored = new Set<CheckId>(s.rubric.checks);
    if (scored.size !== s.rubric.checks.length) problems.push({ file, field: `${field}.rubric.checks`, message: 'a check is listed twice' });
    for (const key of Object.keys(s.rubric.weights) as CheckId[]) {
      if (!scored.has(key)) {
        problems.push({ file, field: `${field}.rubric.weights.${key}`, message: `${key} has a weight but is not in rubric.checks; add it there or remove the weight` });
      }
    }
    if (scored.has('follow-up') && s.kind !== 'follow-up') {
      problems.push({ file, field: `${field}.rubric.checks`, message: 'follow-up only applies to follow-ups; set kind: follow-up or remove the check' });
    }
  });
  if (lesson.role === 'unit' && lesson.scenarios.length === 0 && !lesson.reflection) {
    problems.push({ file, field: 'scenarios', message: 'a unit needs at least one rewrite scenario or a reflection' });
  }
  return problems;
}

export function checkReferences(courseFile: string, course: CourseFile, lessons: readonly LessonSource[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = new IdRegistry(problems);
  const byId = new Map<string, LessonSource>();
  for (const source of lessons) {
    byId.set(source.lesson.id, source);
    checkLessonReferences(source, ids, problems);
  }

  course.lessons.forEach((id, i) => {
    if (!byId.has(id)) {
      problems.push({ file: courseFile, field: `lessons[${i}]`, message: `no lesson file has id “${id}”${didYouMean(id, [...byId.keys()])}` });
    }
  });
  const listed = new Set(course.lessons);
  if (listed.size !== course.lessons.length) problems.push({ file: courseFile, field: 'lessons', message: 'a lesson is listed twice' });
  for (const { file, lesson } of lessons) {
    if (!listed.has(lesson.id)) problems.push({ file, field: 'id', message: `lesson “${lesson.id}” is not listed in ${courseFile}; add it to lessons or remove the file` });
  }
  const roles = (role: Lesson['role']) => course.lessons.filter((id) => byId.get(id)?.lesson.role === role);
  if (roles('diagnostic').length > 1) problems.push({ file: courseFile, field: 'lessons', message: 'more than one lesson has role: diagnostic' });
  if (roles('assessment').length !== 1) problems.push({ file: courseFile, field: 'lessons', message: 'exactly one lesson needs role: assessment (the final assessment)' });
  const diagnostic = roles('diagnostic')[0];
  if (diagnostic && byId.get(diagnostic)?.lesson.scenarios.length === 0) {
    const source = byId.get(diagnostic);
    if (source) problems.push({ file: source.file, field: 'scenarios', message: 'the diagnostic lesson needs a rewrite scenario for the learner’s first attempt' });
  }
  return problems;
}
