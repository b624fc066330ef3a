// Reading JSON that arrives from outside (saved progress, learner records, LMS and LRS answers,
// JSONL lines): the one test for "an object with fields", and the words messages use for a value
// that is something else. No imports: every layer, browser or Node, may use it.

/** A JSON object (not null, not an array): something with fields to read. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a JSON value is, for a message: "null", "an array", "an object", "a number"… */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Text cut to `max` characters with an ellipsis, for quoting input in a message. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
