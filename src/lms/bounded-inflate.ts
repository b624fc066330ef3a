// Inflating data that came from a learner's browser, with a ceiling: a few hundred bytes of
// deflate can expand a thousandfold, so the output is counted as it is produced and the work
// stops at the cap instead of after the whole bomb went off.
import { Inflate } from 'fflate';

/** More than any real saved progress inflates to (a learner who did everything: about 30 KB). */
export const MAX_INFLATED_BYTES = 1024 * 1024;

/** Input fed per step: deflate expands at most about 1032:1, so one step overshoots the cap by ~0.5 MB at most. */
const STEP = 512;

/** The inflated bytes, or undefined when they would pass `maxBytes` (or the data is not deflate). */
export function inflateBounded(data: Uint8Array, maxBytes = MAX_INFLATED_BYTES): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) over = true;
    else chunks.push(chunk.slice());
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length && !over; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch {
    return undefined;
  }
  if (over) return undefined;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
