/**
 * The course without its lesson texts: enough for navigation, progress and results. The
 * browser loads it first and each lesson's full content when the learner opens it, so the
 * first lesson shows without downloading the whole course.
 */
import type { Course, Lesson } from './schema.ts';

export interface LessonOutline {
  id: string;
  title: string;
  role: Lesson['role'];
  minutes: number;
  scenarios: readonly { id: string; title: string }[];
  questions: readonly { id: string; prompt: string; retry: boolean }[];
}

export interface CourseOutline extends Omit<Course, 'lessons'> {
  lessons: readonly LessonOutline[];
}

export function outlineOf(course: Course): CourseOutline {
  return {
    ...course,
    lessons: course.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      role: l.role,
      minutes: l.minutes,
      scenarios: l.scenarios.map((s) => ({ id: s.id, title: s.title })),
      questions: l.questions.map((q) => ({ id: q.id, prompt: q.prompt, retry: q.retry })),
    })),
  };
}
