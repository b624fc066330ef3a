// The validated course, built from lessons/ by the course-data Vite plugin: the outline and
// wording up front, each lesson's content in its own chunk loaded when it is opened.
import data from 'virtual:course-data';
import type { CourseOutline } from './content/outline.ts';
import type { Lesson } from './content/schema.ts';
import type { UiStrings } from './content/strings/index.ts';

export interface CourseData {
  outline: CourseOutline;
  strings: UiStrings;
  lessons: Readonly<Record<string, () => Promise<{ default: Lesson }>>>;
}

export const courseData = data as CourseData;

/** The full content of one lesson; rejects when its chunk can't be fetched. */
export async function loadLesson(id: string): Promise<Lesson> {
  const load = courseData.lessons[id];
  if (!load) throw new Error(`No lesson has the id ${id}`);
  return (await load()).default;
}
