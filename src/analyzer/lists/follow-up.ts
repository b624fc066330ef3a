/**
 * Phrase lists for follow-up: one entry a line, each a small pattern (regular-expression syntax, matched
 * case-insensitively at word boundaries where the list says so), grouped with where it comes from.
 */
import type { PhraseList } from './phrases.ts';

export const REFERENCE_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "A brief reference to the earlier message (\"Following up on my email of 10 June about...\").",
      entries: [
        String.raw`\b(?:follow(?:ing)?[\s-]up\s+(?:on|to|about)|(?:my|the|our)\s+(?:email|e-mail|message|note|quote|proposal|request|reminder|invitation|invite)\s+(?:of|from|on|last|about|sent|dated|earlier)|(?:my|the)\s+(?:earlier|last|previous)\s+(?:email|e-mail|message|note)|(?:i|we)\s+(?:sent|announced|mentioned|emailed|shared|asked)\s+(?:\w+\s+){0,4}?(?:on|last|earlier|in|back)\b|picking\s+up\s+(?:my|our|the)|(?:a\s+)?reminder\s+(?:about|of|that)|as\s+(?:discussed|agreed|promised)\b|circling\s+back\s+(?:to|on)|further\s+to\s+(?:my|our|your)|(?:our|the|yesterday'?s|today'?s)\s+(?:quick\s+)?(?:chat|call|conversation|meeting)\s*(?:yesterday|today|on|last|this|earlier)?|thanks\s+for\s+the\s+(?:quick\s+)?(?:chat|call|reply|update))`,
      ],
    },
  ],
};

export const PESTER_PHRASES: PhraseList = {
  wordBoundaries: false,
  groups: [
    {
      source: "Pestering and guilt (the contract's typical failures: \"Just bumping this\", \"Any update???\", \"This is my third email\").",
      entries: [
        String.raw`\bjust\s+(?:bumping|checking|nudging)\b`,
        String.raw`\bbump(?:ing)?\s+this\b`,
        String.raw`\bany\s+update\b`,
        String.raw`\bstill\s+waiting\b`,
        String.raw`\bhaven'?t\s+heard\s+back\b`,
        String.raw`\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+(?:email|reminder|time)\b`,
        String.raw`\bagain\s+and\s+again\b`,
        String.raw`\bkeep\s+(?:asking|chasing)\b`,
        String.raw`\bdon'?t\s+want\s+to\s+keep\s+chasing\b`,
        String.raw`\bdifficult\s+position\b`,
        String.raw`\basked\s+me\s+(?:twice|again|three\s+times)\b`,
        String.raw`\b(?:and\s+then\s+again|once\s+more\s+in)\b`,
        String.raw`\bfollowing\s+up\s+again\b`,
        String.raw`\band\s+again\s+on\s+the\b`,
        String.raw`\bsorry\s+to\s+(?:bother|chase|trouble)\s+you\s+again\b`,
        String.raw`\bhad\s+to\s+tell\s+(?:them|him|her|everyone)\s+(?:twice|again|three\s+times)\b`,
        String.raw`\brepeated\s+reminders\b`,
      ],
    },
  ],
};

export const EASY_REPLY_PHRASES: PhraseList = {
  wordBoundaries: true,
  groups: [
    {
      source: "Ways to make answering easy (\"just reply A or B\", \"a one-word reply is all I need\"): the course source's advice on follow-ups.",
      entries: [
        String.raw`just\s+reply`,
        String.raw`a\s+(?:one[\s-](?:word|line)\s+)?reply\s+(?:with|saying)`,
        String.raw`(?:one|single)[\s-](?:word|letter|line)\s+reply`,
        String.raw`reply\s+(?:with|“|")`,
        String.raw`(?:is|are)\s+all\s+I\s+need`,
        String.raw`if\s+(?:it'?s|it\s+is)\s+(?:easier|simpler|quicker)`,
        String.raw`if\s+it\s+helps`,
        String.raw`i\s+can\s+(?:walk|pop|call|come|drop|send|do|set|add|help)`,
        String.raw`pick\s+(?:any|a)\s+(?:slot|time)`,
        String.raw`either\s+(?:way|option)\s+(?:is|works)`,
        String.raw`just\s+send\s+me`,
        String.raw`(?:a|one)[\s-]word\s+(?:answer|reply)`,
        String.raw`a\s+quick\s+(?:yes|no|reply)`,
        String.raw`just\s+(?:say|tell\s+me)`,
        String.raw`just\s+(?:reply|respond)`,
        String.raw`(?:a|one)\s+(?:single\s+)?(?:number|word|line|letter|yes\s+or\s+no|date)\s+is\s+(?:fine|enough|all)`,
        String.raw`repl(?:y|ying)\s+with\s+(?:just\s+)?[^.]{1,40}\bis\s+(?:enough|plenty|fine|all)`,
        String.raw`reply\s+is\s+(?:plenty|enough|fine)`,
      ],
    },
  ],
};
