/**
 * The parts of an email body: greeting, the writer's own text, postscripts, sign-off and
 * signature, and quoted or forwarded earlier messages. Checks judge the writer's own text;
 * every span here is an offset into the original body.
 */
import { countWords, type Span } from './text.ts';

export interface Line extends Span {
  text: string;
}

export type GreetingKind = 'warm' | 'name-only';

export interface EmailParts {
  lines: Line[];
  greeting: (Span & { kind: GreetingKind }) | null;
  /** The writer's text between greeting and sign-off. */
  main: Span;
  /** "P.S." blocks, which belong to the writer but stand apart from the main text. */
  postscripts: Span[];
  /** Closing line ("Thanks,") through the signature. */
  signOff: Span | null;
  closingWarm: boolean;
  /** From the first quoted or forwarded line to the end. */
  quoted: Span | null;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

const QUOTE_START = [
  /^\s*>/,
  /^\s*On\b.{0,200}\bwrote:\s*$/i,
  /^\s*-{2,}\s*(?:Original Message|Forwarded message|Begin forwarded message)/i,
  /^\s*Begin forwarded message:/i,
  /^\s*_{8,}\s*$/,
  // Legal disclaimers under a signature are boilerplate, not the writer's words.
  /^\s*(?:confidentiality\s+notice|disclaimer|legal\s+notice|this\s+e-?mail\s+(?:and\s+any\s+attachments?\s+)?(?:is|are|may\s+be)\s+(?:confidential|intended))\b/i,
  /^\s*[\w&.,' -]{2,80}\s+is\s+(?:authorised|authorized)\s+(?:and\s+regulated\s+)?by\b/i,
];
const HEADER_LINE = /^\s*(?:From|Sent|Date|To|Cc|Subject):\s/i;

function quoteStartLine(lines: Line[]): number {
  for (let i = 0; i < lines.length; i += 1) {
    const text = lines[i]?.text ?? '';
    if (QUOTE_START.some((re) => re.test(text))) return i;
    // An Outlook-style header block: "From: …" followed closely by "Sent:" / "To:" / "Subject:".
    if (/^\s*From:\s/i.test(text)) {
      const next = lines.slice(i + 1, i + 4).filter((l) => HEADER_LINE.test(l.text));
      if (next.length > 0) return i;
    }
  }
  return -1;
}

const WARM_GREETING = /^\s*(?:hi|hello|hey|hiya|dear|greetings|good\s+(?:morning|afternoon|evening|day)|morning|afternoon|evening)\b/i;
const INLINE_GREETING = /^\s*(?:(?:hi|hello|hey|hiya|dear|good\s+(?:morning|afternoon|evening)|morning|afternoon)\b[^,.!?:\n—–]{0,40}[,!:—–]|\p{Lu}[\p{L}'’-]{1,20}(?:\s\p{Lu}[\p{L}'’-]{1,20})?\s*[—–-]\s)/iu;

const CLOSING = /^\s*(?:(?:many\s+|warm\s+|kind\s+|best\s+|with\s+)?thanks?\b|thank\s+you|thx|cheers|ta\b|best\b|all\s+the\s+best|(?:kind|warm|best|warmest|many)\s+regards|regards|sincerely|yours\b|respectfully|(?:with\s+)?best\s+wishes|speak\s+soon|talk\s+soon|take\s+care|with\s+gratitude|cordially)/i;

function isBlank(line: Line | undefined): boolean {
  return line === undefined || line.text.trim() === '';
}

/** A short line that could be a name, title, phone number or company in a signature. */
function signatureLike(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 60) return false;
  if (countWords(t) > 6) return false;
  if (/[?]$/.test(t)) return false;
  if (/[.]$/.test(t) && !/\b[A-Z]\.$/.test(t)) return false;
  if (/^\s*(?:[-*•]|\d+[.)])\s/.test(t)) return false;
  return true;
}

function isClosing(text: string): boolean {
  const t = text.trim();
  return CLOSING.test(t) && countWords(t) <= 6 && !/[?]/.test(t) && t.length <= 50;
}

const POSTSCRIPT = /^\s*(?:P\.?\s?S\.?|PPS|P\.P\.S\.)(?=[\s:,.-])/;

