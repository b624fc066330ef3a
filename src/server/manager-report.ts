// The manager report from the records database: each attempt becomes the record `npm run report`
// reads (learner id, name and team from the database, never from what the learner's browser
// committed), then src/report builds the page and the CSV.
import { join } from 'node:path';
import { CHECK_IDS, type CheckId } from '../analyzer/index.ts';
import { readUiFiles } from '../build/course-module.ts';
import { LESSONS_DIR, readLessonFiles } from '../build/lesson-files.ts';
import { checkLabel } from '../components/check-appearance.ts';
import { loadCourse } from '../content/load.ts';
import { outlineOf, type CourseOutline } from '../content/outline.ts';
import { formatProblem as formatContentProblem } from '../content/problems.ts';
import { loadUiStrings } from '../content/ui.ts';
import { renderReportCsv } from '../report/csv.ts';
import { renderReportHtml } from '../report/html.ts';
import { buildReport, type ReportModel } from '../report/model.ts';
import { parseLearnerRecord, type LearnerAttempt, type RecordProblem } from '../report/records.ts';
import { withServerIdentity } from './identity.ts';
import type { RecordsDb, ReportRecord } from './records-db.ts';

export interface CourseForReport {
  outline: CourseOutline;
  checkNames: Record<CheckId, string>;
}

/** The course's outline and check names, for the report; throws with a readable message. */
export function loadCourseForReport(dir = LESSONS_DIR): CourseForReport {
  const loaded = loadCourse(readLessonFiles(dir));
  if (!loaded.ok) {
    const first = loaded.problems[0];
    throw new Error(`the course in ${dir} does not load: ${first ? formatContentProblem(first) : 'unknown problem'}`);
  }
  const ui = loadUiStrings(readUiFiles(join(dir, 'ui')), join(dir, 'ui'));
  if (!ui.ok) throw new Error(`the course wording does not load: ${ui.problems[0] ? formatContentProblem(ui.problems[0]) : 'unknown problem'}`);
  const names = ui.strings.analysis.checkNames;
  const checkNames = Object.fromEntries(CHECK_IDS.map((id) => [id, checkLabel(id, names)])) as Record<CheckId, string>;
  return { outline: outlineOf(loaded.course), checkNames };
}

/** More interactions or objectives than the course ever records (about 60 and 20): the rest is not read. */
export const MAX_LIST_ITEMS = 500;

/** A SCORM list (array or "0", "1"… object) cut to its first `max` items; undefined when it is shorter. */
function capList(value: unknown, max: number): unknown[] | undefined {
  if (Array.isArray(value)) return value.length > max ? value.slice(0, max) : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const keys = Object.keys(value).filter((k) => /^\d+$/.test(k));
  if (keys.length <= max) return undefined;
  const tree = value as Record<string, unknown>;
  return keys
    .sort((a, b) => Number(a) - Number(b))
    .slice(0, max)
    .map((k) => tree[k]);
}

/**
 * A database attempt as a learner record: the database's learner, not the committed one, and
 * lists cut to a size the report can afford (noted in `problems`).
 */
export function reportInput(record: ReportRecord, problems: RecordProblem[] = []): Record<string, unknown> {
  const cmi = withServerIdentity(record.cmi, { id: record.learner_id, name: record.learner_name });
  for (const key of ['interactions', 'objectives']) {
    const capped = capList(cmi[key], MAX_LIST_ITEMS);
    if (capped === undefined) continue;
    cmi[key] = capped;
    problems.push({ where: whereOf(record), message: `cmi.${key} holds more than ${MAX_LIST_ITEMS} entries; only the first ${MAX_LIST_ITEMS} are read`, skipped: false });
  }
  return { cmi, team: record.team, committed_at: record.received_at ?? record.updated_at };
}

const whereOf = (record: ReportRecord) => `attempt ${record.attempt_id} (${record.learner_id})`;

export function buildServerReport(db: RecordsDb, course: CourseForReport, now = Date.now()): ReportModel {
  const attempts: LearnerAttempt[] = [];
  const problems: RecordProblem[] = [];
  for (const record of db.listRecordsForReport()) {
    if (record.damaged !== undefined) {
      problems.push({ where: whereOf(record), message: `${record.damaged}; record skipped`, skipped: true });
      continue;
    }
    const parsed = parseLearnerRecord(reportInput(record, problems), whereOf(record));
    if (parsed.attempt) attempts.push(parsed.attempt);
    problems.push(...parsed.problems);
  }
  return buildReport(attempts, course.outline, { checkNames: course.checkNames, now }, problems);
}

export function serverReportHtml(model: ReportModel, csrf?: string): string {
  return renderReportHtml(model, {
    sourceNote: 'From this course server’s records.',
    managerActions: { csvHref: '/manager/report.csv', signOutAction: '/manager/logout', learnersHref: '/manager/learners', ...(csrf ? { csrf } : {}) },
  });
}

export function serverReportCsv(model: ReportModel): string {
  return renderReportCsv(model);
}
