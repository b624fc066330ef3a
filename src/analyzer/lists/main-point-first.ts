/**
 * Phrase lists for main-point-first: one entry a line, each a small pattern (regular-expression syntax, matched
 * case-insensitively at word boundaries where the list says so), grouped with where it comes from.
 */
import type { PhraseList } from './phrases.ts';

export const PLEASANTRY_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "Pleasantries and thanks that open an email before its point (the contract: \"thanks, background and I wanted to... openers do not count\").",
      entries: [
        String.raw`^\s*(?:(?:many|big|huge)\s+)?(?:thanks|thank\s+you)\s+(?:(?:so|very)\s+much\s+|again\s+|all\s+)?for\b`,
        String.raw`^\s*(?:i\s+)?hope\b`,
        String.raw`\bhope\s+(?:you|all|this|the|your)\b`,
        String.raw`^\s*(?:congratulations|congrats|happy\s+\w+day|welcome\s+back|great\s+(?:to\s+see|seeing)|it\s+was\s+(?:great|good|lovely|nice))\b`,
        String.raw`\b(?:busy|hectic|crazy|mad)\s+(?:few|couple|week|weeks|month|time|period)`,
        String.raw`\b(?:been|things\s+(?:have\s+been|are)|it'?s\s+been|was)\s+(?:an?\s+)?(?:pretty\s+|really\s+|so\s+|very\s+|\w+ly\s+)?(?:busy|hectic|crazy|mad|full|eventful|intense|tough|long|challenging)\b(?:\s+(?:few\s+)?(?:week|weeks|month|months|quarter|year|time|period|day|days))?`,
        String.raw`^\s*(?:i\s+know|i\s+realise|i\s+realize|i\s+appreciate)\s+(?:you|the\s+last|things|it'?s|this\s+is)\b`,
        String.raw`\bapologies\s+for\b`,
        String.raw`\bsorry\s+(?:to|for)\s+(?:bother|trouble|chase|chasing|coming\s+back)`,
        String.raw`^\s*(?:i\s+)?trust\s+(?:you|this|all)\b`,
        String.raw`\bhow\s+(?:are\s+you|was\s+your|did\s+the)\b`,
        String.raw`\b(?:enjoyed|celebrate|celebrating)\b`,
        String.raw`^\s*what\s+an?\s+[\w\s'’]{1,30}[!]`,
        String.raw`\bproud\s+of\b`,
        String.raw`\bhasn'?t\s+gone\s+unnoticed\b`,
        String.raw`^\s*(?:i\s+)?just\s+want(?:ed)?\s+to\s+say\b`,
        String.raw`\ball\s+over\s+the\s+place\b`,
        String.raw`\bsorry\s+to\s+(?:bother|trouble|chase)\b`,
        String.raw`\bi\s+(?:completely\s+|totally\s+|fully\s+)?understand\b`,
        String.raw`\bsorry\s+to\s+be\b`,
        String.raw`\bhectic\b`,
        String.raw`\b(?:incredibly|really|very|so)\s+(?:stretched|busy|swamped)\b`,
      ],
    },
  ],
};

export const FILLER_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "Openers that announce an email instead of making its point (\"I wanted to reach out\", \"Here is this month's update\").",
      entries: [
        String.raw`^\s*(?:i\s+)?(?:just\s+)?(?:wanted|want|am\s+writing|'m\s+writing|thought\s+i'?d)\s+to\s+(?:reach\s+out|touch\s+base|check\s+in|drop\s+you\s+a\s+(?:line|note)|get\s+in\s+touch|give\s+you\s+(?:all\s+)?a\s+(?:sense|quick\s+update|heads[\s-]up|bit\s+of\s+background)|run\s+(?:something|a\s+few\s+things)|share\s+some\s+(?:thoughts|background)|write)\b`,
        String.raw`^\s*(?:here'?s|here\s+is|this\s+is)\s+(?:this|my|our|the|a)\s+(?:[\w'’-]+\s+){0,3}(?:update|round-?up|newsletter|summary|note|email)\b`,
        String.raw`^\s*(?:just\s+)?(?:a\s+)?(?:quick|short|brief)\s+(?:note|email|message)\s*(?:to|:)`,
        String.raw`^\s*(?:fyi|for\s+info)?[,.:\s]*(?:please\s+)?see\s+(?:below|attached|the\s+(?:email|message|note)\s+below)\b`,
        String.raw`^\s*fyi\.?\s*$`,
      ],
    },
  ],
};

