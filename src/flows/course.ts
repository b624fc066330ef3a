/**
 * The course: where the learner is, which lessons are done, the diagnostic and final results.
 * It owns the saved progress and tells the outside world (the LMS layer, via main.ts) what
 * happened with `emit`; it never imports a component or an LMS.
 */
import { assign, emit, setup } from 'xstate';
import type { AttemptRecord, ExerciseProgress, QuestionProgress, SavedProgress } from '../content/progress.ts';
import type { CourseOutline as Course } from '../content/outline.ts';
import type { Email } from '../content/schema.ts';
import { courseResult, lessonLock, lessonStatus, type CourseResult } from './rules.ts';

export interface CourseInput {
  course: Course;
  progress: SavedProgress;
}

export interface CourseContext {
  course: Course;
  progress: SavedProgress;
  result: CourseResult;
  /** Why the last navigation was refused, for the learner; cleared on the next success. */
  refused: 'after-units' | 'in-order' | null;
}

export type CourseEvent =
  | { type: 'lesson.open'; lessonId: string }
  | { type: 'lesson.next' }
  | { type: 'lesson.back' }
  | { type: 'exercise.recorded'; scenarioId: string; progress: ExerciseProgress }
  | { type: 'exercise.attempted'; scenarioId: string; attempt: AttemptRecord; attemptNumber: number; draft: Email }
  | { type: 'question.recorded'; questionId: string; progress: QuestionProgress; shownAt?: number | undefined }
  | { type: 'reflection.recorded'; lessonId: string; text: string };

export type CourseEmitted =
  | { type: 'progress.changed'; progress: SavedProgress; result: CourseResult }
  | { type: 'exercise.attempted'; lessonId: string; scenarioId: string; attempt: AttemptRecord; draft: Email; attemptNumber: number }
  | { type: 'question.answered'; lessonId: string; questionId: string; progress: QuestionProgress; shownAt?: number | undefined }
  | { type: 'course.completed'; result: CourseResult };

function lessonOfScenario(course: Course, scenarioId: string): string | undefined {
  return course.lessons.find((l) => l.scenarios.some((s) => s.id === scenarioId))?.id;
}

function lessonOfQuestion(course: Course, questionId: string): string | undefined {
  return course.lessons.find((l) => l.questions.some((q) => q.id === questionId))?.id;
}

/** Progress with every lesson's status brought up to date. */
function withStatuses(course: Course, progress: SavedProgress): SavedProgress {
  const lessons: SavedProgress['lessons'] = {};
  for (const lesson of course.lessons) {
    const status = lessonStatus(lesson, progress);
    if (status !== 'not-started' || progress.lessons[lesson.id] === 'in-progress') lessons[lesson.id] = status;
  }
  if (progress.location && lessons[progress.location] === undefined) lessons[progress.location] = 'in-progress';
  return { ...progress, lessons };
}

function update(context: CourseContext, progress: SavedProgress): Partial<CourseContext> {
  const next = withStatuses(context.course, progress);
  return { progress: next, result: courseResult(context.course, next) };
}

function neighbour(context: CourseContext, step: 1 | -1): string | undefined {
  const index = context.course.lessons.findIndex((l) => l.id === context.progress.location);
  return context.course.lessons[index + step]?.id;
}

