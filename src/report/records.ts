/**
 * Learner records as an LMS keeps them: `{"cmi": {…}}` the way scorm-again commits it, with
 * SCORM 2004 names (`cmi.learner_id`, `cmi.completion_status`, …) or SCORM 1.2 names
 * (`cmi.core.student_id`, `cmi.core.lesson_status`, …). Each record is one learner attempt.
 * Pure: text in, attempts and problems out; reading files is the caller's job.
 */
import { describeJsonValue, isPlainObject, shorten } from '../content/json-values.ts';

export type ScormVersion = '1.2' | '2004';

/** Where a learner stands, from the LMS's status fields (1.2 `browsed` counts as incomplete). */
export const LEARNER_STATUSES = ['passed', 'failed', 'completed', 'incomplete', 'not-attempted'] as const;
export type LearnerStatus = (typeof LEARNER_STATUSES)[number];

export interface ObjectiveRecord {
  id: string;
  /** 0–100, normalised from raw/min/max (or scaled), or null when not scored. */
  score: number | null;
  /** 2004 success_status, or the 1.2 status read as one: passed, failed or unknown. */
  success: 'passed' | 'failed' | 'unknown';
}

export interface InteractionRecord {
  id: string;
  /** As recorded: `long-fill-in` (2004) or `fill-in` (1.2) for a rewrite, `choice` for a question. */
  type: string;
  description: string | null;
  /** The learner's response; for a rewrite, their email on one line (absent when the course keeps text out). */
  response: string | null;
  /** true for `correct`, false for `incorrect` (2004) or `wrong` (1.2), null otherwise. */
  correct: boolean | null;
  /** Epoch ms (2004 timestamps only: a 1.2 `time` is a time of day without a date). */
  at: number | null;
}

export interface LearnerAttempt {
  /** Where it was read, e.g. `records.jsonl:3`, for messages. */
  source: string;
  version: ScormVersion | 'cmi5';
  learnerId: string;
  learnerName: string;
  /** From a `team` (or `group`) field beside `cmi`. */
  team: string | null;
  status: LearnerStatus;
  /** 0–100, or null when the LMS holds no score. */
  score: number | null;
  /** total_time, else session_time, in seconds; null when neither is given. */
  seconds: number | null;
  /** Epoch ms from a `committed_at` field beside `cmi` (ISO 8601 or epoch ms), when given. */
  committedAt: number | null;
  /** The course's saved progress, still encoded (see src/lms/suspend-data.ts); '' when none. */
  suspendData: string;
  objectives: ObjectiveRecord[];
  interactions: InteractionRecord[];
}

/** Something wrong in the input: a skipped record, or a field that was ignored. */
export interface RecordProblem {
  /** `file`, or `file:line`. */
  where: string;
  message: string;
  /** The whole record was left out (otherwise only the field named in the message). */
  skipped: boolean;
}

export interface ParsedRecords {
  attempts: LearnerAttempt[];
  problems: RecordProblem[];
}

type Tree = Record<string, unknown>;

/** How much of a value a message quotes. */
const QUOTE_LENGTH = 60;

/** Collects ignored-field notes for one record. */
class Notes {
  readonly problems: RecordProblem[] = [];
  constructor(readonly where: string) {}
  ignore(message: string): void {
    this.problems.push({ where: this.where, message: `${message}; ignored`, skipped: false });
  }
}

/** A text value (numbers read as text, as some LMSs store them); '' when absent. */
function text(tree: Tree, key: string, path: string, notes: Notes): string {
  const value = tree[key];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  notes.ignore(`${path} should be text, not ${describeJsonValue(value)}`);
  return '';
}

function numberOrNull(raw: string, path: string, notes: Notes): number | null {
  if (raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    notes.ignore(`${path} "${shorten(raw, QUOTE_LENGTH)}" is not a number`);
    return null;
  }
  return n;
}

