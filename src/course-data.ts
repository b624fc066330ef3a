// The validated course and its wording, built from lessons/ by the course-data Vite plugin.
import data from 'virtual:course-data';
import type { Course } from './content/schema.ts';
import type { UiStrings } from './content/strings/index.ts';

export interface CourseData {
  course: Course;
  strings: UiStrings;
}

export const courseData = data as CourseData;
