// The manager report from the records database: each attempt becomes the record `npm run report`
// reads (learner id, name and team from the database, never from what the learner's browser
// committed), then src/report builds the page and the CSV.
import { join } from 'node:path';
import { CHECK_IDS, type CheckId } from '../analyzer/index.ts';
import { readUiFiles } from '../cli/course-module.ts';
import { LESSONS_DIR, readLessonFiles } from '../cli/lesson-files.ts';
import { checkLabel } from '../components/check-appearance.ts';
import { loadCourse } from '../content/load.ts';
import { outlineOf, type CourseOutline } from '../content/outline.ts';
import { formatProblem as formatContentProblem } from '../content/problems.ts';
import { loadUiStrings } from '../content/ui.ts';
import { renderReportCsv } from '../report/csv.ts';
import { renderReportHtml } from '../report/html.ts';
import { buildReport, type ReportModel } from '../report/model.ts';
import { parseLearnerRecord, type LearnerAttempt, type RecordProblem } from '../report/records.ts';
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

/** A database attempt as a learner record: the database's learner, not the committed one. */
export function reportInput(record: ReportRecord): Record<string, unknown> {
  return {
    cmi: { ...record.cmi, learner_id: record.learner_id, learner_name: record.learner_name },
    team: record.team,
    committed_at: record.received_at ?? record.updated_at,
  };
}

export function buildServerReport(db: RecordsDb, course: CourseForReport, now = Date.now()): ReportModel {
  const attempts: LearnerAttempt[] = [];
  const problems: RecordProblem[] = [];
  for (const record of db.listRecordsForReport()) {
    const parsed = parseLearnerRecord(reportInput(record), `attempt ${record.attempt_id} (${record.learner_id})`);
    if (parsed.attempt) attempts.push(parsed.attempt);
    problems.push(...parsed.problems);
  }
  return buildReport(attempts, course.outline, { checkNames: course.checkNames, now }, problems);
}

export function serverReportHtml(model: ReportModel): string {
  return renderReportHtml(model, {
    sourceNote: 'From this course server’s records.',
    managerActions: { csvHref: '/manager/report.csv', signOutAction: '/manager/logout' },
  });
}

export function serverReportCsv(model: ReportModel): string {
  return renderReportCsv(model);
}