export const courseMachine = setup({
  types: {
    input: {} as CourseInput,
    context: {} as CourseContext,
    events: {} as CourseEvent,
    emitted: {} as CourseEmitted,
  },
  guards: {
    canOpen: ({ context, event }) => event.type === 'lesson.open' && lessonLock(context.course, context.progress, event.lessonId) === 'open',
    canGoNext: ({ context }) => {
      const id = neighbour(context, 1);
      return id !== undefined && lessonLock(context.course, context.progress, id) === 'open';
    },
    canGoBack: ({ context }) => neighbour(context, -1) !== undefined,
    courseDone: ({ context }) => context.result.completed,
  },
  actions: {
    goTo: assign(({ context }, params: { lessonId: string | undefined }) =>
      params.lessonId ? { ...update(context, { ...context.progress, location: params.lessonId }), refused: null } : {},
    ),
    refuse: assign(({ context, event }) => {
      const id = event.type === 'lesson.open' ? event.lessonId : neighbour(context, 1);
      const lock = id ? lessonLock(context.course, context.progress, id) : 'in-order';
      return { refused: lock === 'open' ? null : lock };
    }),
    recordExercise: assign(({ context, event }) =>
      event.type === 'exercise.recorded' && lessonOfScenario(context.course, event.scenarioId)
        ? update(context, { ...context.progress, exercises: { ...context.progress.exercises, [event.scenarioId]: event.progress } })
        : {},
    ),
    recordQuestion: assign(({ context, event }) =>
      event.type === 'question.recorded' && lessonOfQuestion(context.course, event.questionId)
        ? update(context, { ...context.progress, questions: { ...context.progress.questions, [event.questionId]: event.progress } })
        : {},
    ),
    recordReflection: assign(({ context, event }) =>
      event.type === 'reflection.recorded'
        ? update(context, { ...context.progress, reflections: { ...context.progress.reflections, [event.lessonId]: event.text.slice(0, 4000) } })
        : {},
    ),
    emitProgress: emit(({ context }) => ({ type: 'progress.changed' as const, progress: context.progress, result: context.result })),
    emitAttempt: emit(({ context, event }) => {
      if (event.type !== 'exercise.attempted') throw new Error('not an attempt');
      const lessonId = lessonOfScenario(context.course, event.scenarioId) ?? '';
      const { scenarioId, attempt, draft, attemptNumber } = event;
      return { type: 'exercise.attempted' as const, lessonId, scenarioId, attempt, draft, attemptNumber };
    }),
    emitAnswer: emit(({ context, event }) => {
      if (event.type !== 'question.recorded') throw new Error('not an answer');
      return { type: 'question.answered' as const, lessonId: lessonOfQuestion(context.course, event.questionId) ?? '', questionId: event.questionId, progress: event.progress, ...(event.shownAt === undefined ? {} : { shownAt: event.shownAt }) };
    }),
    emitCompleted: emit(({ context }) => ({ type: 'course.completed' as const, result: context.result })),
  },
}).createMachine({
  id: 'course',
  context: ({ input }) => {
    const progress = withStatuses(input.course, input.progress);
    return { course: input.course, progress, result: courseResult(input.course, progress), refused: null };
  },
  initial: 'restoring',
  states: {
    restoring: {
      always: [{ guard: 'courseDone', target: 'completed' }, { target: 'learning' }],
    },
    learning: {
      on: {
        'lesson.open': [{ guard: 'canOpen', actions: [{ type: 'goTo', params: ({ event }) => ({ lessonId: event.lessonId }) }, 'emitProgress'] }, { actions: 'refuse' }],
        'lesson.next': [{ guard: 'canGoNext', actions: [{ type: 'goTo', params: ({ context }) => ({ lessonId: neighbour(context, 1) }) }, 'emitProgress'] }, { actions: 'refuse' }],
        'lesson.back': { guard: 'canGoBack', actions: [{ type: 'goTo', params: ({ context }) => ({ lessonId: neighbour(context, -1) }) }, 'emitProgress'] },
        'exercise.recorded': { actions: ['recordExercise', 'emitProgress'], target: 'checking' },
        'exercise.attempted': { actions: 'emitAttempt' },
        'question.recorded': { actions: ['recordQuestion', 'emitProgress', 'emitAnswer'], target: 'checking' },
        'reflection.recorded': { actions: ['recordReflection', 'emitProgress'] },
      },
    },
    checking: {
      always: [{ guard: 'courseDone', target: 'completed', actions: 'emitCompleted' }, { target: 'learning' }],
    },
    /** Everything done: the learner may still review any lesson. */
    completed: {
      on: {
        'lesson.open': { guard: 'canOpen', actions: [{ type: 'goTo', params: ({ event }) => ({ lessonId: event.lessonId }) }, 'emitProgress'] },
        'lesson.next': { guard: 'canGoNext', actions: [{ type: 'goTo', params: ({ context }) => ({ lessonId: neighbour(context, 1) }) }, 'emitProgress'] },
        'lesson.back': { guard: 'canGoBack', actions: [{ type: 'goTo', params: ({ context }) => ({ lessonId: neighbour(context, -1) }) }, 'emitProgress'] },
        'reflection.recorded': { actions: ['recordReflection', 'emitProgress'] },
      },
    },
  },
});
