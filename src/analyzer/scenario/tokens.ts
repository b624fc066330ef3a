/**
 * Words as a scenario's facts compare them: lower case, a light stem, numbers written as words
 * turned into digits ("twenty-seventh" → 27), and months and weekdays in their full form, so
 * "Fri 27th Sept" and "Friday 27 September" read alike. Offsets point into the original text.
 */
import { lookup, words, type Span } from '../text.ts';

export interface Token extends Span {
  /** The comparable form: a stem, a digit string or a full month or weekday name. */
  norm: string;
}

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, twentieth: 20, thirty: 30, thirtieth: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100 };

const FULL_NAMES: Readonly<Record<string, string>> = {
  jan: 'january', feb: 'february', mar: 'march', apr: 'april', jun: 'june', jul: 'july', aug: 'august',
  sep: 'september', sept: 'september', oct: 'october', nov: 'november', dec: 'december',
  mon: 'monday', tue: 'tuesday', tues: 'tuesday', wed: 'wednesday', weds: 'wednesday', thu: 'thursday', thur: 'thursday',
  thurs: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday',
};
const CALENDAR_NAMES = new Set(Object.values(FULL_NAMES).concat(['may']));

/** A rough English stem: enough that "approve", "approval", "approved" and "approving" meet. */
export function stemWord(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '').replace(/’/g, "'");
  if (w.length <= 3 || /\d/.test(w)) return w;
  let s = w;
  for (const [suffix, min] of [
    ['ational', 4], ['ations', 3], ['ation', 3], ['ments', 3], ['ment', 3], ['ness', 3], ['ingly', 3], ['ings', 3], ['ing', 3],
    ['ies', 2], ['ied', 2], ['ers', 3], ['er', 3], ['ed', 3], ['es', 3], ['als', 3], ['al', 4], ['ly', 3], ['s', 3], ['e', 3],
  ] as const) {
    if (s.endsWith(suffix) && s.length - suffix.length >= min) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  if (s.endsWith('i')) s = `${s.slice(0, -1)}y`;
  return s;
}

/** The comparable form of one word. */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const ordinal = /^(\d+)(?:st|nd|rd|th)$/.exec(lower);
  if (ordinal?.[1]) return String(Number(ordinal[1]));
  if (/^\d+$/.test(lower)) return String(Number(lower));
  const full = lookup(FULL_NAMES, lower.replace(/\.$/, ''));
  if (full) return full;
  if (CALENDAR_NAMES.has(lower)) return lower;
  const unit = lookup(UNITS, lower);
  if (unit !== undefined) return String(unit);
  const tens = lookup(TENS, lower);
  if (tens !== undefined) return String(tens);
  return stemWord(lower);
}

/** Tokens of `text` with offsets shifted by `offset`; "twenty seven" and "twenty-seven" become 27. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const w of words(text, offset)) {
    // Split hyphenated words ("twenty-seven", "go-live") into their parts, keeping offsets.
    let at = w.start;
    for (const part of w.text.split(/[-'’]/)) {
      if (part.length > 0) out.push({ start: at, end: at + part.length, norm: normaliseWord(part) });
      at += part.length + 1;
    }
  }
  // Join "twenty" + "seven" into 27.
  const joined: Token[] = [];
  for (const t of out) {
    const prev = joined[joined.length - 1];
    const n = Number(t.norm);
    if (prev && /^[2-9]0$/.test(prev.norm) && /^\d$/.test(t.norm) && n > 0 && t.start - prev.end <= 1) {
      joined[joined.length - 1] = { start: prev.start, end: t.end, norm: String(Number(prev.norm) + n) };
      continue;
    }
    joined.push(t);
  }
  return joined;
}

/** Whether two comparable forms are the same word, allowing one typing slip in longer words. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (/\d/.test(a) || /\d/.test(b)) return false;
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  if (a.startsWith(b) || b.startsWith(a)) return Math.min(a.length, b.length) >= 5;
  return withinOneEdit(a, b);
}

/** One insertion, deletion, substitution or swap of neighbours (Damerau). */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i += 1) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length <= 1) return true;
    const [i, j] = diffs;
    return diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return short.slice(i) === long.slice(i + 1);
}
