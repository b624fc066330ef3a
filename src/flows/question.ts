/** One knowledge check: answer → feedback for the chosen options → retry where allowed. */
import { assign, emit, setup } from 'xstate';
import type { QuestionProgress } from '../content/progress.ts';
import type { Question } from '../content/schema.ts';

export interface QuestionInput {
  question: Question;
  prior?: QuestionProgress | undefined;
  /** When the question was shown (epoch ms), for the answer's latency. */
  shownAt?: number | undefined;
}

export interface QuestionContext {
  question: Question;
  selected: number[];
  tries: number;
  correct: boolean;
  shownAt: number | undefined;
}

export type QuestionEvent = { type: 'question.select'; selected: number[] } | { type: 'question.submit' } | { type: 'question.retry' };

export type QuestionEmitted = { type: 'question.answered'; questionId: string; progress: QuestionProgress; shownAt?: number | undefined };

/** Retries allowed after a wrong answer, where the question allows retrying at all. */
export const MAX_TRIES = 3;

export function isCorrect(question: Question, selected: readonly number[]): boolean {
  const chosen = new Set(selected);
  return question.options.every((o, i) => o.correct === chosen.has(i));
}

export const questionMachine = setup({
  types: {
    input: {} as QuestionInput,
    context: {} as QuestionContext,
    events: {} as QuestionEvent,
    emitted: {} as QuestionEmitted,
  },
  guards: {
    hasSelection: ({ context }) => context.selected.length > 0,
    answered: ({ context }) => context.tries > 0,
    finished: ({ context }) => context.tries > 0 && (context.correct || !context.question.retry || context.tries >= MAX_TRIES),
  },
  actions: {
    select: assign(({ context, event }) => {
      if (event.type !== 'question.select') return {};
      const valid = [...new Set(event.selected)].filter((i) => Number.isInteger(i) && i >= 0 && i < context.question.options.length).sort((a, b) => a - b);
      // Single-answer questions keep one choice.
      return { selected: context.question.type === 'multiple' ? valid : valid.slice(-1) };
    }),
    judge: assign(({ context }) => ({ tries: context.tries + 1, correct: isCorrect(context.question, context.selected) })),
    emitAnswered: emit(({ context }) => ({
      type: 'question.answered' as const,
      questionId: context.question.id,
      progress: { selected: context.selected, correct: context.correct, tries: context.tries },
      ...(context.shownAt === undefined ? {} : { shownAt: context.shownAt }),
    })),
    clear: assign({ selected: [] }),
  },
}).createMachine({
  id: 'question',
  context: ({ input }) => ({
    question: input.question,
    selected: input.prior?.selected ?? [],
    tries: input.prior?.tries ?? 0,
    correct: input.prior?.correct ?? false,
    shownAt: input.shownAt,
  }),
  initial: 'restoring',
  states: {
    restoring: {
      always: [{ guard: 'finished', target: 'done' }, { guard: 'answered', target: 'feedback' }, { target: 'answering' }],
    },
    answering: {
      on: {
        'question.select': { actions: 'select' },
        'question.submit': { guard: 'hasSelection', target: 'judging', actions: ['judge', 'emitAnswered'] },
      },
    },
    judging: {
      always: [{ guard: 'finished', target: 'done' }, { target: 'feedback' }],
    },
    /** Wrong, with a retry left. */
    feedback: {
      on: { 'question.retry': { target: 'answering', actions: 'clear' } },
    },
    done: { type: 'final' },
  },
});
