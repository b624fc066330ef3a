/**
 * Phrase lists for concise: one entry a line, each a small pattern (regular-expression syntax, matched
 * case-insensitively at word boundaries where the list says so), grouped with where it comes from.
 */
import type { PhraseList } from './phrases.ts';

export const FILLER_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "Padding that adds words, not meaning (the contract's typical failure: \"I just wanted to reach out to touch base...\"; plain-language style guides).",
      entries: [
        String.raw`\b(?:i\s+)?just\s+wanted\s+to\s+(?:reach\s+out|touch\s+base|check\s+in|follow\s+up|let\s+you\s+know|say)`,
        String.raw`\breach(?:ing)?\s+out\b`,
        String.raw`\btouch(?:ing)?\s+base\b`,
        String.raw`\bi\s+hope\s+this\s+(?:makes\s+sense|helps|is\s+helpful)`,
        String.raw`\bto\s+be\s+(?:honest|fair)\b`,
        String.raw`\bhonestly\b`,
        String.raw`\bas\s+(?:i|you)\s+(?:know|said|mentioned)\b`,
        String.raw`\bplease\s+do\s+not\s+hesitate\b`,
        String.raw`\bat\s+the\s+end\s+of\s+the\s+day\b`,
        String.raw`\bin\s+terms\s+of\b`,
        String.raw`\bneedless\s+to\s+say\b`,
        String.raw`\bit\s+goes\s+without\s+saying\b`,
        String.raw`\bi\s+(?:just\s+)?wanted\s+to\s+(?:say|let)\b`,
        String.raw`\breally,?\s+really\b`,
        String.raw`\bever\s+so\b`,
        String.raw`\bjust\s+to\s+give\s+you\b`,
        String.raw`\ba\s+little\s+bit\s+of\b`,
        String.raw`\bfor\s+what\s+it'?s\s+worth\b`,
        String.raw`\bdrop\s+you\s+a\s+(?:line|note)\b`,
        String.raw`\bkeep\s+you\s+in\s+the\s+loop\b`,
        String.raw`\bit'?s\s+been\s+a\s+while\b`,
        String.raw`\ba\s+lot\s+has\s+happened\b`,
        String.raw`\bas\s+you\s+(?:may|might)\s+(?:know|remember|recall)\b`,
        String.raw`\bi\s+hope\s+you'?re\s+(?:well|keeping\s+well)\b`,
      ],
    },
  ],
};
