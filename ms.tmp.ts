import { readLessonFiles } from './src/cli/lesson-files.ts';
import { loadCourse } from './src/content/load.ts';
import { scoreAgainstRubric } from './src/content/rubric.ts';
const load = loadCourse(readLessonFiles());
if (!load.ok) throw new Error('x');
for (const l of load.course.lessons) for (const s of l.scenarios) {
  const m = scoreAgainstRubric(s, s.model); const o = scoreAgainstRubric(s, s.original);
  const taught = [...new Set(l.objectives.map((x) => x.check).filter(Boolean))];
  console.log(s.id.padEnd(30), 'model', m.score, m.passed, m.failedChecks.join(','), '| orig', o.score, o.passed, o.failedChecks.join(','), l.role === 'unit' ? 'taught ' + taught.filter((t) => !o.failedChecks.includes(t as never)).join(',') : '');
}
