/**
 * Deadlines and time frames in a sentence: dates, weekdays, "by end of day", "within two weeks".
 * chrono-node reads the date expressions; a few email idioms it does not know are added here.
 * Vague ones ("ASAP", "when you get a chance") are found separately and never count.
 */
import { casual } from 'chrono-node/en';
import { allMatches, type Span } from './text.ts';

export interface TimeFrame extends Span {
  text: string;
}

const EXTRA_TIME_FRAMES = [
  /\b(?:end of (?:the )?(?:day|week|month|quarter|year|play|business)|close of (?:business|play)|EOD|EOW|COB|EOM)\b/gi,
  /\b(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b/gi,
  /\b(?:tomorow|tomorrrow|tmrw|tmr|tonite|tonight|this (?:morning|afternoon|evening))\b/gi,
  /\b(?:within|in)\s+(?:\d+|an?|one|two|three|four|five|six|seven|ten|a few)\s+(?:working\s+|business\s+)?(?:minutes?|hours?|days?|weeks?)\b/gi,
  /\b(?:allow|takes?)\s+(?:\d+|one|two|three|four|five)\s+(?:working\s+|business\s+)?days?\b/gi,
  /\b(?:by|before|until)\s+(?:then|that date|that day|the deadline|noon|midday|lunch(?:time)?|the meeting|our meeting|the call|go-live)\b/gi,
  /\b(?:by|before|at|from)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)\b/gi,
];

const PAST = /^(?:last|yesterday|ago|earlier|past|previous)\b|\bago$/i;
/** chrono also reads words like "now" or "HR" as times; a deadline names a day, date or time. */
const CONCRETE = /\d|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|tomorrow|tonight|noon|midday|midnight|weekend|week|month|quarter|year|morning|afternoon|evening|day)/i;
/** A bare length of time ("several weeks", "after 30 days") is not a time frame for an ask. */
const DURATION_ONLY = /^(?:after\b.*|(?:several|a\s+few|a\s+couple\s+of|many|some|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:minutes?|hours?|days?|weeks?|months?|years?))$/i;
const REFERENCE_DATE = new Date(Date.UTC(2024, 0, 1, 12));
const MAX_CHRONO_INPUT = 600;

/** Concrete time frames in `text` (one sentence); offsets relative to `offset`. */
export function findTimeFrames(text: string, offset = 0): TimeFrame[] {
  const found: TimeFrame[] = [];
  // chrono's results depend only on the text and this fixed reference date, so Node and
  // browsers agree; long run-on sentences are cut to keep the cost linear.
  const sample = text.length > MAX_CHRONO_INPUT ? text.slice(0, MAX_CHRONO_INPUT) : text;
  // chrono is the costly part: skip it where no date word or number could be.
  const results = CONCRETE.test(sample) ? casual.parse(sample, REFERENCE_DATE, { forwardDate: true }) : [];
  for (const r of results) {
    const before = sample.slice(Math.max(0, r.index - 12), r.index);
    if (PAST.test(r.text) || /\b(?:since|last|past|back in|ago)\s*$/i.test(before)) continue;
    if (!CONCRETE.test(r.text) || DURATION_ONLY.test(r.text)) continue;
    found.push({ start: offset + r.index, end: offset + r.index + r.text.length, text: r.text });
  }
  for (const re of EXTRA_TIME_FRAMES) {
    for (const m of allMatches(re, sample)) {
      found.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const VAGUE_TIME = /\b(?:asap|a\.s\.a\.p|as soon as (?:possible|you can)|soon(?:ish)?|when(?:ever)? you (?:get|have|find) (?:a|the) (?:chance|moment|minute|sec(?:ond)?|time)|whenever(?: suits| you can| works| is convenient| things)?|at some point|at your (?:earliest )?convenience|in due course|when things (?:calm|settle|quiet)|when you can|no rush|sometime|some time soon|in the (?:near|not too distant) future|when convenient|if you get a (?:chance|moment))\b/gi;

export function findVagueTimes(text: string, offset = 0): TimeFrame[] {
  const found: TimeFrame[] = [];
  for (const m of allMatches(VAGUE_TIME, text)) {
    found.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  }
  return found;
}
