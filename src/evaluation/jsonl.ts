// Emails as JSON Lines: one {"subject","body","context"} object a line. Other fields (id,
// expect, why…) are kept for callers such as the evaluation but ignored by the analyzer.
import type { EmailContext, EmailInput } from '../analyzer/index.ts';
import { CliError, errorMessage } from '../node/fail.ts';
import { toAudience, toKind } from './email-context.ts';
import { describeJsonValue, isPlainObject, shorten } from '../content/json-values.ts';

export interface JsonlEmail {
  /** 1-based line number in the file, for messages. */
  line: number;
  input: EmailInput;
  /** A course scenario id to score the email against (contract v2), if the line names one. */
  scenario?: string;
  /** The whole object as read, including fields the analyzer ignores. */
  fields: Record<string, unknown>;
}

/** A line that could not be read as an email: its number and why, for output in its place. */
export interface JsonlProblem {
  line: number;
  error: string;
}

function readString(fields: Record<string, unknown>, name: string, where: string): string {
  const value = fields[name];
  if (value === undefined) throw new CliError(`${where}: "${name}" is missing`);
  if (typeof value !== 'string') throw new CliError(`${where}: "${name}" must be a string, not ${describeJsonValue(value)}`);
  return value;
}

function readContext(value: unknown, where: string): EmailContext {
  if (!isPlainObject(value)) throw new CliError(`${where}: "context" must be an object, not ${describeJsonValue(value)}`);
  const context: EmailContext = {};
  for (const [key, field] of Object.entries(value)) {
    if (key !== 'kind' && key !== 'audience') {
      throw new CliError(`${where}: "context.${key}" is not a context field (use kind, audience)`);
    }
    if (typeof field !== 'string') {
      throw new CliError(`${where}: "context.${key}" must be a string, not ${describeJsonValue(field)}`);
    }
    if (key === 'kind') context.kind = toKind(field, `${where}: "context.kind"`);
    else context.audience = toAudience(field, `${where}: "context.audience"`);
  }
  return context;
}

/** Checks one parsed JSON value as an analyzer input; `where` prefixes messages (`file:line`). */
export function toEmailInput(value: unknown, where: string): EmailInput {
  if (!isPlainObject(value)) {
    throw new CliError(`${where}: expected an object like {"subject": "…", "body": "…"}, not ${describeJsonValue(value)}`);
  }
  const subject = readString(value, 'subject', where);
  const body = readString(value, 'body', where);
  return value['context'] === undefined ? { subject, body } : { subject, body, context: readContext(value['context'], where) };
}

/**
 * A line's `scenario`: an id (letters, digits and "_") names a course scenario. Older example
 * files use the field for a sentence describing the situation; a value with spaces is that
 * description, not an id, and is ignored.
 */
function readScenario(fields: Record<string, unknown>, where: string): string | undefined {
  const value = fields['scenario'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new CliError(`${where}: "scenario" must be a scenario id, not ${describeJsonValue(value)}`);
  return /\s/.test(value.trim()) ? undefined : value.trim();
}

function parseLine(raw: string, where: string, line: number): JsonlEmail {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new CliError(`${where}: not valid JSON (${shorten(errorMessage(error), 80)})`);
  }
  const input = toEmailInput(value, where);
  const fields = isPlainObject(value) ? value : {};
  const scenario = readScenario(fields, where);
  return scenario === undefined ? { line, input, fields } : { line, input, scenario, fields };
}

/**
 * Parses a whole JSONL text, keeping going past bad lines: each line becomes an email or a
 * problem, in order. Blank lines are skipped.
 */
export function readEmailJsonl(text: string, source: string): (JsonlEmail | JsonlProblem)[] {
  const out: (JsonlEmail | JsonlProblem)[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const line = index + 1;
    try {
      out.push(parseLine(raw, `${source}:${line}`, line));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      out.push({ line, error: error.message });
    }
  });
  return out;
}

export function isProblem(item: JsonlEmail | JsonlProblem): item is JsonlProblem {
  return 'error' in item;
}

/** Parses a whole JSONL text; blank lines are skipped. Throws on the first bad line. */
export function parseEmailJsonl(text: string, source: string): JsonlEmail[] {
  return readEmailJsonl(text, source).map((item) => {
    if (isProblem(item)) throw new CliError(item.error);
    return item;
  });
}
