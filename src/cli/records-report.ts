// `npm run report -- FILE... --out DIR`: the manager report (HTML and CSV) from learner records
// an LMS exported ({"cmi": …} as scorm-again commits them; see docs/learner-records.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_IDS, type CheckId } from '../analyzer/index.ts';
import { checkLabel } from '../components/check-appearance.ts';
import { loadCourse } from '../content/load.ts';
import { outlineOf, type CourseOutline } from '../content/outline.ts';
import { formatProblem as formatContentProblem } from '../content/problems.ts';
import { loadUiStrings } from '../content/ui.ts';
import { renderReportCsv } from '../report/csv.ts';
import { percent, plural, whole } from '../report/format.ts';
import { renderReportHtml } from '../report/html.ts';
import { buildReport, filterLearners, withLearners, type LearnerFilter } from '../report/model.ts';
import { formatProblem, LEARNER_STATUSES, parseRecordsText, type LearnerAttempt, type LearnerStatus, type ParsedRecords, type RecordProblem } from '../report/records.ts';
import { parseXapiText } from '../report/xapi.ts';
import { parseCommandLine } from '../node/args.ts';
import { readUiFiles } from '../build/course-module.ts';
import { CliError, errorMessage, runCli, UsageError } from '../node/fail.ts';
import { LESSONS_DIR, readLessonFiles } from '../build/lesson-files.ts';
import { terminalSafe } from '../node/terminal-safe.ts';

const HELP = `Usage: npm run report -- FILE... --out DIR [options]
Reads learner records exported from an LMS ({"cmi": …} as scorm-again commits them, SCORM 2004
or 1.2 names; one record a file, or one a line) and writes DIR/report.html and DIR/report.csv.
The format is described in docs/learner-records.md.
  --out DIR        where to write the report (created if needed)
  --xapi FILE      also read an LRS's statement export (JSON array, JSON lines or {"statements": …})
                   of the course run as a cmi5 AU; may be given more than once, with or without FILE...
  --course DIR     the course folder, for check names and lessons (default: lessons)
  --team NAME      only learners of this team
  --status LIST    only these statuses, comma-separated: ${LEARNER_STATUSES.join(', ')}
  --from DATE      only learners active on or after DATE (YYYY-MM-DD, UTC)
  --to DATE        only learners active on or before DATE (YYYY-MM-DD, UTC)
`;

/** How many warnings are printed; the report's footer lists them all. */
const WARNINGS_SHOWN = 20;

const DAY_MS = 86_400_000;

function dateOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || !Number.isFinite(ms) || new Date(ms).getUTCDate() !== Number(m[3])) {
    throw new UsageError(`--${name} must be a date written YYYY-MM-DD, got "${value}"`);
  }
  return ms;
}

function statusOption(value: string | undefined): LearnerStatus[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((raw) => {
    const s = raw.trim().toLowerCase().replace(/\s+/g, '-');
    const status = LEARNER_STATUSES.find((known) => known === s);
    if (!status) throw new UsageError(`--status: "${raw.trim()}" is not a status; use ${LEARNER_STATUSES.join(', ')}`);
    return status;
  });
}

function loadCourseFolder(dir: string): { outline: CourseOutline; checkNames: Record<CheckId, string> } {
  const loaded = loadCourse(readLessonFiles(dir));
  if (!loaded.ok) {
    const first = loaded.problems[0];
    const more = loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more; run npm run course:export -- --check --dir ${dir})` : '';
    throw new CliError(`the course in ${dir} does not load: ${first ? formatContentProblem(first) : 'unknown problem'}${more}`);
  }
  let files;
  try {
    files = readUiFiles(join(dir, 'ui'));
  } catch (error) {
    throw new CliError(`cannot read the course wording in ${join(dir, 'ui')}: ${errorMessage(error)}`);
  }
  const ui = loadUiStrings(files, join(dir, 'ui'));
  if (!ui.ok) throw new CliError(`the course wording does not load: ${ui.problems[0] ? formatContentProblem(ui.problems[0]) : 'unknown problem'}`);
  const names = ui.strings.analysis.checkNames;
  const checkNames = Object.fromEntries(CHECK_IDS.map((id) => [id, checkLabel(id, names)])) as Record<CheckId, string>;
  return { outline: outlineOf(loaded.course), checkNames };
}

function readRecords(files: readonly string[], parse: (text: string, file: string) => ParsedRecords = parseRecordsText): { attempts: LearnerAttempt[]; problems: RecordProblem[] } {
  const attempts: LearnerAttempt[] = [];
  const problems: RecordProblem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ where: file, message: `cannot read it (${errorMessage(error)}); file skipped`, skipped: true });
      continue;
    }
    const parsed = parse(text, file);
    attempts.push(...parsed.attempts);
    problems.push(...parsed.problems);
  }
  return { attempts, problems };
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), {
    out: { type: 'string', short: 'o' },
    course: { type: 'string' },
    team: { type: 'string' },
    status: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    xapi: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const xapiFiles = values.xapi ?? [];
  if (positionals.length === 0 && xapiFiles.length === 0) throw new UsageError('name at least one file of learner records');
  if (values.out === undefined || values.out.trim() === '') throw new UsageError('--out DIR is required: the folder for report.html and report.csv');
  const from = dateOption('from', values.from);
  const toDay = dateOption('to', values.to);
  const filter: LearnerFilter = { team: values.team, statuses: statusOption(values.status), from, to: toDay === undefined ? undefined : toDay + DAY_MS - 1 };
  if (from !== undefined && filter.to !== undefined && from > filter.to) throw new UsageError('--from is after --to');

  const { outline, checkNames } = loadCourseFolder(values.course ?? LESSONS_DIR);
  const scorm = readRecords(positionals);
  const xapi = readRecords(xapiFiles, (text, file) => parseXapiText(text, file, outline));
  const attempts = [...scorm.attempts, ...xapi.attempts];
  const problems = [...scorm.problems, ...xapi.problems];
  const full = buildReport(attempts, outline, { checkNames, now: Date.now() }, problems);
  full.problems.slice(0, WARNINGS_SHOWN).forEach((p) => process.stderr.write(`report: warning: ${terminalSafe(formatProblem(p))}\n`));
  if (full.problems.length > WARNINGS_SHOWN) process.stderr.write(`report: warning: …and ${full.problems.length - WARNINGS_SHOWN} more (listed at the end of report.html)\n`);
  if (attempts.length === 0) {
    throw new CliError(`no usable learner records in ${[...positionals, ...xapiFiles].join(', ')}; nothing written (the format is in docs/learner-records.md)`);
  }
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const model = filtered ? withLearners(full, filterLearners(full.learners, filter)) : full;

  const out = values.out;
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'report.html'), renderReportHtml(model), 'utf8');
    writeFileSync(join(out, 'report.csv'), renderReportCsv(model), 'utf8');
  } catch (error) {
    throw new CliError(`cannot write the report into ${out}: ${errorMessage(error)}`);
  }
  const s = model.summary;
  const skipped = full.problems.filter((p) => p.skipped).length;
  process.stdout.write(
    `report: ${plural(s.learners, 'learner')}${filtered ? ` (of ${full.learners.length}, filtered)` : ''} from ${plural(attempts.length, 'record')}` +
      `${skipped > 0 ? ` (${skipped} skipped)` : ''}: ${percent(s.completionRate)} completed, ${percent(s.passRate)} passed, average score ${whole(s.averageScore)}` +
      ` → ${join(out, 'report.html')}, ${join(out, 'report.csv')}\n`,
  );
  return 0;
}

runCli('report', main);