/** A SCORM list: an array, or an object keyed "0", "1", … as scorm-again writes it. */
function list(value: unknown, path: string, notes: Notes): Tree[] {
  if (value === undefined || value === null || value === '') return [];
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (isPlainObject(value)) {
    items = Object.keys(value)
      .filter((k) => /^\d+$/.test(k))
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => value[k]);
  } else {
    notes.ignore(`${path} should be a list, not ${describeJsonValue(value)}`);
    return [];
  }
  return items.filter((item, i) => {
    if (isPlainObject(item)) return true;
    notes.ignore(`${path}.${i} should be an object, not ${describeJsonValue(item)}`);
    return false;
  }) as Tree[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A score 0–100 from `score.{raw,min,max,scaled}`: raw scaled to min–max when they aren't 0–100. */
function scoreOf(value: unknown, path: string, notes: Notes): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (!isPlainObject(value)) {
    notes.ignore(`${path} should be an object with raw, min and max, not ${describeJsonValue(value)}`);
    return null;
  }
  const raw = numberOrNull(text(value, 'raw', `${path}.raw`, notes), `${path}.raw`, notes);
  const min = numberOrNull(text(value, 'min', `${path}.min`, notes), `${path}.min`, notes);
  const max = numberOrNull(text(value, 'max', `${path}.max`, notes), `${path}.max`, notes);
  const scaled = numberOrNull(text(value, 'scaled', `${path}.scaled`, notes), `${path}.scaled`, notes);
  let score: number | null = null;
  if (raw !== null) {
    const lo = min ?? 0;
    const hi = max ?? 100;
    score = hi > lo ? ((raw - lo) / (hi - lo)) * 100 : raw;
  } else if (scaled !== null) score = scaled * 100;
  if (score === null) return null;
  if (score < -0.001 || score > 100.001) {
    notes.ignore(`${path} is ${round1(score)}, outside 0–100`);
    return null;
  }
  return round1(Math.min(100, Math.max(0, score)));
}

const ISO_DURATION = /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const TIMESPAN_12 = /^(\d{1,4}):(\d{1,2}):(\d{1,2}(?:\.\d{1,2})?)$/;

/**
 * Seconds in a SCORM duration: 2004's ISO 8601 (`PT1H2M3.5S`; a year counts 365 days, a month
 * 30) or 1.2's `HHHH:MM:SS.SS`; undefined when it is neither.
 */
export function parseDuration(raw: string): number | undefined {
  const value = raw.trim();
  const t12 = TIMESPAN_12.exec(value);
  if (t12) return Number(t12[1]) * 3600 + Number(t12[2]) * 60 + Number(t12[3]);
  const iso = ISO_DURATION.exec(value);
  if (!iso || value === 'P' || value.endsWith('T')) return undefined;
  const part = (i: number) => Number((iso[i] ?? '0').replace(',', '.'));
  const days = part(1) * 365 + part(2) * 30 + part(3) * 7 + part(4);
  return round1(days * 86400 + part(5) * 3600 + part(6) * 60 + part(7));
}

function durationField(tree: Tree, key: string, path: string, notes: Notes): number | null {
  const raw = text(tree, key, path, notes);
  if (raw === '') return null;
  const seconds = parseDuration(raw);
  if (seconds === undefined) {
    notes.ignore(`${path} "${shorten(raw, QUOTE_LENGTH)}" is not a duration (PT1H2M3S or 0001:02:03.00)`);
    return null;
  }
  return seconds;
}

/** Epoch ms of an ISO 8601 date-time, or undefined. A bare date reads as midnight UTC. */
export function parseTimestamp(raw: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/.test(raw.trim())) return undefined;
  const ms = Date.parse(raw.trim());
  return Number.isFinite(ms) ? ms : undefined;
}

/** total_time covers every session of the attempt; a record that only has the last session's time falls back to it. */
function timeSpent(total: number | null, session: number | null): number | null {
  if (total !== null && total > 0) return total;
  return session ?? total;
}

function status2004(cmi: Tree, notes: Notes): LearnerStatus {
  const success = text(cmi, 'success_status', 'cmi.success_status', notes);
  const completion = text(cmi, 'completion_status', 'cmi.completion_status', notes);
  if (success === 'passed' || success === 'failed') return success;
  if (completion === 'completed') return 'completed';
  if (completion === 'incomplete') return 'incomplete';
  if (!['', 'unknown', 'not attempted'].includes(success) || !['', 'unknown', 'not attempted'].includes(completion)) {
    notes.ignore(`the status "${shorten(success || completion, QUOTE_LENGTH)}" is not a SCORM 2004 status`);
  }
  return 'not-attempted';
}

