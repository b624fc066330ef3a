/**
 * Phrase lists for asks: one entry a line, each a small pattern (regular-expression syntax, matched
 * case-insensitively at word boundaries where the list says so), grouped with where it comes from.
 */
import type { PhraseList } from './phrases.ts';

export const VAGUE_ASK_PHRASES: PhraseList = {
  wordBoundaries: true,
  groups: [
    {
      source: "Open-ended asks (the contract's typical failure: \"let me know your thoughts\").",
      entries: [
        String.raw`let\s+me\s+know\s+(?:your\s+thoughts|what\s+you\s+think|how\s+you\s+feel)`,
        String.raw`any\s+thoughts`,
        String.raw`thoughts\?`,
        String.raw`any\s+(?:update|updates|news|progress|word)\b`,
        String.raw`get\s+back\s+to\s+me`,
        String.raw`keep\s+me\s+(?:posted|in\s+the\s+loop)`,
        String.raw`circle\s+back`,
        String.raw`touch\s+base`,
        String.raw`let\s+me\s+know\b(?!\s+(?:by|before|if|whether|which|what|who|when))`,
        String.raw`talk\s+(?:it|this)\s+through`,
        String.raw`have\s+a\s+(?:chat|think)`,
        String.raw`(?:get|find|put)\s+some\s+time\s+in\s+the\s+diary`,
      ],
    },
  ],
};

export const OFFER_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "Offers of help that ask nothing of the reader (\"don't hesitate to...\", \"feel free to...\").",
      entries: [
        String.raw`\b(?:do\s+not|don't)\s+hesitate\b`,
        String.raw`\bfeel\s+free\b`,
        String.raw`\bhappy\s+to\s+(?:help|chat|talk|answer|walk)\b`,
        String.raw`\bif\s+you\s+have\s+(?:any\s+)?questions\b`,
        String.raw`\blet\s+(?:me|us)\s+know\s+if\s+you\s+(?:have|need)\b`,
        String.raw`\bshout\s+if\b`,
        String.raw`\bif\s+(?:it's|it\s+is|that's)\s+(?:easier|simpler|quicker|helpful)\b`,
        String.raw`\bif\s+it\s+helps\b`,
      ],
    },
  ],
};

export const NO_ACTION_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "Statements that no action is needed (the contract: \"pure FYI emails that say no action is needed pass\").",
      entries: [
        String.raw`\bno\s+(?:action|reply|response)\s+(?:is\s+|will\s+be\s+)?(?:needed|required|necessary)\b`,
        String.raw`\bnothing\s+(?:is\s+)?(?:needed|required)\s+(?:from|of)\s+you\b`,
        String.raw`\b(?:you\s+)?(?:don't|do\s+not|won't|will\s+not)\s+need\s+to\s+do\s+anything\b`,
        String.raw`\bnothing\s+(?:for\s+you\s+)?to\s+do\b`,
        String.raw`\bno\s+need\s+(?:for\s+you\s+)?to\s+(?:do|reply|respond|act|take)\b`,
        String.raw`\bwhat\s+you\s+need\s+to\s+do:\s*nothing\b`,
        String.raw`\bthere'?s\s+nothing\s+(?:you\s+need\s+)?to\s+do\b`,
        String.raw`\bjust\s+for\s+your\s+information\b`,
        String.raw`\bfor\s+information\s+only\b`,
        String.raw`\bno\s+action\s+needed\b`,
      ],
    },
  ],
};
