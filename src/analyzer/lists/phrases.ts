/**
 * Word lists as data: each list is groups of entries, one entry a line, each group saying where
 * its entries come from. `phrasePattern` turns a list into the one regular expression a check
 * runs, so a list can grow without touching the check.
 */

export interface PhraseGroup {
  /** Where these entries come from: the contract, the course source, research, the corpus. */
  source: string;
  /** Small patterns in regular-expression syntax, one phrase (with its inflections) each. */
  entries: readonly string[];
}

export interface PhraseList {
  /** Whether the whole alternation sits between word boundaries (`\b(?:…)\b`). */
  wordBoundaries: boolean;
  groups: readonly PhraseGroup[];
}

export function phrasePattern(list: PhraseList, flags: string): RegExp {
  const alternation = list.groups.flatMap((g) => g.entries).join('|');
  return new RegExp(list.wordBoundaries ? String.raw`\b(?:${alternation})\b` : alternation, flags);
}
