/**
 * Text helpers that keep offsets: every transform here returns a string of the same length as
 * its input, so a position found in the cleaned text is the same position in the original.
 */

export interface Span {
  start: number;
  end: number;
}

/** The longest email the analyzer reads in full; anything after it is reported, not scored. */
export const MAX_ANALYZED_LENGTH = 20_000;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const HTML_TAG = /<\/?[A-Za-z][^<>]{0,500}>|<!--[^]{0,2000}?-->/g;
const HTML_ENTITY = /&(?:[A-Za-z]{2,8}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/g;

function blank(match: string): string {
  return ' '.repeat(match.length);
}

/**
 * Masks what is not the writer's prose: control and direction characters, carriage returns,
 * pasted HTML tags and entities. Same length as the input.
 */
export function maskNoise(text: string): string {
  return text.replace(/\r/g, ' ').replace(CONTROL, blank).replace(HTML_TAG, blank).replace(HTML_ENTITY, blank);
}

const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>()]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|ms|gov|edu|co\.uk|uk)(?:\/[^\s<>()]*)?/gi;

/**
 * Every match of a global regular expression in `text`, in order: what `text.matchAll(re)` gives,
 * without the copy of the expression and the iterator matchAll makes on each call (the analyzer
 * runs a few hundred searches an email). The matches are all found before it returns, so the
 * caller may use the same expression again while going through them.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would match again at the same place: step past it, as matchAll does.
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode);
  }
  return out;
}

/** The index after the character at `index`: a whole surrogate pair in Unicode mode (AdvanceStringIndex). */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const lead = text.charCodeAt(index);
  const trail = text.charCodeAt(index + 1);
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff ? index + 2 : index + 1;
}

/** Spans of web addresses and email addresses, which are neither words nor jargon. */
export function addressSpans(text: string): Span[] {
  return allMatches(URL_LIKE, text).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The entry for `key` in a word table, or undefined: only the table's own entries, so a word
 * like "constructor" never finds what every object inherits.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export interface Word extends Span {
  text: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;

export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

const wordsOfSentence = new WeakMap<object, readonly Word[]>();

/**
 * The words of one sentence of the email being analysed (offsets in the email), found once
 * however many checks read them. Kept with the sentence object, so they go with it.
 */
export function sentenceWords(sentence: Span & { text: string }): readonly Word[] {
  let list = wordsOfSentence.get(sentence);
  if (!list) {
    list = words(sentence.text, sentence.start);
    wordsOfSentence.set(sentence, list);
  }
  return list;
}

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.test(text)) n += 1;
  return n;
}

/** Letters only, for case tests that must not depend on the engine's locale. */
export function isAllCaps(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}

export function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** Rounds to two decimals so Node and browsers print identical scores. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A short quotation of a span for messages, cut at a word boundary. */
export function excerpt(text: string, span: Span, max = 60): string {
  const raw = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  if (raw.length <= max) return raw;
  const cut = raw.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Trims whitespace off both ends of a span of `text`. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}
