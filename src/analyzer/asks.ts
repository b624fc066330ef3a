/**
 * Requests in one sentence: direct ("Could you…", "Please…", imperatives), polite indirect forms
 * ("I'd be grateful if…", "Would you mind…"), questions, rules the reader must follow ("you must",
 * "are due"), vague asks ("let me know your thoughts") and conditional offers ("if you have
 * questions, call…"), plus statements that no action is needed.
 */
import { phrasePattern } from './lists/phrases.ts';
import { IMPERATIVE_VERB_LIST, NO_ACTION_PHRASES, OFFER_PHRASES, VAGUE_ASK_PHRASES } from './lists/asks.ts';

export type AskKind = 'direct' | 'indirect' | 'question' | 'rule' | 'vague' | 'conditional';

const IMPERATIVE_VERBS = IMPERATIVE_VERB_LIST.join('|');

const LEAD = String.raw`^\s*(?:(?:just|also|so|and|then|now|simply|instead|in the meantime|meanwhile|finally|first|next|lastly|again|today|now that \w+ \w+)\s*,?\s+)?`;

// A verb that opens a sentence and is not the subject of one ("Email is working again").
const NOT_SUBJECT = String.raw`(?![-:'’])(?!\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|went|goes|got|needs|sessions?|times?|results?|logs?|tickets?|system|systems|process|lists?|forms?|data)\b)`;
const IMPERATIVE = new RegExp(`${LEAD}(?:please\\s+)?(?:${IMPERATIVE_VERBS})\\b${NOT_SUBJECT}`, 'i');
const NEGATIVE_IMPERATIVE = new RegExp(`${LEAD}(?:please\\s+)?(?:do not|don't|never)\\s+(?!hesitate\\b)(?:\\w+)`, 'i');

const PLEASE = /\b(?:please|pls|plz)\b|^\s*kindly\b|\bkindly\s+(?:send|reply|confirm|note|ensure|complete|return|let|provide|advise|forward|sign|arrange|check|review)\b/i;
const PLEASE_NOT_ASK = /\bplease\s+(?:do\s+not\s+hesitate|don't\s+hesitate|feel\s+free|find\s+(?:attached|enclosed|below)|see\s+(?:attached|below)|accept|excuse|forgive|bear\s+with|ignore|note\s+that|don'?t\s+(?:feel|worry)|do\s+not\s+(?:feel|worry))\b|\bif\s+you\s+(?:would\s+)?please\b/i;

const MODAL_QUESTION =
  /\b(?:[Cc]ould|[Cc]an|[Ww]ould|[Ww]ill|[Mm]ight)\s+(?:[Yy]ou|u|[Ss]omeone|[Ss]omebody|[Aa]nyone|[Ee]ach|[Ee]very|[Ee]veryone|[Aa]ll|[Yy]our|[Oo]ne|the team|\p{Lu}[\p{L}-]*)\b/u;
// Questions about ourselves ("Should we…?", "Did I…?") ask nothing of the reader; asking
// permission ("Could I bring two buyers…?") does.
const SELF_QUESTION = /(?:^\s*|[:;,]\s*)(?:\w+,\s+)?(?:(?:can|could|shall|should|may|might|would|will|do|did)\s+we|(?:shall|should|do|did|am|will)\s+i)\b/i;
const PERMISSION = /(?:^\s*|[:;,]\s*)(?:\w+,\s+)?(?:can|could|may|might)\s+i\b/i;