export const BACKGROUND_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "Background openers (\"As you know\", \"Over the past few months\", \"Further to the review\") that fill the preview pane before the point.",
      entries: [
        String.raw`^\s*(?:as\s+(?:(?:many|some|most|a\s+few)\s+of\s+)?you\s+(?:may\s+|will\s+|might\s+|probably\s+|already\s+)?(?:know|have\s+(?:seen|heard)|be\s+aware|remember|may\s+recall)|as\s+(?:should\s+be|is\s+(?:well\s+)?known|you\s+(?:should|will)\s+be\s+aware)|over\s+the\s+years|for\s+(?:many\s+)?years|originally|each\s+time\b|as\s+you\s+know|to\s+give\s+(?:you\s+)?(?:some|a\s+(?:bit|little)\s+of)\s+(?:background|context)|just\s+to\s+give\s+you|by\s+way\s+of\s+background|for\s+(?:some\s+)?(?:background|context)|some\s+background|a\s+bit\s+of\s+(?:background|context)|over\s+the\s+(?:past|last)\s+\w+|in\s+recent\s+(?:weeks|months|years)|for\s+(?:some|a\s+long)\s+time|historically|traditionally|every\s+(?:year|spring|summer|autumn|fall|winter|quarter|month))\b`,
        String.raw`\b(?:against\s+this\s+backdrop|it\s+is\s+against|the\s+backdrop)\b`,
        String.raw`^\s*this\s+(?:year|time|month)\s+the\s+\w+\s+(?:took|was|has\s+been)\b`,
        String.raw`\btook\s+(?:a\s+(?:little|bit)\s+)?longer\s+than\s+(?:usual|expected|planned)\b`,
        String.raw`^\s*(?:in\s+the\s+context\s+of|further\s+to|in\s+light\s+of|with\s+reference\s+to|following\s+(?:\w+\s+){0,3}(?:review|reviews|deliberation|consultation|discussions?|feedback|audit|engagement))\b`,
        String.raw`^\s*it\s+is\s+(?:acknowledged|recognised|recognized|noted|understood)\b`,
        String.raw`^\s*reference\s+is\s+made\s+to\b`,
        String.raw`^\s*it\s+has\s+(?:been\s+(?:determined|decided|noted|brought\s+to)|come\s+to\s+(?:my|our)\s+attention)\b`,
        String.raw`^\s*(?:i'?ve|i\s+have)\s+(?:now\s+)?been\s+waiting\b`,
        String.raw`\b(?:has|have|'ve)\s+spent\s+the\s+(?:last|past)\b`,
        String.raw`^\s*(?:[\w'’-]+\s+){0,4}?(?:we|i|team|board|group|committee|department|they)(?:\s+have|\s+has|'ve)\s+been\s+(?:looking|working|reviewing|thinking|discussing|exploring|considering|pulling|running|going|rolling|building|testing|preparing)\b`,
        String.raw`^\s*as\s+part\s+of\b`,
        String.raw`^\s*(?:i'?ve|i\s+have)\s+(?:now\s+|already\s+)?(?:sent|emailed|asked|chased|reminded|written)\b`,
        String.raw`\bcome\s+to\s+(?:\w+\s+){0,4}attention\b`,
        String.raw`^\s*(?:[\w"“”()&.,-]+\s+){1,8}(?:is|are|remains?)\s+(?:fully\s+)?(?:committed|dedicated)\s+to\b`,
      ],
    },
  ],
};

export const POINT_SIGNAL_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "Signs that a sentence carries the point: a result, a decision, a change, a need, money.",
      entries: [
        String.raw`\b(?:good\s+news|bad\s+news|the\s+upshot|in\s+short|bottom\s+line|the\s+result|to\s+summari[sz]e|decision|need|needs|needed|must|due|deadline|will|won't|is\s+(?:complete|done|on\s+track|down|working|back|live|moving)|has\s+(?:moved|been\s+(?:moved|cancelled|approved|delayed))|we\s+(?:have|'ve)\s+(?:decided|agreed|cancelled|found|fixed)|from\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|next)|saves?|saving|cost|costs|approve|approval)\b`,
        String.raw`[$£€]\s?\d`,
      ],
    },
  ],
};
