// Validating a scenario context's kind and audience against the analyzer's contract.
import type { Audience, EmailKind } from '../analyzer/index.ts';
import { AUDIENCES, EMAIL_KINDS } from '../analyzer/index.ts';
import { CliError } from '../node/fail.ts';

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** `where` says where the value came from, e.g. `email.txt:2: Kind` or `dev.jsonl:4: "context.kind"`. */
export function toKind(value: string, where: string): EmailKind {
  if (isOneOf(EMAIL_KINDS, value)) return value;
  throw new CliError(`${where}: "${value}" is not a kind (use ${EMAIL_KINDS.join(', ')})`);
}

export function toAudience(value: string, where: string): Audience {
  if (isOneOf(AUDIENCES, value)) return value;
  throw new CliError(`${where}: "${value}" is not an audience (use ${AUDIENCES.join(', ')})`);
}
