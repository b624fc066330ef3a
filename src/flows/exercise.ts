/**
 * One rewrite exercise: reading the scenario → drafting → submitted → feedback → revising →
 * passed, or attempts used up → the model answer shown beside the learner's draft.
 * Events carry the time (`now`, epoch ms) so the machine stays pure and testable.
 */
import { assign, emit, setup } from 'xstate';
import type { CheckId } from '../analyzer/index.ts';
import type { AttemptRecord, ExerciseProgress } from '../content/progress.ts';
import { scoreAgainstRubric, type RubricResult } from '../content/rubric.ts';
import type { Email, Scenario } from '../content/schema.ts';

export interface ExerciseInput {
  scenario: Scenario;
  /** Attempts allowed: the rubric's, or the course default. */
  maxAttempts: number;
  /** When the learner started the course (epoch ms), for attempt timestamps. */
  courseStartedAt: number;
  prior?: ExerciseProgress | undefined;
  /** When the learner opened the exercise (epoch ms): a restored draft's attempt is timed from here. */
  now?: number | undefined;
}

export interface ExerciseContext {
  scenario: Scenario;
  maxAttempts: number;
  courseStartedAt: number;
  draft: Email;
  attempts: AttemptRecord[];
  hintsShown: number;
  /** The last submitted attempt's full result, for feedback (not saved). */
  lastResult: RubricResult | null;
  draftStartedAt: number;
}

export type ExerciseEvent =
  | { type: 'exercise.start'; now: number }
  | { type: 'draft.change'; draft: Email }
  | { type: 'hint.request' }
  | { type: 'exercise.submit'; now: number }
  | { type: 'exercise.revise'; now: number };

export type ExerciseEmitted =
  | { type: 'exercise.progress'; scenarioId: string; progress: ExerciseProgress }
  | { type: 'exercise.attempted'; scenarioId: string; attempt: AttemptRecord; attemptNumber: number; draft: Email; result: RubricResult }
  | { type: 'exercise.completed'; scenarioId: string; passed: boolean };

function attemptFrom(context: ExerciseContext, result: RubricResult, now: number): AttemptRecord {
  const checks: Partial<Record<CheckId, number>> = {};
  for (const c of result.analysis.checks) {
    if (c.applicable && context.scenario.rubric.checks.includes(c.id)) checks[c.id] = Math.round(c.score * 100);
  }
  return {
    score: result.score,
    passed: result.passed,
    checks,
    at: Math.max(0, Math.round((now - context.courseStartedAt) / 1000)),
    seconds: Math.max(0, Math.round((now - context.draftStartedAt) / 1000)),
  };
}

export function exerciseProgressOf(context: ExerciseContext, status: ExerciseProgress['status']): ExerciseProgress {
  return { status, attempts: context.attempts, hintsShown: context.hintsShown, draft: context.draft };
}

function isBlank(email: Email): boolean {
  return email.subject.trim() === '' && email.body.trim() === '';
}

