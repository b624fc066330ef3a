/** Every group of learner-facing UI wording, validated against lessons/ui/<group>.yaml. */
import type { z } from 'zod';
import { schema as analysis } from './analysis.ts';
import { schema as exercise } from './exercise.ts';
import { schema as lesson } from './lesson.ts';
import { schema as player } from './player.ts';
import { schema as question } from './question.ts';
import { schema as results } from './results.ts';

export const UI_GROUPS = { player, lesson, question, exercise, results, analysis } as const;

export type UiGroup = keyof typeof UI_GROUPS;
export type UiStrings = { [G in UiGroup]: z.infer<(typeof UI_GROUPS)[G]> };

export { format } from './format.ts';
