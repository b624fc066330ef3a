/**
 * Builds the course from the text of its files: YAML parsing, then shape (zod), then references.
 * Any problem means no course: never a half-loaded one.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { ContentProblem } from './problems.ts';
import { fromZodIssues } from './problems.ts';
import { checkLessonReferences, checkReferences, type LessonSource } from './references.ts';
import { course as courseSchema, lesson as lessonSchema, type Course, type Email, type Lesson } from './schema.ts';

export interface ContentFile {
  /** Shown in messages, e.g. `lessons/03-lead-with-the-point.yaml`. */
  path: string;
  text: string;
}

export type CourseLoad = { ok: true; course: Course } | { ok: false; problems: ContentProblem[] };

export const COURSE_FILE_NAME = 'course.yaml';

function parseYaml(file: ContentFile, problems: ContentProblem[]): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  for (const error of doc.errors) {
    const line = lineCounter.linePos(error.pos[0]);
    const where = `line ${line.line}, column ${line.col}`;
    const message = error.message.split('\n')[0] ?? error.message;
    problems.push({ file: file.path, field: where, message: `not valid YAML: ${message}. Check the indentation and that text with a colon is quoted or written as a block (|)` });
  }
  return doc.errors.length > 0 ? undefined : doc.toJS();
}

export function loadCourse(files: readonly ContentFile[]): CourseLoad {
  const problems: ContentProblem[] = [];
  const courseFile = files.find((f) => f.path.endsWith(`/${COURSE_FILE_NAME}`) || f.path === COURSE_FILE_NAME);
  if (!courseFile) {
    return { ok: false, problems: [{ file: `lessons/${COURSE_FILE_NAME}`, field: '', message: 'the course file is missing; it lists the lessons in order with the title and pass mark' }] };
  }
  const courseRaw = parseYaml(courseFile, problems);
  const parsedCourse = courseRaw === undefined ? undefined : courseSchema.safeParse(courseRaw, { reportInput: true });
  if (parsedCourse && !parsedCourse.success) problems.push(...fromZodIssues(courseFile.path, parsedCourse.error.issues));

  const lessons: LessonSource[] = [];
  for (const file of files) {
    if (file === courseFile) continue;
    const raw = parseYaml(file, problems);
    if (raw === undefined) continue;
    const parsed = lessonSchema.safeParse(raw, { reportInput: true });
    if (parsed.success) lessons.push({ file: file.path, lesson: parsed.data });
    else problems.push(...fromZodIssues(file.path, parsed.error.issues));
  }
  if (problems.length > 0 || !parsedCourse?.success) return { ok: false, problems };

  problems.push(...checkReferences(courseFile.path, parsedCourse.data, lessons));
  if (problems.length > 0) return { ok: false, problems };
  const byId = new Map(lessons.map((l) => [l.lesson.id, unwrapLessonEmails(l.lesson)]));
  const ordered = parsedCourse.data.lessons.map((id) => byId.get(id)).filter((l) => l !== undefined);
  return { ok: true, course: { ...parsedCourse.data, lessons: ordered } };
}

/**
 * Authors hard-wrap email bodies in YAML to keep lines readable; a real email's paragraph is one
 * line. A long line followed by more of the same paragraph is joined to it; short lines
 * (greetings, sign-offs, list items, signatures) keep their breaks.
 */
export function unwrapEmailBody(body: string): string {
  const lines = body.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const joins =
      prev !== undefined &&
      prev.length >= 60 &&
      line.trim() !== '' &&
      !/^\s*(?:[-*•]|\d{1,2}[.)])\s/.test(line) &&
      !/[:]$/.test(prev.trimEnd()) &&
      !/^\s*>/.test(line);
    if (joins) out[out.length - 1] = `${prev.trimEnd()} ${line.trim()}`;
    else out.push(line);
  }
  return out.join('\n');
}

function unwrapEmail<T extends Email>(email: T): T {
  return { ...email, body: unwrapEmailBody(email.body) };
}

function unwrapLessonEmails(lesson: Lesson): Lesson {
  return {
    ...lesson,
    example: lesson.example && { ...lesson.example, before: unwrapEmail(lesson.example.before), after: unwrapEmail(lesson.example.after) },
    scenarios: lesson.scenarios.map((s) => ({ ...s, original: unwrapEmail(s.original), model: unwrapEmail(s.model) })),
  };
}

export type LessonLoad = { ok: true; lesson: Lesson } | { ok: false; problems: ContentProblem[] };

/** One lesson file on its own (for authors checking a file before the course is complete). */
export function loadLesson(file: ContentFile): LessonLoad {
  const problems: ContentProblem[] = [];
  const raw = parseYaml(file, problems);
  if (raw === undefined) return { ok: false, problems };
  const parsed = lessonSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: fromZodIssues(file.path, parsed.error.issues) };
  checkLessonReferences({ file: file.path, lesson: parsed.data }, undefined, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lesson: unwrapLessonEmails(parsed.data) };
}