function status12(core: Tree, notes: Notes): LearnerStatus {
  const status = text(core, 'lesson_status', 'cmi.core.lesson_status', notes);
  switch (status) {
    case 'passed':
    case 'failed':
    case 'completed':
    case 'incomplete':
      return status;
    case 'browsed':
      return 'incomplete';
    case '':
    case 'not attempted':
      return 'not-attempted';
    default:
      notes.ignore(`cmi.core.lesson_status "${shorten(status, QUOTE_LENGTH)}" is not a SCORM 1.2 status`);
      return 'not-attempted';
  }
}

function objectives(cmi: Tree, version: ScormVersion, notes: Notes): ObjectiveRecord[] {
  return list(cmi['objectives'], 'cmi.objectives', notes).flatMap((o, i) => {
    const path = `cmi.objectives.${i}`;
    const id = text(o, 'id', `${path}.id`, notes);
    if (id === '') return [];
    const status = version === '1.2' ? text(o, 'status', `${path}.status`, notes) : text(o, 'success_status', `${path}.success_status`, notes);
    const success = status === 'passed' || status === 'failed' ? status : 'unknown';
    return [{ id, score: scoreOf(o['score'], `${path}.score`, notes), success }];
  });
}

function interactions(cmi: Tree, version: ScormVersion, notes: Notes): InteractionRecord[] {
  return list(cmi['interactions'], 'cmi.interactions', notes).flatMap((item, i) => {
    const path = `cmi.interactions.${i}`;
    const id = text(item, 'id', `${path}.id`, notes);
    if (id === '') return [];
    const responseKey = version === '1.2' ? 'student_response' : 'learner_response';
    const response = text(item, responseKey, `${path}.${responseKey}`, notes);
    const result = text(item, 'result', `${path}.result`, notes);
    const description = text(item, 'description', `${path}.description`, notes);
    const stamp = version === '2004' ? text(item, 'timestamp', `${path}.timestamp`, notes) : '';
    const at = stamp === '' ? null : (parseTimestamp(stamp) ?? null);
    if (stamp !== '' && at === null) notes.ignore(`${path}.timestamp "${shorten(stamp, QUOTE_LENGTH)}" is not a date and time`);
    return [
      {
        id,
        type: text(item, 'type', `${path}.type`, notes),
        description: description === '' ? null : description,
        response: response === '' ? null : response,
        correct: result === 'correct' ? true : result === 'incorrect' || result === 'wrong' ? false : null,
        at,
      },
    ];
  });
}

function committedAt(record: Tree, notes: Notes): number | null {
  const value = record['committed_at'];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  const ms = typeof value === 'string' ? parseTimestamp(value) : undefined;
  if (ms === undefined) {
    notes.ignore(`committed_at ${typeof value === 'string' ? `"${shorten(value, QUOTE_LENGTH)}"` : `(${describeJsonValue(value)})`} is not an ISO 8601 date and time`);
    return null;
  }
  return ms;
}

function teamOf(record: Tree, notes: Notes): string | null {
  for (const key of ['team', 'group']) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value !== 'string') notes.ignore(`"${key}" should be text, not ${describeJsonValue(value)}`);
  }
  return null;
}

/**
 * One learner attempt from a parsed JSON value; `where` names it in messages (`file:line`).
 * A record without a `cmi` object or a learner id is skipped; a bad field is ignored with a note.
 */
