/** The course as a plain summary for other tools (`npm run course:export`). */
import type { CheckId } from '../analyzer/index.ts';
import type { Course } from './schema.ts';

export function exportCourse(course: Course) {
  return {
    id: course.id,
    title: course.title,
    description: course.description,
    passScore: course.passScore,
    settings: course.settings,
    lessons: course.lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      role: lesson.role,
      minutes: lesson.minutes,
      objectives: [...new Set(lesson.objectives.map((o) => o.check).filter((c): c is CheckId => c !== undefined))],
      scenarios: lesson.scenarios.map((s) => ({
        id: s.id,
        title: s.title,
        kind: s.kind,
        audience: s.audience,
        original: s.original,
        model: s.model,
        checks: s.rubric.checks,
        weights: s.rubric.weights,
        passScore: s.rubric.passScore,
        hints: s.hints.length,
      })),
      questions: lesson.questions.map((q) => ({ id: q.id, type: q.type, prompt: q.prompt, options: q.options.length })),
    })),
  };
}
