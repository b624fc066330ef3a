// The real course and its wording, loaded as a build would, for tests that drive the built course.
import assert from 'node:assert/strict';
import { readUiFiles } from '../../src/build/course-module.ts';
import { readLessonFiles } from '../../src/build/lesson-files.ts';
import { loadCourse } from '../../src/content/load.ts';
import type { Course } from '../../src/content/schema.ts';
import type { UiStrings } from '../../src/content/strings/index.ts';
import { loadUiStrings } from '../../src/content/ui.ts';

export function loadCourseFiles(): { course: Course; strings: UiStrings } {
  const loaded = loadCourse(readLessonFiles('lessons'));
  const ui = loadUiStrings(readUiFiles('lessons/ui'));
  assert.ok(loaded.ok && ui.ok, 'the course files load');
  return { course: loaded.course, strings: ui.strings };
}
