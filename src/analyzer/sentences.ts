/**
 * Splits the writer's own text into paragraphs and sentences with offsets. Written for email
 * rather than taken from a general tokenizer: emails break lines for lists, headings and
 * "Option A:" rows, and Intl.Segmenter splits differently in Node and in each browser.
 */
import { splitLines, type Line } from './parts.ts';
import type { Span } from './text.ts';

export type Region = 'main' | 'postscript';

export interface Sentence extends Span {
  text: string;
  paragraph: number;
  listItem: boolean;
  region: Region;
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st nos ext approx etc vs e.g i.e eg ie inc ltd co corp dept est jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m fig vol ref tel mob p.s ps cf al'.split(
    ' ',
  ),
);

const LIST_ITEM = /^\s*(?:[-*•‣▪◦–]|\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\))\s+/;
const MAX_SENTENCE = 2_000;

export function isListItemLine(text: string): boolean {
  return LIST_ITEM.test(text);
}

/** Sentence boundaries inside one run of prose (no line breaks considered). */
function splitProse(text: string, offset: number): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    const ch = text[i];
    let cut = -1;
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      let j = i;
      while (j + 1 < n && /[.!?…]/.test(text[j + 1] ?? '')) j += 1;
      let k = j;
      while (k + 1 < n && /["'’”)\]]/.test(text[k + 1] ?? '')) k += 1;
      const next = text[k + 1];
      if (next === undefined) {
        cut = k + 1;
      } else if (/\s/.test(next)) {
        let m = k + 1;
        while (m < n && /\s/.test(text[m] ?? '')) m += 1;
        const after = text[m] ?? '';
        if (ch === '.' && j === i && /^\s*\(?\d{1,2}$/.test(text.slice(0, i))) {
          // "1. Install the app": a list number, not the end of a sentence.
        } else if (ch === '.' && j === i) {
          const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
          const abbreviation = ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before);
          const lowerNext = /\p{Ll}/u.test(after);
          if (!abbreviation && !lowerNext) cut = k + 1;
        } else if (!/\p{Ll}/u.test(after) || ch !== '.') {
          cut = k + 1;
        }
      }
      i = k;
    } else if (i - start >= MAX_SENTENCE && /\s/.test(ch ?? '')) {
      cut = i; // a run-on paste: keep sentences bounded
    }
    if (cut > 0) {
      spans.push({ start: offset + start, end: offset + cut });
      start = cut;
    }
  }
  if (start < n) spans.push({ start: offset + start, end: offset + n });
  return spans
    .map((s) => trim(text, offset, s))
    .filter((s) => s.end > s.start);
}

function trim(text: string, offset: number, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start - offset] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1 - offset] ?? '')) end -= 1;
  return { start, end };
}

/** Whether the break after `line` ends a sentence (headings, list rows, short lines). */
function lineEndsUnit(line: Line, next: Line | undefined): boolean {
  if (!next) return true;
  const t = line.text.trimEnd();
  if (/[.!?:;…]["'’”)]?$/.test(t)) return true;
  if (isListItemLine(next.text)) return true;
  // A hard-wrapped paragraph: a long line, or one ending mid-phrase, runs on to the next.
  if (t.length >= 50 || /[,&]$|\b(?:and|or|but|the|a|an|of|to|for|with|in|on|at|by)$/i.test(t)) return false;
  return /^\s*\p{Ll}/u.test(next.text) ? false : true;
}

export interface Prose {
  paragraphs: Span[];
  sentences: Sentence[];
}

/** Paragraphs and sentences of `span` within `text` (`text` already masked). */
export function splitSentences(text: string, spans: { span: Span; region: Region }[]): Prose {
  const paragraphs: Span[] = [];
  const sentences: Sentence[] = [];
  for (const { span, region } of spans) {
    const lines = splitLines(text.slice(span.start, span.end)).map((l) => ({
      ...l,
      start: l.start + span.start,
      end: l.end + span.start,
    }));
    let para: Line[] = [];
    const flush = () => {
      if (para.length === 0) return;
      const first = para[0];
      const last = para[para.length - 1];
      if (!first || !last) return;
      const index = paragraphs.length;
      paragraphs.push({ start: first.start, end: last.end });
      let unitStart = 0;
      for (let i = 0; i < para.length; i += 1) {
        const line = para[i];
        if (!line) continue;
        if (lineEndsUnit(line, para[i + 1])) {
          const unit = para.slice(unitStart, i + 1);
          const uFirst = unit[0];
          if (uFirst) {
            const from = uFirst.start;
            const to = line.end;
            const listItem = isListItemLine(uFirst.text);
            for (const s of splitProse(text.slice(from, to), from)) {
              sentences.push({ ...s, text: text.slice(s.start, s.end), paragraph: index, listItem, region });
            }
          }
          unitStart = i + 1;
        }
      }
      para = [];
    };
    for (const line of lines) {
      if (line.text.trim() === '') flush();
      else para.push(line);
    }
    flush();
  }
  return { paragraphs, sentences };
}
