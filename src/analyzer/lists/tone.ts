/**
 * Tone markers for the `courteous` check and the politeness score. The strategies follow
 * Danescu-Niculescu-Mizil et al. (2013), "A computational approach to politeness": gratitude,
 * greetings, deference, apologies, hedges and "could/would you" read as polite; sentence-initial
 * "so/and/but", "actually/in fact", a bare "you…" opener and direct "what/why" questions read as
 * less polite. Hedges are polite and are never penalised.
 */

export interface ToneMarker {
  pattern: RegExp;
  /** What a learner is told when this marker is found. */
  label: string;
}

export const GRATITUDE = /\b(?:thanks|thank\s+you|thankful|grateful|appreciate[ds]?|appreciation|cheers|ta\b|thx|tx|ty\b|many\s+thanks)/i;
export const APOLOGY = /\b(?:sorry|apologi[sz]e|apologies|excuse\s+me|pardon|my\s+mistake|my\s+fault)\b/i;
export const DEFERENCE = /\b(?:great|nice|good|excellent|brilliant|impressive|fantastic)\s+(?:work|job|point|idea|news|effort|catch)\b|\bcongratulations\b|\bcongrats\b|\bwell\s+done\b|\bthanks\s+to\b/i;
export const HEDGE = /\b(?:i\s+think|i\s+believe|i\s+suppose|i\s+guess|perhaps|maybe|possibly|might|probably|i\s+wonder(?:ed)?|i\s+was\s+wondering|if\s+possible|if\s+you\s+can|would\s+it\s+be\s+possible|it\s+seems|i\s+suspect|a\s+bit|a\s+little|somewhat|if\s+that\s+works)\b/i;
export const COULD_WOULD_YOU = /\b(?:could|would)\s+you\b/i;
export const CAN_WILL_YOU = /\b(?:can|will)\s+you\b/i;
export const PLEASE = /\b(?:please|pls|plz)\b/i;
export const WARM_WISH = /\b(?:hope\s+(?:you|all|this|the|your)|have\s+a\s+(?:great|good|lovely|nice)|enjoy)\b/i;

