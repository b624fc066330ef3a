// `npm run --silent course:export`: validates lessons/ and prints the course as JSON.
// `--check` prints a one-line summary instead. Problems are listed one a line, exit 1.
import { exportCourse } from '../content/export.ts';
import { loadCourse, loadLesson } from '../content/load.ts';
import { formatProblem, type ContentProblem } from '../content/problems.ts';
import type { Lesson } from '../content/schema.ts';
import { scoreAgainstRubric } from '../content/rubric.ts';
import { parseCommandLine } from '../node/args.ts';
import { runCli } from '../node/fail.ts';
import { LESSONS_DIR, readLessonFiles, readTextFile } from '../build/lesson-files.ts';

const HELP = `Usage: npm run --silent course:export [-- --check] [--dir lessons]
Validates the course files (shape, then ids and references) and prints the course as JSON.
  --check      print a one-line summary instead of the JSON
  --scenarios  score every scenario's original and model answer against its rubric
  --lesson F   check one lesson file on its own and score its scenarios
  --dir DIR    read the course from DIR (default: lessons)
`;

/** One problem a line, each naming the file, the field and the fix. */
function reportProblems(problems: readonly ContentProblem[]): number {
  const lines = problems.map(formatProblem);
  process.stderr.write(`course: ${lines.length} problem${lines.length === 1 ? '' : 's'} in the course files:\n${lines.join('\n')}\n`);
  return 1;
}

/** For authors: how each scenario's original and model answer score against the rubric. */
function scenarioReport(lesson: Lesson): string {
  // A unit's originals must fail what it teaches; diagnostic and assessment rewrites score more.
  const taught = lesson.role === 'unit' ? lesson.objectives.map((o) => o.check).filter((c) => c !== undefined) : [];
  return lesson.scenarios
    .map((s) => {
      const original = scoreAgainstRubric(s, s.original);
      const model = scoreAgainstRubric(s, s.model);
      const missed = taught.filter((c) => s.rubric.checks.includes(c) && !original.failedChecks.includes(c));
      const verdict = model.passed ? 'PASS' : `FAIL (${model.failedChecks.join(', ') || 'score below the pass score'})`;
      return (
        `${lesson.id}/${s.id}: original ${original.score} (fails ${original.failedChecks.join(', ') || 'nothing'})` +
        `${missed.length ? ` [original passes taught checks: ${missed.join(', ')}]` : ''}; model ${model.score}/${s.rubric.passScore} ${verdict}\n`
      );
    })
    .join('');
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    check: { type: 'boolean' },
    scenarios: { type: 'boolean' },
    lesson: { type: 'string' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.lesson !== undefined) {
    const loadedLesson = loadLesson({ path: values.lesson, text: readTextFile(values.lesson) });
    if (!loadedLesson.ok) return reportProblems(loadedLesson.problems);
    process.stdout.write(scenarioReport(loadedLesson.lesson));
    return 0;
  }
  const loaded = loadCourse(readLessonFiles(values.dir ?? LESSONS_DIR));
  if (!loaded.ok) return reportProblems(loaded.problems);
  const { course } = loaded;
  if (values.scenarios) {
    for (const lesson of course.lessons) process.stdout.write(scenarioReport(lesson));
    return 0;
  }
  if (values.check) {
    const scenarios = course.lessons.reduce((n, l) => n + l.scenarios.length, 0);
    const questions = course.lessons.reduce((n, l) => n + l.questions.length, 0);
    process.stdout.write(`${course.title}: ${course.lessons.length} lessons, ${scenarios} scenarios, ${questions} questions; OK\n`);
    return 0;
  }
  process.stdout.write(`${JSON.stringify(exportCourse(course), null, 2)}\n`);
  return 0;
}

runCli('course', main);
