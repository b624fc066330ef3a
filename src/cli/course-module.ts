// A Vite plugin that validates lessons/ at build (and dev) time and serves the course to the
// browser as `virtual:course-data`, so the course bundle carries plain data, not YAML or zod.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadCourse } from '../content/load.ts';
import { formatProblem } from '../content/problems.ts';
import { loadUiStrings } from '../content/ui.ts';
import { LESSONS_DIR, readLessonFiles, readTextFile } from './lesson-files.ts';

const MODULE_ID = 'virtual:course-data';
const RESOLVED_ID = `\0${MODULE_ID}`;

export function readUiFiles(dir = join(LESSONS_DIR, 'ui')) {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readTextFile(join(dir, name)) }));
}

/** The validated course and its wording as a JSON module, or an error listing every problem. */
export function courseModuleSource(dir = LESSONS_DIR): string {
  const course = loadCourse(readLessonFiles(dir));
  const ui = loadUiStrings(readUiFiles(join(dir, 'ui')), join(dir, 'ui'));
  const problems = [...(course.ok ? [] : course.problems), ...(ui.ok ? [] : ui.problems)];
  if (!course.ok || !ui.ok) {
    throw new Error(`The course files have ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
  return `export default ${JSON.stringify({ course: course.course, strings: ui.strings })};\n`;
}

export function courseModulePlugin(dir = LESSONS_DIR): Plugin {
  return {
    name: 'course-data',
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of [...readLessonFiles(dir), ...readUiFiles(join(dir, 'ui'))]) this.addWatchFile(resolve(file.path));
      return courseModuleSource(dir);
    },
  };
}
