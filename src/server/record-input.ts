// What the records accept: learner names, work emails, teams, SCORM versions and commit bodies,
// checked before anything is written. Pure: no database here.
import { isPlainObject } from '../content/json-values.ts';

/** Deeper than any cmi tree (about 5 levels); SQLite's JSON functions refuse past 1000. */
export const MAX_COMMIT_DEPTH = 64;

/** The largest commit body kept, serialized: the same limit as the server's request bodies. */
export const MAX_COMMIT_BYTES = 1024 * 1024;
export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_TEAM_LENGTH = 200;

export const SCORM_VERSIONS = ['1.2', '2004'] as const;
export type ScormVersion = (typeof SCORM_VERSIONS)[number];

export function isScormVersion(value: unknown): value is ScormVersion {
  return typeof value === 'string' && (SCORM_VERSIONS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
export type RecordInputProblem =
  | 'invalid-name'
  | 'invalid-email'
  | 'invalid-team'
  | 'invalid-version'
  | 'invalid-date'
  | 'unknown-learner'
  | 'unknown-attempt'
  | 'attempt-finished'
  | 'not-json'
  | 'not-object'
  | 'no-cmi'
  | 'too-large'
  | 'too-deep';

/** A value refused before anything was written (a server answers it with a 4xx). */
export class RecordInputError extends Error {
  constructor(
    readonly problem: RecordInputProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RecordInputError';
  }
}

/** A scorm-again commit body: `{ "cmi": {…} }`, and whatever else it sent beside `cmi`. */
export interface CommitBody {
  cmi: Record<string, unknown>;
  [key: string]: unknown;
}

// Validation

const CONTROL = /\p{Cc}/u;
const EMAIL_LOCAL = /^[^\s@<>()[\]\\,;:"]+$/u;
const EMAIL_DOMAIN = /^(?:[^\s@<>()[\]\\,;:".]+\.)+[^\s@<>()[\]\\,;:".\d][^\s@<>()[\]\\,;:".]+$/u;

function codePoints(text: string): number {
  return [...text].length;
}

export function cleanName(value: unknown): string {
  if (typeof value !== 'string') throw new RecordInputError('invalid-name', 'the name must be text');
  const name = value.normalize('NFC').trim();
  if (name === '') throw new RecordInputError('invalid-name', 'the name is empty');
  if (codePoints(name) > MAX_NAME_LENGTH) throw new RecordInputError('invalid-name', `the name is over ${MAX_NAME_LENGTH} characters`);
  if (CONTROL.test(name)) throw new RecordInputError('invalid-name', 'the name contains control characters (a line break or a tab?)');
  return name;
}

export function cleanTeam(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw new RecordInputError('invalid-team', 'the team must be text');
  const team = value.normalize('NFC').trim();
  if (team === '') return null;
  if (codePoints(team) > MAX_TEAM_LENGTH) throw new RecordInputError('invalid-team', `the team is over ${MAX_TEAM_LENGTH} characters`);
  if (CONTROL.test(team)) throw new RecordInputError('invalid-team', 'the team contains control characters');
  return team;
}

/** The email, trimmed and lowercased, when it is a plausible address (not proof that it exists). */
export function normalizeEmail(value: unknown): string {
  if (typeof value !== 'string') throw new RecordInputError('invalid-email', 'the email must be text');
  const email = value.normalize('NFC').trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH) throw new RecordInputError('invalid-email', `the email is over ${MAX_EMAIL_LENGTH} characters`);
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const plausible =
    at > 0 &&
    !CONTROL.test(email) &&
    local.length <= 64 &&
    EMAIL_LOCAL.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    EMAIL_DOMAIN.test(domain) &&
    domain.split('.').every((label) => label !== '' && !label.startsWith('-') && !label.endsWith('-'));
  if (!plausible) throw new RecordInputError('invalid-email', `"${value.trim().slice(0, 80)}" is not a work email address like name@example.com`);
  return email;
}

/** The learner id of an email: readable, lowercase, safe in URLs and SCORM's cmi.learner_id. */
export function learnerSlug(email: string): string {
  return email.replace('@', '-at-').replace(/[^a-z0-9._-]/g, '-');
}

export function checkDate(value: Date, what: string): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RecordInputError('invalid-date', `${what} is not a valid date`);
  return value.toISOString();
}

/**
 * A commit body as it will be stored: `value` is the parsed body, or its JSON text (scorm-again's
 * final commit comes by sendBeacon as text/plain). Throws RecordInputError when it isn't a JSON
 * object with a `cmi` object, or is over MAX_COMMIT_BYTES serialized.
 */
export function validateCommitBody(value: unknown): { json: string; body: CommitBody } {
  const tooLarge = () => new RecordInputError('too-large', `the commit is over ${MAX_COMMIT_BYTES} bytes`);
  let parsed: unknown;
  if (typeof value === 'string') {
    if (Buffer.byteLength(value, 'utf8') > MAX_COMMIT_BYTES) throw tooLarge();
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new RecordInputError('not-json', 'the commit is not JSON');
    }
  } else {
    let text: string | undefined;
    try {
      text = JSON.stringify(value) as string | undefined;
    } catch {
      throw new RecordInputError('not-json', 'the commit cannot be written as JSON (a cycle, or a BigInt?)');
    }
    if (text === undefined) throw new RecordInputError('not-object', 'the commit is not a JSON object');
    if (Buffer.byteLength(text, 'utf8') > MAX_COMMIT_BYTES) throw tooLarge();
    // What is stored is exactly what was checked: plain JSON, without class instances or undefined.
    parsed = JSON.parse(text);
  }
  if (!isPlainObject(parsed)) throw new RecordInputError('not-object', 'the commit is not a JSON object');
  if (!isPlainObject(parsed['cmi'])) throw new RecordInputError('no-cmi', 'the commit has no "cmi" object');
  if (deeperThan(parsed, MAX_COMMIT_DEPTH)) throw new RecordInputError('too-deep', `the commit nests deeper than ${MAX_COMMIT_DEPTH} levels`);
  const json = JSON.stringify(parsed);
  if (Buffer.byteLength(json, 'utf8') > MAX_COMMIT_BYTES) throw tooLarge();
  return { json, body: parsed as CommitBody };
}

/** Whether a parsed JSON value nests past `max` levels; iterative, so depth itself can't overflow the stack. */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(item)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}
