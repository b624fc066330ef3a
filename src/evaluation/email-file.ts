// An email as a text file: optional header lines (Subject, Kind, Audience), a blank line, the body.
//
// Line endings: CRLF and lone CR become LF before parsing, because that is what a browser
// textarea hands the analyzer; the CLI then scores the same text the practice page would.
// Finding offsets therefore point into the body with LF line endings; everything after the
// header block's blank line is otherwise passed on unchanged (leading blank lines, trailing
// newline included). A file whose first line is not one of the headers is all body.
import type { EmailContext, EmailInput } from '../analyzer/index.ts';
import { CliError } from '../node/fail.ts';
import { toAudience, toKind } from './email-context.ts';

const HEADER_LINE = /^([A-Za-z][A-Za-z-]*)[ \t]*:[ \t]*(.*)$/;
const HEADERS = ['subject', 'kind', 'audience'] as const;
type HeaderName = (typeof HEADERS)[number];

function headerName(line: string): { name: HeaderName; value: string } | undefined {
  const match = HEADER_LINE.exec(line);
  const name = match?.[1]?.toLowerCase();
  const header = HEADERS.find((h) => h === name);
  return header && match ? { name: header, value: (match[2] ?? '').trim() } : undefined;
}

/** Normalises line endings to LF (see the note at the top of this file). */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Parses an email file's text; `source` names the file in error messages. */
export function parseEmailFile(text: string, source: string): EmailInput {
  const normalized = normalizeLineEndings(text);
  const firstLine = normalized.split('\n', 1)[0] ?? '';
  if (!headerName(firstLine)) return { subject: '', body: normalized };

  const seen = new Set<HeaderName>();
  let subject = '';
  const context: EmailContext = {};
  let position = 0;
  let lineNumber = 0;
  while (position < normalized.length) {
    lineNumber += 1;
    const newline = normalized.indexOf('\n', position);
    const end = newline === -1 ? normalized.length : newline;
    const line = normalized.slice(position, end);
    position = newline === -1 ? normalized.length : newline + 1;
    if (line.trim() === '') break; // the blank line that ends the headers

    const header = headerName(line);
    const where = `${source}:${lineNumber}`;
    if (!header) {
      throw new CliError(
        `${where}: expected a header (Subject:, Kind: or Audience:) or the blank line that separates the headers from the body`,
      );
    }
    if (seen.has(header.name)) throw new CliError(`${where}: the ${header.name} header is given twice`);
    seen.add(header.name);
    if (header.name === 'subject') subject = header.value;
    else if (header.name === 'kind') context.kind = toKind(header.value.toLowerCase(), `${where}: Kind`);
    else context.audience = toAudience(header.value.toLowerCase(), `${where}: Audience`);
  }
  const body = normalized.slice(position);
  return context.kind || context.audience ? { subject, body, context } : { subject, body };
}
