// Text from records (names, ids, statuses) on its way to a terminal: control characters and
// bidirectional overrides are shown as escapes, so a record can't move the cursor, recolour,
// retitle the window or reorder what an admin reads.
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
