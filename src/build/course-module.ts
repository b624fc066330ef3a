// A Vite plugin that validates lessons/ at build (and dev) time and serves the course to the
// browser as `virtual:course-data`, so the course bundle carries plain data, not YAML or zod.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadCourse } from '../content/load.ts';
import { outlineOf } from '../content/outline.ts';
import type { Course } from '../content/schema.ts';
import type { UiStrings } from '../content/strings/index.ts';
import { formatProblem } from '../content/problems.ts';
import { loadUiStrings } from '../content/ui.ts';
import { LESSONS_DIR, readLessonFiles, readTextFile } from './lesson-files.ts';

const MODULE_ID = 'virtual:course-data';
const RESOLVED_ID = `\0${MODULE_ID}`;
const LESSON_PREFIX = 'virtual:course-lesson/';

export function readUiFiles(dir = join(LESSONS_DIR, 'ui')) {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readTextFile(join(dir, name)) }));
}

function validatedCourse(dir: string): { course: Course; strings: UiStrings } {
  const course = loadCourse(readLessonFiles(dir));
  const ui = loadUiStrings(readUiFiles(join(dir, 'ui')), join(dir, 'ui'));
  const problems = [...(course.ok ? [] : course.problems), ...(ui.ok ? [] : ui.problems)];
  if (!course.ok || !ui.ok) {
    throw new Error(`The course files have ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
  return { course: course.course, strings: ui.strings };
}

/**
 * The course outline and wording, with a loader per lesson: each lesson's full content becomes
 * its own chunk, fetched when the learner opens it. Throws, listing every problem, when the
 * course files are invalid.
 */
export function courseModuleSource(dir = LESSONS_DIR): string {
  const { course, strings } = validatedCourse(dir);
  const loaders = course.lessons.map((l) => `${JSON.stringify(l.id)}: () => import(${JSON.stringify(LESSON_PREFIX + l.id)})`).join(',\n  ');
  return (
    `export default {\n  outline: ${JSON.stringify(outlineOf(course))},\n  strings: ${JSON.stringify(strings)},\n` +
    `  lessons: {\n  ${loaders}\n  },\n};\n`
  );
}

export function lessonModuleSource(lessonId: string, dir = LESSONS_DIR): string {
  const lesson = validatedCourse(dir).course.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new Error(`No lesson has the id ${lessonId}`);
  return `export default ${JSON.stringify(lesson)};\n`;
}

export function courseModulePlugin(dir = LESSONS_DIR): Plugin {
  return {
    name: 'course-data',
    resolveId(id) {
      if (id === MODULE_ID || id.startsWith(LESSON_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID && !id.startsWith(`\0${LESSON_PREFIX}`)) return undefined;
      for (const file of [...readLessonFiles(dir), ...readUiFiles(join(dir, 'ui'))]) this.addWatchFile(resolve(file.path));
      return id === RESOLVED_ID ? courseModuleSource(dir) : lessonModuleSource(id.slice(1 + LESSON_PREFIX.length), dir);
    },
    // The first lesson's chunk is fetched alongside the course script instead of after it has
    // run: a new learner's first screen no longer waits for one more round trip.
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const firstId = validatedCourse(dir).course.lessons[0]?.id;
        const chunk = Object.values(context.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId === `\0${LESSON_PREFIX}${firstId}`,
        );
        if (!chunk) return undefined;
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}
