/**
 * Phrase lists for topics: one entry a line, each a small pattern (regular-expression syntax, matched
 * case-insensitively at word boundaries where the list says so), grouped with where it comes from.
 */
import type { PhraseList } from './phrases.ts';

export const STRONG_SHIFT_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "Markers that start a second, unrelated topic (the contract's typical failures: \"Also, separately...\", \"While I have you...\").",
      entries: [
        String.raw`^\s*(?:(?:also|and|oh|plus|ps|p\.s\.),?\s+)?(?:also,?\s+(?:separately|unrelated(?:ly)?|on\s+another\s+note)|separately|on\s+(?:an?other|a\s+(?:different|separate|totally\s+different|completely\s+different|lighter|personal))\s+note|unrelated(?:ly)?|totally\s+unrelated|while\s+(?:we'?re\s+at\s+it|i\s+have\s+you|everyone'?s\s+here|i'?ve\s+got\s+you|you'?re\s+(?:here|at\s+it|reading))|while\s+i'?m\s+(?:at\s+it|here|writing)|by\s+the\s+way|btw|oh,?\s+(?:and|also|btw)|one\s+(?:more|other|last)\s+(?:thing|question)|another\s+(?:thing|question)|in\s+other\s+news|changing\s+the\s+subject|on\s+a\s+side\s+note|side\s+note|random\s+question|off\s+topic|(?:one\s+)?(?:quick\s+)?other\s+thing|before\s+i\s+forget|(?:completely|totally)\s+(?:different|unrelated)(?:\s+(?:subject|topic|note))?|different\s+subject|unrelated,?\s+but|not\s+related,?\s+but)\b`,
      ],
    },
  ],
};

export const ROUND_UP_OPENERS_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "Openers that switch subject in a round-up of several matters.",
      entries: [
        String.raw`^\s*(?:(?:first|second|third|fourth|fifth|secondly|thirdly|fourthly)\s*,|on\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+(?:side|front)|in\s+other\s+news|elsewhere|meanwhile|we\s+also|also\s+this\s+(?:week|month)|next\s+month|next\s+quarter)\b`,
      ],
    },
  ],
};

export const ROUND_UP_PHRASES_PHRASES: PhraseList = {
  wordBoundaries: true,
  groups: [
    {
      source: "Phrases that announce a round-up of several matters.",
      entries: [
        String.raw`round-?up`,
        String.raw`different\s+areas`,
        String.raw`various\s+(?:things|updates|areas)`,
        String.raw`a\s+(?:few|couple\s+of|number\s+of)\s+(?:updates|different\s+things)`,
        String.raw`this\s+(?:month|week|quarter)'s\s+(?:[\w-]+\s+)?(?:update|news|newsletter)`,
        String.raw`lots?\s+going\s+on`,
        String.raw`(?:a|my)\s+(?:little\s+|short\s+)?list\s+(?:of\s+(?:things|bits)|building)`,
        String.raw`a\s+(?:few|couple\s+of)\s+(?:things|bits)\s+(?:to|for|on)`,
      ],
    },
  ],
};