export function parseLearnerRecord(value: unknown, where: string): { attempt: LearnerAttempt | null; problems: RecordProblem[] } {
  const skip = (message: string) => ({ attempt: null, problems: [{ where, message: `${message}; record skipped`, skipped: true }] });
  if (!isPlainObject(value)) return skip(`expected a learner record like {"cmi": {…}}, not ${describeJsonValue(value)}`);
  const cmi = value['cmi'];
  if (!isPlainObject(cmi)) return skip(cmi === undefined ? 'no "cmi" object' : `"cmi" should be an object, not ${describeJsonValue(cmi)}`);
  const notes = new Notes(where);
  const core = cmi['core'];
  const version: ScormVersion = isPlainObject(core) ? '1.2' : '2004';
  let learnerId: string;
  let learnerName: string;
  let status: LearnerStatus;
  let score: number | null;
  let seconds: number | null;
  if (isPlainObject(core)) {
    learnerId = text(core, 'student_id', 'cmi.core.student_id', notes);
    learnerName = text(core, 'student_name', 'cmi.core.student_name', notes);
    status = status12(core, notes);
    score = scoreOf(core['score'], 'cmi.core.score', notes);
    seconds = timeSpent(durationField(core, 'total_time', 'cmi.core.total_time', notes), durationField(core, 'session_time', 'cmi.core.session_time', notes));
  } else {
    learnerId = text(cmi, 'learner_id', 'cmi.learner_id', notes);
    learnerName = text(cmi, 'learner_name', 'cmi.learner_name', notes);
    status = status2004(cmi, notes);
    score = scoreOf(cmi['score'], 'cmi.score', notes);
    seconds = timeSpent(durationField(cmi, 'total_time', 'cmi.total_time', notes), durationField(cmi, 'session_time', 'cmi.session_time', notes));
  }
  if (learnerId === '' && learnerName === '') {
    return skip(version === '1.2' ? 'no learner: cmi.core.student_id and student_name are both missing' : 'no learner: cmi.learner_id and learner_name are both missing');
  }
  const attempt: LearnerAttempt = {
    source: where,
    version,
    learnerId: learnerId || learnerName,
    learnerName: learnerName || learnerId,
    team: teamOf(value, notes),
    status,
    score,
    seconds,
    committedAt: committedAt(value, notes),
    suspendData: text(cmi, 'suspend_data', 'cmi.suspend_data', notes),
    objectives: objectives(cmi, version, notes),
    interactions: interactions(cmi, version, notes),
  };
  return { attempt, problems: notes.problems };
}

/** The line of a JSON.parse error's `position N`, counted in `text`. */
function errorLine(text: string, message: string): number | undefined {
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  if (!position) return undefined;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function jsonMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return shorten(message.replace(/\s*\n\s*/g, ' '), 100);
}

/**
 * Every record in a file's text: one JSON record (pretty-printed or not), a JSON array of
 * records, or JSON Lines (one record a line, blank lines skipped). A bad line is skipped with a
 * problem naming `file:line`; the rest are still read.
 */
export function parseRecordsText(raw: string, file: string): ParsedRecords {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) return { attempts: [], problems: [{ where: file, message: 'not a text file (it holds NUL bytes); file skipped', skipped: true }] };
  if (text.trim() === '') return { attempts: [], problems: [{ where: file, message: 'the file is empty; nothing to read', skipped: true }] };
  const attempts: LearnerAttempt[] = [];
  const problems: RecordProblem[] = [];
  const add = (value: unknown, where: string) => {
    const parsed = parseLearnerRecord(value, where);
    if (parsed.attempt) attempts.push(parsed.attempt);
    problems.push(...parsed.problems);
  };
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const firstLine = (lines[first] ?? '').trim();
  // A pretty-printed document starts with a lone `{` or `[`: read it whole, not line by line.
  const whole = firstLine === '{' || firstLine.startsWith('[');
  if (whole) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = jsonMessage(error);
      const line = errorLine(text, message);
      return { attempts, problems: [{ where: line ? `${file}:${line}` : file, message: `not valid JSON (${message}); file skipped`, skipped: true }] };
    }
    if (Array.isArray(value)) value.forEach((item, i) => add(item, `${file} [record ${i + 1}]`));
    else add(value, file);
    return { attempts, problems };
  }
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({ where, message: `not valid JSON (${jsonMessage(error)}); line skipped`, skipped: true });
      return;
    }
    add(value, where);
  });
  return { attempts, problems };
}

export function formatProblem(problem: RecordProblem): string {
  return `${problem.where}: ${problem.message}`;
}
