/**
 * The learners table as CSV for Excel: RFC 4180 (CRLF, fields with commas, quotes or line breaks
 * quoted, quotes doubled), a UTF-8 byte-order mark so Excel reads names like "Tomás" right, and
 * safe from formula injection: text from the records that starts with = + - @ tab or CR gets a
 * leading single quote, so a spreadsheet shows it instead of running it.
 */
import { STATUS_LABELS, isoDate } from './format.ts';
import type { LearnerReport, ReportModel } from './model.ts';

/** Text cells may hold anything a record held; number cells are the report's own figures. */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert for spreadsheets (OWASP's advice for CSV injection). */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(cell: CsvCell): string {
  if (cell === null) return '';
  // Our numbers are written as numbers: a negative improvement stays a number Excel can sum.
  const text = typeof cell === 'number' ? String(cell) : neutralizeFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, with the BOM and CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function learnerCsvRows(model: ReportModel): CsvCell[][] {
  const header: CsvCell[] = [
    'Learner ID',
    'Name',
    'Team',
    'Status',
    'Score',
    'Completed on',
    'Last active',
    'Attempts',
    'Time spent (minutes)',
    'Skills mastered',
    'Diagnostic score',
    'Final score',
    'Improvement',
    ...model.checks.map((c) => `${c.name} (score)`),
  ];
  const row = (l: LearnerReport): CsvCell[] => [
    l.id,
    l.name,
    l.team,
    STATUS_LABELS[l.status],
    l.score,
    l.completedAt === null ? null : isoDate(l.completedAt),
    l.lastActiveAt === null ? null : isoDate(l.lastActiveAt),
    l.attempts,
    l.seconds === null ? null : round1(l.seconds / 60),
    l.masteredCount,
    l.diagnosticScore,
    l.finalScore,
    l.improvement,
    ...model.checks.map((c) => l.checks[c.id].score),
  ];
  return [header, ...model.learners.map(row)];
}

/** One row per learner: the page's table columns plus one score column per check. */
export function renderReportCsv(model: ReportModel): string {
  return toCsv(learnerCsvRows(model));
}
