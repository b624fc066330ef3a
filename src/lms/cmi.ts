/**
 * The one place where SCORM 1.2 and SCORM 2004 differ: element names, vocabularies, formats
 * and the standard's limits, which the course enforces itself (lenient LMSs don't).
 */

export type ScormVersion = '1.2' | '2004';

export interface Limits {
  suspendData: number;
  location: number;
  /** A learner's typed response in an interaction. */
  textResponse: number;
}

export interface CmiDialect {
  version: ScormVersion;
  limits: Limits;
  location: string;
  suspendData: string;
  entry: string;
  exit: string;
  learnerName: string;
  sessionTime: string;
  scoreRaw: string;
  scoreMin: string;
  scoreMax: string;
  /** 2004 only: score.scaled, progress_measure. */
  scoreScaled?: string;
  progressMeasure?: string;
  /** Formats a duration in seconds the way this version's time spans are written. */
  duration(seconds: number): string;
  /** Formats a moment (epoch ms) for interaction timestamps. */
  timestamp(ms: number): string;
  objective(n: number): { id: string; scoreRaw: string; scoreScaled?: string; status: string[] };
  interaction(n: number): { id: string; type: string; response: string; result: string; latency: string; time: string };
  interactionCount: string;
  objectiveCount: string;
  /** Interaction type of a rewrite and of a lesson's knowledge checks (a numeric result). */
  types: { rewrite: string; checks: string };
  results: { correct: string; wrong: string };
}

const pad = (n: number, width = 2) => String(Math.floor(n)).padStart(width, '0');

/** 1.2 CMITimespan: HHHH:MM:SS.SS. */
function timespan12(seconds: number): string {
  const s = Math.max(0, seconds);
  const hours = Math.min(9999, Math.floor(s / 3600));
  const minutes = Math.floor((s % 3600) / 60);
  const secs = s % 60;
  return `${pad(hours, 4)}:${pad(minutes)}:${secs.toFixed(2).padStart(5, '0')}`;
}

/** 2004 timeinterval: ISO 8601 duration, e.g. PT1H2M3.5S. */
function duration2004(seconds: number): string {
  const s = Math.max(0, seconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const secs = Math.round((s % 60) * 100) / 100;
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${secs}S`;
}

/** 2004 time(second,10,0): YYYY-MM-DDThh:mm:ss.s with one decimal (strict LMSs reject three). */
function timestamp2004(ms: number): string {
  const d = new Date(ms);
  const tenths = Math.floor(d.getUTCMilliseconds() / 100);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${tenths}Z`;
}

/**
 * 1.2 CMITime: HH:MM:SS, a time on the learner's 24-hour clock. It carries no zone or date,
 * so it is the learner's local time (the time the LMS's report should show them), not UTC.
 */
function time12(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export const SCORM12: CmiDialect = {
  version: '1.2',
  // suspend_data: 90% of the standard's 4,096, so a longer course still fits (suspend-data.ts
  // trims drafts first; scores and statuses always stay).
  limits: { suspendData: 3686, location: 255, textResponse: 255 },
  location: 'cmi.core.lesson_location',
  suspendData: 'cmi.suspend_data',
  entry: 'cmi.core.entry',
  exit: 'cmi.core.exit',
  learnerName: 'cmi.core.student_name',
  sessionTime: 'cmi.core.session_time',
  scoreRaw: 'cmi.core.score.raw',
  scoreMin: 'cmi.core.score.min',
  scoreMax: 'cmi.core.score.max',
  duration: timespan12,
  timestamp: time12,
  objective: (n) => ({
    id: `cmi.objectives.${n}.id`,
    scoreRaw: `cmi.objectives.${n}.score.raw`,
    status: [`cmi.objectives.${n}.status`],
  }),
  interaction: (n) => ({
    id: `cmi.interactions.${n}.id`,
    type: `cmi.interactions.${n}.type`,
    response: `cmi.interactions.${n}.student_response`,
    result: `cmi.interactions.${n}.result`,
    latency: `cmi.interactions.${n}.latency`,
    time: `cmi.interactions.${n}.time`,
  }),
  interactionCount: 'cmi.interactions._count',
  objectiveCount: 'cmi.objectives._count',
  types: { rewrite: 'fill-in', checks: 'numeric' },
  results: { correct: 'correct', wrong: 'wrong' },
};

export const SCORM2004: CmiDialect = {
  version: '2004',
  // Well under the standard's limits (64,000, 4,000, 250), suspend_data as in 1.2: a strict LMS
  // resends everything set since launch with every commit, the last one by beacon, and the course
  // keeps that within 16 KB (README, "Commits").
  limits: { suspendData: 3686, location: 1000, textResponse: 250 },
  location: 'cmi.location',
  suspendData: 'cmi.suspend_data',
  entry: 'cmi.entry',
  exit: 'cmi.exit',
  learnerName: 'cmi.learner_name',
  sessionTime: 'cmi.session_time',
  scoreRaw: 'cmi.score.raw',
  scoreMin: 'cmi.score.min',
  scoreMax: 'cmi.score.max',
  scoreScaled: 'cmi.score.scaled',
  progressMeasure: 'cmi.progress_measure',
  duration: duration2004,
  timestamp: timestamp2004,
  objective: (n) => ({
    id: `cmi.objectives.${n}.id`,
    scoreRaw: `cmi.objectives.${n}.score.raw`,
    scoreScaled: `cmi.objectives.${n}.score.scaled`,
    status: [`cmi.objectives.${n}.success_status`, `cmi.objectives.${n}.completion_status`],
  }),
  interaction: (n) => ({
    id: `cmi.interactions.${n}.id`,
    type: `cmi.interactions.${n}.type`,
    response: `cmi.interactions.${n}.learner_response`,
    result: `cmi.interactions.${n}.result`,
    latency: `cmi.interactions.${n}.latency`,
    time: `cmi.interactions.${n}.timestamp`,
  }),
  interactionCount: 'cmi.interactions._count',
  objectiveCount: 'cmi.objectives._count',
  types: { rewrite: 'long-fill-in', checks: 'numeric' },
  results: { correct: 'correct', wrong: 'incorrect' },
};

export function dialectFor(version: ScormVersion): CmiDialect {
  return version === '1.2' ? SCORM12 : SCORM2004;
}

/** An identifier the standard accepts: letters, digits and underscores only. */
export function scormId(raw: string): string {
  const id = raw.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return id.length > 0 ? id.slice(0, 255) : 'item';
}

/** Text cut to a limit, on a word boundary where possible. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
