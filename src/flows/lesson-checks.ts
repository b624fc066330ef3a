/**
 * A lesson's knowledge checks, summed up once every question in it is settled: what the LMS is
 * told about them (one interaction per lesson, not per question). A strict SCORM 2004 LMS resends
 * everything a session set with every commit, the last one by beacon while the page unloads, so
 * each interaction costs room on leaving; the manager report reads only rewrites, and each
 * answer stays in the saved progress. Pure, apart from what this session has already reported.
 */
import type { QuestionProgress, SavedProgress } from '../content/progress.ts';
import type { CourseOutline } from '../content/outline.ts';
import { questionSettled } from './rules.ts';

export interface ChecksSummary {
  lessonId: string;
  questions: number;
  /** Questions answered right (at whatever try). */
  correct: number;
  /** 0–100: the share answered right. */
  score: number;
  /** Seconds from showing each question to its answer, summed over this session's answers. */
  latencySeconds: number;
}

export class LessonChecks {
  private readonly seconds = new Map<string, number>();
  private readonly reported = new Set<string>();

  /** Lessons whose checks were all settled before this session were reported then. */
  constructor(
    private readonly course: CourseOutline,
    progress: SavedProgress,
  ) {
    for (const lesson of course.lessons) {
      if (lesson.questions.length > 0 && lesson.questions.every((q) => questionSettled(q, progress.questions[q.id]))) this.reported.add(lesson.id);
    }
  }

  /**
   * Counts an answer; returns the lesson's summary the first time all its questions are
   * settled, else null. `questions` is the saved progress's answers (with or without this one).
   */
  answered(questionId: string, answer: QuestionProgress, latencySeconds: number, questions: SavedProgress['questions']): ChecksSummary | null {
    const lesson = this.course.lessons.find((l) => l.questions.some((q) => q.id === questionId));
    if (!lesson || this.reported.has(lesson.id)) return null;
    this.seconds.set(lesson.id, (this.seconds.get(lesson.id) ?? 0) + latencySeconds);
    const answers = { ...questions, [questionId]: answer };
    if (!lesson.questions.every((q) => questionSettled(q, answers[q.id]))) return null;
    this.reported.add(lesson.id);
    const correct = lesson.questions.filter((q) => answers[q.id]?.correct === true).length;
    return {
      lessonId: lesson.id,
      questions: lesson.questions.length,
      correct,
      score: Math.round((100 * correct) / lesson.questions.length),
      latencySeconds: this.seconds.get(lesson.id) ?? 0,
    };
  }
}