const INDIRECT = [
  /\b(?:i|we)(?:'d| would| should| will| 'd)?\s+(?:be\s+)?(?:very\s+|really\s+|so\s+|most\s+|extremely\s+)?(?:grateful|thankful|obliged|glad|delighted|pleased)\s+(?:if|for|to\s+(?:get|have|hear|receive))\b/i,
  /\b(?:i|we)(?:'d| would)\s+(?:really\s+|much\s+|greatly\s+|very\s+much\s+)?appreciate\b/i,
  /\byou\s+(?:may|might)\s+want\s+to\b|\b(?:writing|wanted|like)\s+to\s+(?:request|ask\s+(?:you|for)|invite\s+you)\b|\b(?:i|we)(?:'d| would)\s+love\s+(?:for\s+)?you\s+to\b|\bwants?\s+to\s+know\s+(?:if|whether)\s+you\b/i,
  /\b(?:i|we)(?:'d| would)\s+(?:like|love|want)\s+(?!to\b)(?:you|each|every|everyone|all|your|someone|one|the\s+team)\b/i,
  /\b(?:i|we)(?:'d| would)\s+(?:like|love)\s+to\s+(?:ask|request|get|have|book|schedule|set up|arrange|meet|confirm)\b/i,
  /\bif\s+you\s+(?:could|would|can|are\s+able\s+to)\b/i,
  /\bit\s+would\s+(?:really\s+|also\s+)?(?:be\s+)?(?:great|good|helpful|useful|wonderful|ideal|brilliant|lovely|help)\b/i,
  /\b(?:would|do)\s+you\s+(?:mind|be\s+(?:able|willing|happy|ok|okay|available))\b/i,
  /\b(?:is\s+it\s+possible|any\s+chance)\b/i,
  /\b(?:i|we)\s+(?:still\s+|really\s+|urgently\s+|also\s+)?need\s+from\s+you\b|\b(?:i|we)\s+still\s+need\b|\b(?:i|we)\s+need\s+(?:it|them|this|these|those|that|the\s+[\w-]+)\s+(?:back\s+)?(?:by|before|no\s+later\s+than)\b/i,
  /\b(?:i|we)\s+(?:still\s+|really\s+|urgently\s+|also\s+)?need\s+(?:you|your|each|every|everyone|all|someone|somebody|a\s+(?:name|reply|decision|volunteer|signature|response|yes|go-ahead)|two|three|four|\d+|volunteers?)\b/i,
  /\b(?:i|we)(?:'d| would)?\s+(?:like|love|want)\s+(?:your|a)\s+(?:help|decision|answer|reply|sign-off|approval|input|view|feedback|go-ahead)\b/i,
  /\bplease\s+(?:could|can|would)\b/i,
];

const RULE = [
  /\b(?:you|your\s+team|everyone|every\s*one|all\s+staff|staff|users|colleagues|employees|managers|each\s+(?:of\s+you|\w+)|all)\s+(?:will\s+)?(?:must|need\s+to|needs\s+to|have\s+to|has\s+to|should|'ll\s+need\s+to|will\s+need\s+to|are\s+(?:hereby\s+|now\s+|also\s+)?(?:required|expected|asked)\s+to)\b/i,
  /\b(?:must|will\s+need\s+to|needs?\s+to|has\s+to|have\s+to|should|are\s+required\s+to)\s+be\s+(?:submitted|completed|done|returned|sent|approved|installed|used|made|signed|uploaded|raised|logged|filed|booked|finished|read|updated|reviewed|moved)\b/i,
  /\b(?:is|are)\s+(?:now\s+)?due\b/i,
  /\b(?:needs|require|requires|need)\s+an?\s+(?:approved|signed|completed)\b/i,
  /\bhas\s+to\s+stop\b/i,
];

const VAGUE_ASK = phrasePattern(VAGUE_ASK_PHRASES, 'i');

const CONDITIONAL = /^\s*(?:if|should\s+you|in\s+case|when(?:ever)?\s+you|questions\?|no\s+\w+\?)\b/i;
const OFFER = phrasePattern(OFFER_PHRASES, 'i');

function isQuestion(sentence: string): boolean {
  return /\?["'’”)]*\s*$/.test(sentence) || /\?{2,}/.test(sentence);
}

/** What kind of ask a sentence makes, or null when it asks nothing of the reader. */
export function classifyAsk(sentence: string): AskKind | null {
  const s = sentence.trim();
  if (s.length === 0 || !/\p{L}/u.test(s)) return null;
  const words = s.split(/\s+/).length;
  // "Please don't feel you need to…" reassures; it asks for nothing.
  if (/\b(?:don'?t|do\s+not)\s+(?:feel|worry|think)\s+(?:that\s+)?you\s+(?:need|have)\s+to\b/i.test(s)) return null;
  if (VAGUE_ASK.test(s) && !/\b(?:by|before)\s+\w/i.test(s)) return 'vague';
  // "Did you do the thing for Monday?": the reader can't tell what is meant.
  const vagueObject = /\b(?:the|that|this)\s+(?:thing|stuff|bits?)\b(?!\s+(?:about|on|in|for\s+the|with|from|that|which|we|you|i)\b)/i.test(s);
  if (OFFER.test(s)) return 'conditional';
  if (CONDITIONAL.test(s)) {
    if (/^\s*(?:questions|no\s+\w+)\?\s*$/i.test(s)) return null;
    if (IMPERATIVE.test(s.replace(/^[^,]*,\s*/, '')) || PLEASE.test(s) || INDIRECT.some((re) => re.test(s))) return 'conditional';
  }
  const ask = classifyRequest(s, words);
  return ask !== null && vagueObject ? 'vague' : ask;
}

function classifyRequest(s: string, words: number): AskKind | null {
  if (PLEASE.test(s) && !PLEASE_NOT_ASK.test(s)) return 'direct';
  if (INDIRECT.some((re) => re.test(s))) return 'indirect';
  if (isQuestion(s)) {
    if (PERMISSION.test(s) && words >= 3) return 'direct';
    if (SELF_QUESTION.test(s) || words < 3) return null;
    if (MODAL_QUESTION.test(s)) return 'direct';
    return 'question';
  }
  if (RULE.some((re) => re.test(s))) return 'rule';
  if (IMPERATIVE.test(s) || NEGATIVE_IMPERATIVE.test(s)) return 'direct';
  return null;
}

/** True when one sentence asks the reader to do something (a request, question or instruction). */
export function isAskSentence(sentence: string): boolean {
  return classifyAsk(sentence) !== null;
}

const NO_ACTION = phrasePattern(NO_ACTION_PHRASES, 'i');

/** True when a sentence tells the reader that nothing is needed from them. */
export function saysNoActionNeeded(sentence: string): boolean {
  return NO_ACTION.test(sentence);
}