export function parseParts(body: string): EmailParts {
  const lines = splitLines(body);
  const qLine = quoteStartLine(lines);
  const quoted = qLine >= 0 ? { start: lines[qLine]?.start ?? 0, end: body.length } : null;
  const own = qLine >= 0 ? lines.slice(0, qLine) : lines;

  // Greeting: the first non-blank line, if it is one (or starts with one).
  let first = 0;
  while (first < own.length && isBlank(own[first])) first += 1;
  let greeting: EmailParts['greeting'] = null;
  let mainStart = own[first]?.start ?? 0;
  const firstLine = own[first];
  if (firstLine) {
    const t = firstLine.text.trim();
    const nWords = countWords(t);
    const wholeLine =
      (WARM_GREETING.test(t) && nWords <= 8 && !/[.?]$/.test(t)) || (nWords <= 5 && /[,:!—–-]\s*$/.test(t) && !/[.?]/.test(t));
    if (wholeLine && !isClosing(t)) {
      greeting = { start: firstLine.start, end: firstLine.end, kind: WARM_GREETING.test(t) ? 'warm' : 'name-only' };
      mainStart = firstLine.end;
    } else {
      const m = INLINE_GREETING.exec(firstLine.text);
      if (m && m[0].length < firstLine.text.trim().length) {
        const end = firstLine.start + m[0].length;
        greeting = { start: firstLine.start, end, kind: WARM_GREETING.test(m[0]) ? 'warm' : 'name-only' };
        mainStart = end;
      }
    }
  }

  // Postscripts: a paragraph starting "P.S." runs to the next postscript or the end of own text.
  const postscripts: Span[] = [];
  let psFirstLine = -1;
  for (let i = first + 1; i < own.length; i += 1) {
    const line = own[i];
    if (line && POSTSCRIPT.test(line.text) && isBlank(own[i - 1])) {
      if (psFirstLine < 0) psFirstLine = i;
      const prev = postscripts[postscripts.length - 1];
      if (prev) prev.end = lastNonBlankEnd(own, i - 1, prev.start);
      postscripts.push({ start: line.start, end: line.end });
    }
  }
  const ownEndLine = psFirstLine >= 0 ? psFirstLine : own.length;
  const lastPs = postscripts[postscripts.length - 1];
  if (lastPs) lastPs.end = lastNonBlankEnd(own, own.length - 1, lastPs.start);

  // Sign-off: walk back from the end over signature-like lines to a closing line.
  let signOff: Span | null = null;
  let closingWarm = false;
  let last = ownEndLine - 1;
  while (last > first && isBlank(own[last])) last -= 1;
  let closingAt = -1;
  for (let i = last, seen = 0; i > first && seen < 7; i -= 1) {
    const line = own[i];
    if (!line) break;
    if (isBlank(line)) continue;
    if (isClosing(line.text)) {
      closingAt = i;
      break;
    }
    if (!signatureLike(line.text)) break;
    seen += 1;
  }
  if (closingAt >= 0) {
    const line = own[closingAt];
    const endLine = own[last];
    if (line && endLine) {
      signOff = { start: line.start, end: endLine.end };
      closingWarm = /thank|grat|appreciat|regards|best|wishes|cheers|sincerely/i.test(line.text);
    }
  } else if (last > first) {
    // No closing line: a final block of one to three short name-like lines after a blank line.
    let top = last;
    while (top - 1 > first && !isBlank(own[top - 1]) && signatureLike(own[top - 1]?.text ?? '')) top -= 1;
    const block = own.slice(top, last + 1);
    const lastLine = own[last];
    const topLine = own[top];
    if (
      topLine &&
      lastLine &&
      isBlank(own[top - 1]) &&
      block.length <= 3 &&
      block.every((l) => signatureLike(l.text) && !/[.!?:;]\s*$/.test(l.text.trim()))
    ) {
      signOff = { start: topLine.start, end: lastLine.end };
    }
  }

  const ownEnd = ownEndLine > 0 ? lastNonBlankEnd(own, ownEndLine - 1, mainStart) : mainStart;
  const mainEnd = signOff ? signOff.start : ownEnd;
  return {
    lines,
    greeting,
    main: { start: Math.min(mainStart, mainEnd), end: Math.max(mainStart, mainEnd) },
    postscripts,
    signOff,
    closingWarm,
    quoted,
  };
}

function lastNonBlankEnd(lines: Line[], from: number, floor: number): number {
  for (let i = from; i >= 0; i -= 1) {
    const line = lines[i];
    if (line && !isBlank(line)) return Math.max(line.end, floor);
  }
  return floor;
}
