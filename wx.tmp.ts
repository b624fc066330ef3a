import { readLessonFiles } from './src/cli/lesson-files.ts';
import { loadCourse } from './src/content/load.ts';
import { scoreWorkedExample } from './src/content/rubric.ts';
import type { CheckId } from './src/analyzer/index.ts';
const load = loadCourse(readLessonFiles());
if (!load.ok) throw new Error(JSON.stringify(load.problems));
for (const l of load.course.lessons) {
  if (!l.example) continue;
  const taught = [...new Set(l.objectives.map((o) => o.check).filter((c): c is CheckId => c !== undefined))];
  const b = scoreWorkedExample(l.example, l.example.before, taught); const a = scoreWorkedExample(l.example, l.example.after, taught);
  console.log(l.id.padEnd(28), 'taught', taught.join(','), '| before', b.score, b.checks.filter(c=>c.applicable&&!c.passed).map(c=>c.id).join(','), '| after', a.score, a.checks.filter(c=>c.applicable&&!c.passed).map(c=>c.id+(c.uncertain?'?':'')).join(','));
}
