// The course's rewrite scenarios as the analyzer scores them (contract v2 `scenario`), read
// from lessons/ once per run.
import type { ScenarioSpec } from '../analyzer/index.ts';
import { loadCourse } from '../content/load.ts';
import { formatProblem } from '../content/problems.ts';
import { scenarioSpec } from '../content/rubric.ts';
import { closest } from '../content/suggest.ts';
import { CliError } from '../node/fail.ts';
import { LESSONS_DIR, readLessonFiles } from '../build/lesson-files.ts';

export type ScenarioCatalogue = ReadonlyMap<string, ScenarioSpec>;

/** Every scenario of the course in `dir`, by id; a broken course is an error naming its problems. */
export function loadScenarios(dir = LESSONS_DIR): ScenarioCatalogue {
  const load = loadCourse(readLessonFiles(dir));
  if (!load.ok) throw new CliError(`the course in ${dir} has problems, so its scenarios can't be used:\n${load.problems.map(formatProblem).join('\n')}`);
  return new Map(load.course.lessons.flatMap((l) => l.scenarios.map((s) => [s.id, scenarioSpec(s)] as const)));
}

/** The nearest known ids to a misspelt one, for the message. */
function nearest(id: string, known: readonly string[]): string[] {
  const lower = id.toLowerCase();
  const best = closest(id, known);
  const sharing = known.filter((k) => k !== best && lower.split('_').some((part) => part.length > 3 && k.includes(part)));
  return [...(best ? [best] : []), ...sharing].slice(0, 3);
}

export function resolveScenario(id: string, catalogue: ScenarioCatalogue, where: string): ScenarioSpec {
  const spec = catalogue.get(id);
  if (spec) return spec;
  const known = [...catalogue.keys()];
  const near = nearest(id, known);
  throw new CliError(
    `${where}: unknown scenario “${id}”; ${near.length > 0 ? `nearest: ${near.join(', ')}` : `known scenarios: ${known.slice(0, 5).join(', ')}, …`}`,
  );
}