export const exerciseMachine = setup({
  types: {
    input: {} as ExerciseInput,
    context: {} as ExerciseContext,
    events: {} as ExerciseEvent,
    emitted: {} as ExerciseEmitted,
  },
  guards: {
    hasDraft: ({ context }) => !isBlank(context.draft),
    canHint: ({ context }) =>
      context.hintsShown < context.scenario.hints.length && (context.scenario.rubric.hintReveal === 'on-request' || context.attempts.length > 0),
    lastPassed: ({ context }) => context.attempts[context.attempts.length - 1]?.passed === true,
    outOfAttempts: ({ context }) => context.attempts.length >= context.maxAttempts,
    priorPassed: ({ context }) => context.attempts.some((a) => a.passed),
    priorStarted: ({ context }) => context.attempts.length > 0 || !isBlank(context.draft),
  },
  actions: {
    startDraft: assign(({ context, event }) => {
      const now = 'now' in event ? event.now : context.draftStartedAt;
      return { draftStartedAt: now, draft: isBlank(context.draft) ? { ...context.scenario.original } : context.draft };
    }),
    setDraft: assign(({ event, context }) => ({ draft: event.type === 'draft.change' ? event.draft : context.draft })),
    showHint: assign(({ context }) => ({ hintsShown: context.hintsShown + 1 })),
    score: assign(({ context, event }) => {
      const now = 'now' in event ? event.now : context.draftStartedAt;
      const result = scoreAgainstRubric(context.scenario, context.draft);
      return { lastResult: result, attempts: [...context.attempts, attemptFrom(context, result, now)] };
    }),
    emitAttempt: emit(({ context }) => {
      const attempt = context.attempts[context.attempts.length - 1];
      if (!attempt || !context.lastResult) throw new Error('no attempt to report');
      return {
        type: 'exercise.attempted' as const,
        scenarioId: context.scenario.id,
        attempt,
        attemptNumber: context.attempts.length,
        draft: context.draft,
        result: context.lastResult,
      };
    }),
    emitProgress: emit(({ context }, params: { status: ExerciseProgress['status'] }) => ({
      type: 'exercise.progress' as const,
      scenarioId: context.scenario.id,
      progress: exerciseProgressOf(context, params.status),
    })),
    emitCompleted: emit(({ context }, params: { passed: boolean }) => ({
      type: 'exercise.completed' as const,
      scenarioId: context.scenario.id,
      passed: params.passed,
    })),
  },
}).createMachine({
  id: 'exercise',
  context: ({ input }) => ({
    scenario: input.scenario,
    maxAttempts: input.maxAttempts,
    courseStartedAt: input.courseStartedAt,
    draft: input.prior?.draft ?? { subject: '', body: '' },
    attempts: input.prior?.attempts ?? [],
    hintsShown: input.prior?.hintsShown ?? 0,
    lastResult: null,
    // Without a start time, time a restored draft from the last attempt, not the course start.
    draftStartedAt: input.now ?? input.courseStartedAt + (input.prior?.attempts.at(-1)?.at ?? 0) * 1000,
  }),
  initial: 'restoring',
  states: {
    restoring: {
      always: [
        { guard: 'priorPassed', target: 'passed' },
        { guard: 'outOfAttempts', target: 'exhausted' },
        { guard: 'priorStarted', target: 'drafting' },
        { target: 'reading' },
      ],
    },
    reading: {
      on: {
        'exercise.start': { target: 'drafting', actions: ['startDraft', { type: 'emitProgress', params: { status: 'in-progress' } }] },
        'hint.request': { guard: 'canHint', actions: ['showHint', { type: 'emitProgress', params: { status: 'not-started' } }] },
      },
    },
    drafting: {
      on: {
        'draft.change': { actions: ['setDraft', { type: 'emitProgress', params: { status: 'in-progress' } }] },
        'hint.request': { guard: 'canHint', actions: ['showHint', { type: 'emitProgress', params: { status: 'in-progress' } }] },
        'exercise.submit': { guard: 'hasDraft', target: 'judging', actions: ['score', 'emitAttempt'] },
      },
    },
    // Restored learners land in passed/exhausted without these events: they were reported then.
    judging: {
      always: [
        {
          guard: 'lastPassed',
          target: 'passed',
          actions: [{ type: 'emitProgress', params: { status: 'passed' } }, { type: 'emitCompleted', params: { passed: true } }],
        },
        {
          guard: 'outOfAttempts',
          target: 'exhausted',
          actions: [{ type: 'emitProgress', params: { status: 'exhausted' } }, { type: 'emitCompleted', params: { passed: false } }],
        },
        { target: 'feedback', actions: { type: 'emitProgress', params: { status: 'in-progress' } } },
      ],
    },
    feedback: {
      on: {
        'exercise.revise': { target: 'drafting', actions: 'startDraft' },
        'hint.request': { guard: 'canHint', actions: ['showHint', { type: 'emitProgress', params: { status: 'in-progress' } }] },
      },
    },
    passed: { type: 'final' },
    exhausted: { type: 'final' },
  },
});