export const IMPOLITE_START = /^\s*(?:so|and|but|well)\b[,\s]/i;
export const FACTUALITY = /\b(?:actually|in\s+fact|obviously|clearly|of\s+course\s+you)\b/i;
export const DIRECT_QUESTION = /^\s*(?:what|why|how\s+come|who\s+told)\b[^?]*\?/i;
export const YOU_START = /^\s*you\b(?!'ll|\s+(?:can|could|might|may|will|'ll|don't\s+need))/i;

/** Pushy, passive-aggressive, blaming or threatening phrasing. Each one fails `courteous`. */
export const RUDE_MARKERS: readonly ToneMarker[] = [
  { pattern: /\bper\s+my\s+(?:last|previous|earlier)\s+(?:email|e-mail|message|note)\b/i, label: '“Per my last email” reads as a reproach' },
  { pattern: /\bas\s+(?:i|we)(?:'ve|\s+have)?\s+(?:already|previously)\s+(?:said|mentioned|stated|explained|told\s+you|pointed\s+out)\b|\bas\s+(?:previously|already)\s+(?:stated|mentioned|explained)\b|\bas\s+i\s+said\s+(?:before|already)\b/i, label: '“As I already said” sounds impatient' },
  { pattern: /\bi\s+shouldn'?t\s+have\s+to\b|\bdon'?t\s+make\s+me\b|\bhow\s+many\s+times\b|\bor\s+else\b|\bno\s+excuses\b/i, label: 'this reads as a telling-off' },
  { pattern: /\bthis\s+is\s+(?:my|the)\s+(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)|last)\s+(?:email|e-mail|message|reminder|time|request)\b|\bfor\s+the\s+(?:second|third|fourth|fifth|last|umpteenth|\d+(?:st|nd|rd|th))\s+time\b|\b(?:emailed|asked|reminded|chased|told)\s+you\s+(?:twice|three\s+times|four\s+times|several\s+times|multiple\s+times|\d+\s+times|again)\b|\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+still\s+waiting\b/i, label: 'counting your reminders makes the reader feel guilty' },
  { pattern: /\b(?:quite\s+)?frankly\b|\bnot\s+good\s+enough\b|\bunacceptable\b|\bridiculous\b|\bappalling\b|\bpathetic\b|\bsort\s+(?:it|this)\s+out\b/i, label: 'this judges the reader instead of the problem' },
  { pattern: /\byour\s+lot\b|\b(?:made|makes)\s+(?:zero|no)\s+difference\b|\b(?:is|was)\s+(?:entirely|all|completely)\s+(?:down\s+to|the\s+fault\s+of)\b|\byour\s+fault\b|\bwon'?t\s+be\s+(?:it'?s|my|our)\s+fault\b|\bnot\s+(?:it'?s|my|our)\s+fault\b/i, label: 'this assigns blame' },
  { pattern: /\bstill\s+haven'?t\b|\bdespite\s+(?:\w+\s+)?(?:reminders|emails|chasers|requests)\b|\btreats?\s+\w+\s+as\s+(?:suggestions|optional)\b|\bfor\s+people\s+who\s+(?:didn'?t|don'?t|can'?t)\s+read\b|\bwe\s+will\s+not\s+be\b/i, label: 'this sounds sarcastic or accusing' },
  {
    pattern:
      /\bfunny\s+how\b|\bhere\s+we\s+are\b|\bshocking\s+news\b|\bsurprise,?\s+surprise\b|\bheat\s+death\b|\bact(?:ing)?\s+like\s+(?:adults|grown-ups|children)\b|\bnot\s+rocket\s+science\b|\bhow\s+hard\s+can\s+it\s+be\b|\byou\s+know\s+who\s+you\s+are\b|\bwill\s+recogni[sz]e\s+themselves\b|\bi'?m\s+sure\s+(?:you\s+all|everyone|you)\s+(?:all\s+)?know\s+what\b|\bi'?d\s+hoped\s+not\s+to\s+have\s+to\b|^(?!.*\b(?:sorry|apologi[sz]e|apologies)\b).*?\byet\s+again\b|\bwith\s+all\s+due\s+respect\b|\bthanks\s+in\s+advance\s+for\s+your\s+(?:cooperation|co-operation|compliance)\b|\bneed\s+(?:it|them|this)\s+yesterday\b|\bi'?m\s+sure\s+(?:whoever|they|you|someone)\s+(?:\w+\s+){0,3}(?:had|have)\s+a\s+(?:very\s+)?good\s+reason\b|\b(?:had|have)\s+the\s+pleasure\s+of\s+explaining\b|\bsome\s+of\s+us\s+(?:are|have|actually)\b|\b(?:don'?t|do\s+not)\s+want\s+to\s+have\s+to\s+(?:raise|escalate|take|report|involve|go\s+to)\b|\bseem\s+to\s+(?:believe|think)\b|\bapparently\s+(?:some|nobody|no\s+one|somebody|people|certain)\b|\bname\s+names\b|\bdon'?t\s+[^.]{0,60}\bthis\s+time\b|\bbecause\s+(?:you|your\s+\w+|it|hr|finance|they|someone)\s+(?:hadn'?t|didn'?t|never|forgot|couldn'?t\s+be\s+bothered)\b|\bi\s+would\s+have\s+expected\b|\brepeated\s+reminders\b|\b(?:would|'d)\s+hate\s+for\s+(?:this|that|it)\b/i,
    label: 'this reads as sarcastic or condescending',
  },
  {
    pattern:
      /\bnobody\s+(?:in\s+\w+\s+)?(?:thinks|cares|seems\s+to\s+care|bothers|listens|reads)\b|\b(?:slipping|delayed|late|held\s+up|stuck)\s+(?:again\s+)?(?:thanks\s+to|because\s+of)\s+(?:\p{Lu}[\p{L}-]+|your|you)\b|\bthanks\s+to\s+(?:your|their)\s+(?:delays?|inaction|team)\b/iu,
    label: 'this assigns blame',
  },
  { pattern: /\b(?:asap|a\.s\.a\.p)\b/i, label: '“ASAP” is a demand without a date' },
  { pattern: /\bi\s+(?:expect|demand|insist)\b|\b(?:do|send|fix|call|reply|respond|sort|need|want)\s+(?:\w+\s+){0,2}(?:right\s+now|immediately)\b|\b(?:right\s+)?now\s*!|^\s*no\s+(?:extensions|exceptions|excuses)\b/i, label: 'this is a demand, not a request' },
];

/** All-caps words that are ordinary words shouted, not acronyms. */
export const SHOUTED_WORDS: ReadonlySet<string> = new Set(
  (
    'ALL NOT MUST STILL DUE NOW STOP NEVER NO YES DO DONT DON’T DON\'T NEED READ THIS THAT THE AND YOU YOUR WILL WE ARE WAS ' +
    'BE TODAY URGENT IMPORTANT STAFF EVERYONE ANYONE NOBODY ONLY AGAIN PLEASE WHY WHAT HOW WHEN HAVE HAS HAD ' +
    'FRIDAY MONDAY TUESDAY WEDNESDAY THURSDAY SATURDAY SUNDAY DEADLINE BUDGET FORECASTS FORECAST REPLY SEND ' +
    'ACTION REQUIRED NOTICE WARNING FINAL LAST CAN CANT CAN’T WONT WON’T WON\'T OR ELSE BEFORE AFTER BY ON OFF FOR TO OF IN AT ' +
    'EVERY SINGLE REALLY VERY NEVER HELP HERE THERE THEM THEY FIRST SECOND THIRD FOURTH FIFTH NEXT TIME TIMES NOTHING ' +
    'ANYTHING SOMETHING ALWAYS WHO WHERE WHICH WITHOUT LATE EARLY TONIGHT WEEK MONTH YEAR EMAIL EMAILS ' +
    'PEOPLE TEAM NEEDS WANT WANTED IS ITS DID DOES DONE ENOUGH'
  ).split(' '),
);
