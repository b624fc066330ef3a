import { CHECK_IDS, type CheckId } from '../analyzer/types.ts';

/** One finding's range in a field's text, tagged with the check that found it. */
export interface HighlightRange {
  checkId: CheckId;
  start: number;
  end: number;
}

/**
 * A run of text covered by the same set of findings. `checkIds` is empty for plain text and in
 * contract order otherwise, so the first id decides the colour of an overlap.
 */
export interface TextSegment {
  start: number;
  end: number;
  checkIds: readonly CheckId[];
}

const checkOrder = new Map<CheckId, number>(CHECK_IDS.map((id, i) => [id, i]));

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (inside an emoji). */
function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1))
  );
}

/**
 * Clamps a range to the text and widens it to whole code points, so a mark never cuts an emoji
 * in half. Returns null for ranges that are empty or not numbers.
 */
export function normaliseRange(text: string, start: number, end: number): [number, number] | null {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  let s = Math.min(Math.max(Math.trunc(start), 0), text.length);
  let e = Math.min(Math.max(Math.trunc(end), 0), text.length);
  if (splitsPair(text, s)) s -= 1;
  if (splitsPair(text, e)) e += 1;
  return e > s ? [s, e] : null;
}

/**
 * Splits `text` at every range boundary into non-overlapping segments, so overlapping or nested
 * findings render as sibling marks and never as nested or crossing elements. Runs in
 * O(k log k) for k ranges; the segments cover the text exactly, in order.
 */
export function segmentText(text: string, ranges: readonly HighlightRange[]): TextSegment[] {
  const events: { at: number; checkId: CheckId; delta: 1 | -1 }[] = [];
  for (const range of ranges) {
    const span = normaliseRange(text, range.start, range.end);
    if (!span) continue;
    events.push({ at: span[0], checkId: range.checkId, delta: 1 });
    events.push({ at: span[1], checkId: range.checkId, delta: -1 });
  }
  if (events.length === 0) return text.length > 0 ? [{ start: 0, end: text.length, checkIds: [] }] : [];
  events.sort((a, b) => a.at - b.at);

  const open = new Map<CheckId, number>();
  const segments: TextSegment[] = [];
  let cursor = 0;
  let i = 0;
  while (i < events.length) {
    const at = events[i]!.at;
    if (at > cursor) segments.push({ start: cursor, end: at, checkIds: activeChecks(open) });
    cursor = at;
    for (; i < events.length && events[i]!.at === at; i += 1) {
      const { checkId, delta } = events[i]!;
      const count = (open.get(checkId) ?? 0) + delta;
      if (count > 0) open.set(checkId, count);
      else open.delete(checkId);
    }
  }
  if (cursor < text.length) segments.push({ start: cursor, end: text.length, checkIds: [] });
  return segments;
}

function activeChecks(open: ReadonlyMap<CheckId, number>): CheckId[] {
  return [...open.keys()].sort((a, b) => (checkOrder.get(a) ?? 0) - (checkOrder.get(b) ?? 0));
}
