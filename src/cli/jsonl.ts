// Emails as JSON Lines: one {"subject","body","context"} object a line. Other fields (id,
// expect, why…) are kept for callers such as the evaluation but ignored by the analyzer.
import type { EmailContext, EmailInput } from '../analyzer/index.ts';
import { CliError, errorMessage } from './fail.ts';
import { toAudience, toKind } from './email-context.ts';

export interface JsonlEmail {
  /** 1-based line number in the file, for messages. */
  line: number;
  input: EmailInput;
  /** The whole object as read, including fields the analyzer ignores. */
  fields: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function readString(fields: Record<string, unknown>, name: string, where: string): string {
  const value = fields[name];
  if (value === undefined) throw new CliError(`${where}: "${name}" is missing`);
  if (typeof value !== 'string') throw new CliError(`${where}: "${name}" must be a string, not ${describe(value)}`);
  return value;
}

function readContext(value: unknown, where: string): EmailContext {
  if (!isRecord(value)) throw new CliError(`${where}: "context" must be an object, not ${describe(value)}`);
  const context: EmailContext = {};
  for (const [key, field] of Object.entries(value)) {
    if (key !== 'kind' && key !== 'audience') {
      throw new CliError(`${where}: "context.${key}" is not a context field (use kind, audience)`);
    }
    if (typeof field !== 'string') {
      throw new CliError(`${where}: "context.${key}" must be a string, not ${describe(field)}`);
    }
    if (key === 'kind') context.kind = toKind(field, `${where}: "context.kind"`);
    else context.audience = toAudience(field, `${where}: "context.audience"`);
  }
  return context;
}

/** Checks one parsed JSON value as an analyzer input; `where` prefixes messages (`file:line`). */
export function toEmailInput(value: unknown, where: string): EmailInput {
  if (!isRecord(value)) {
    throw new CliError(`${where}: expected an object like {"subject": "…", "body": "…"}, not ${describe(value)}`);
  }
  const subject = readString(value, 'subject', where);
  const body = readString(value, 'body', where);
  return value['context'] === undefined ? { subject, body } : { subject, body, context: readContext(value['context'], where) };
}

/** Parses a whole JSONL text; blank lines are skipped. Throws on the first bad line. */
export function parseEmailJsonl(text: string, source: string): JsonlEmail[] {
  const emails: JsonlEmail[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const line = index + 1;
    const where = `${source}:${line}`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new CliError(`${where}: not valid JSON (${shorten(errorMessage(error))})`);
    }
    const input = toEmailInput(value, where);
    emails.push({ line, input, fields: isRecord(value) ? value : {} });
  });
  return emails;
}
