/**
 * `main-point-first`: the main point or request stands in the first two sentences after the
 * greeting, which is what a preview pane shows.
 */
import { mainSentences, type AnalyzedSentence, type Email } from '../email.ts';
import { excerpt } from '../text.ts';
import type { CheckResult } from '../types.ts';
import { checkResult, finding, type Features } from './result.ts';

const PREVIEW_SENTENCES = 2;

/** Openers that delay the point: pleasantries, filler and background. */
const PLEASANTRY =
  /^\s*(?:(?:many|big|huge)\s+)?(?:thanks|thank\s+you)\s+(?:(?:so|very)\s+much\s+|again\s+|all\s+)?for\b|^\s*(?:i\s+)?hope\b|\bhope\s+(?:you|all|this|the|your)\b|^\s*(?:congratulations|congrats|happy\s+\w+day|welcome\s+back|great\s+(?:to\s+see|seeing)|it\s+was\s+(?:great|good|lovely|nice))\b|\b(?:busy|hectic|crazy|mad)\s+(?:few|couple|week|weeks|month|time|period)|\b(?:been|things\s+(?:have\s+been|are)|it'?s\s+been|was)\s+(?:an?\s+)?(?:pretty\s+|really\s+|so\s+|very\s+|\w+ly\s+)?(?:busy|hectic|crazy|mad|full|eventful|intense|tough|long|challenging)\b(?:\s+(?:few\s+)?(?:week|weeks|month|months|quarter|year|time|period|day|days))?|^\s*(?:i\s+know|i\s+realise|i\s+realize|i\s+appreciate)\s+(?:you|the\s+last|things|it'?s|this\s+is)\b|\bapologies\s+for\b|\bsorry\s+(?:to|for)\s+(?:bother|trouble|chase|chasing|coming\s+back)|^\s*(?:i\s+)?trust\s+(?:you|this|all)\b|\bhow\s+(?:are\s+you|was\s+your|did\s+the)\b|\b(?:enjoyed|celebrate|celebrating)\b|^\s*what\s+an?\s+[\w\s'’]{1,30}[!]|\bproud\s+of\b|\bhasn'?t\s+gone\s+unnoticed\b|^\s*(?:i\s+)?just\s+want(?:ed)?\s+to\s+say\b|\ball\s+over\s+the\s+place\b|\bsorry\s+to\s+(?:bother|trouble|chase)\b|\bi\s+(?:completely\s+|totally\s+|fully\s+)?understand\b|\bsorry\s+to\s+be\b|\bhectic\b|\b(?:incredibly|really|very|so)\s+(?:stretched|busy|swamped)\b/i;
const FILLER =
  /^\s*(?:i\s+)?(?:just\s+)?(?:wanted|want|am\s+writing|'m\s+writing|thought\s+i'?d)\s+to\s+(?:reach\s+out|touch\s+base|check\s+in|drop\s+you\s+a\s+(?:line|note)|get\s+in\s+touch|give\s+you\s+(?:all\s+)?a\s+(?:sense|quick\s+update|heads[\s-]up|bit\s+of\s+background)|run\s+(?:something|a\s+few\s+things)|share\s+some\s+(?:thoughts|background)|write)\b|^\s*(?:here'?s|here\s+is|this\s+is)\s+(?:this|my|our|the|a)\s+(?:[\w'’-]+\s+){0,3}(?:update|round-?up|newsletter|summary|note|email)\b|^\s*(?:just\s+)?(?:a\s+)?(?:quick|short|brief)\s+(?:note|email|message)\s*(?:to|:)|^\s*(?:fyi|for\s+info)?[,.:\s]*(?:please\s+)?see\s+(?:below|attached|the\s+(?:email|message|note)\s+below)\b|^\s*fyi\.?\s*$/i;
const BACKGROUND =
  /^\s*(?:as\s+(?:(?:many|some|most|a\s+few)\s+of\s+)?you\s+(?:may\s+|will\s+|might\s+|probably\s+|already\s+)?(?:know|have\s+(?:seen|heard)|be\s+aware|remember|may\s+recall)|as\s+(?:should\s+be|is\s+(?:well\s+)?known|you\s+(?:should|will)\s+be\s+aware)|over\s+the\s+years|for\s+(?:many\s+)?years|originally|each\s+time\b|as\s+you\s+know|to\s+give\s+(?:you\s+)?(?:some|a\s+(?:bit|little)\s+of)\s+(?:background|context)|just\s+to\s+give\s+you|by\s+way\s+of\s+background|for\s+(?:some\s+)?(?:background|context)|some\s+background|a\s+bit\s+of\s+(?:background|context)|over\s+the\s+(?:past|last)\s+\w+|in\s+recent\s+(?:weeks|months|years)|for\s+(?:some|a\s+long)\s+time|historically|traditionally|every\s+(?:year|spring|summer|autumn|fall|winter|quarter|month))\b|\b(?:against\s+this\s+backdrop|it\s+is\s+against|the\s+backdrop)\b|^\s*this\s+(?:year|time|month)\s+the\s+\w+\s+(?:took|was|has\s+been)\b|\btook\s+(?:a\s+(?:little|bit)\s+)?longer\s+than\s+(?:usual|expected|planned)\b|^\s*(?:in\s+the\s+context\s+of|further\s+to|in\s+light\s+of|with\s+reference\s+to|following\s+(?:\w+\s+){0,3}(?:review|reviews|deliberation|consultation|discussions?|feedback|audit|engagement))\b|^\s*it\s+is\s+(?:acknowledged|recognised|recognized|noted|understood)\b|^\s*reference\s+is\s+made\s+to\b|^\s*it\s+has\s+(?:been\s+(?:determined|decided|noted|brought\s+to)|come\s+to\s+(?:my|our)\s+attention)\b|^\s*(?:i'?ve|i\s+have)\s+(?:now\s+)?been\s+waiting\b|\b(?:has|have|'ve)\s+spent\s+the\s+(?:last|past)\b|^\s*(?:[\w'’-]+\s+){0,4}?(?:we|i|team|board|group|committee|department|they)(?:\s+have|\s+has|'ve)\s+been\s+(?:looking|working|reviewing|thinking|discussing|exploring|considering|pulling|running|going|rolling|building|testing|preparing)\b|^\s*as\s+part\s+of\b|^\s*(?:i'?ve|i\s+have)\s+(?:now\s+|already\s+)?(?:sent|emailed|asked|chased|reminded|written)\b|\bcome\s+to\s+(?:\w+\s+){0,4}attention\b|^\s*(?:[\w"“”()&.,-]+\s+){1,8}(?:is|are|remains?)\s+(?:fully\s+)?(?:committed|dedicated)\s+to\b/i;

/** Signs that a sentence carries the point: a result, a decision, a change or a need. */
const POINT_SIGNAL =
  /\b(?:good\s+news|bad\s+news|the\s+upshot|in\s+short|bottom\s+line|the\s+result|to\s+summari[sz]e|decision|need|needs|needed|must|due|deadline|will|won't|is\s+(?:complete|done|on\s+track|down|working|back|live|moving)|has\s+(?:moved|been\s+(?:moved|cancelled|approved|delayed))|we\s+(?:have|'ve)\s+(?:decided|agreed|cancelled|found|fixed)|from\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|next)|saves?|saving|cost|costs|approve|approval)\b|[$£€]\s?\d/i;

const INCIDENT = /\b(?:is|are|went|has\s+gone|keeps?\s+going)\s+(?:down|offline)\b|\b(?:has|have)\s+(?:failed|stopped|crashed|broken)\b|\b(?:broken|not\s+working|outage|breach|leak(?:ed)?|hacked)\b/i;

function delaysPoint(s: AnalyzedSentence): 'pleasantry' | 'filler' | 'background' | null {
  if (s.ask && s.ask !== 'vague' && s.ask !== 'conditional') return null;
  if (s.noActionNeeded) return null;
  if (PLEASANTRY.test(s.text)) return 'pleasantry';
  if (FILLER.test(s.text)) return 'filler';
  if (BACKGROUND.test(s.text) && !/\b(?:good|bad)\s+news\b|\bthe\s+upshot\b/i.test(s.text)) return 'background';
  return null;
}

function isMainAsk(s: AnalyzedSentence): boolean {
  return s.ask === 'direct' || s.ask === 'indirect' || s.ask === 'rule' || s.ask === 'question';
}

export function checkMainPointFirst(email: Email, f: Features = {}): CheckResult {
  const sentences = mainSentences(email).filter((s) => !email.offTopic.has(s.index));
  if (sentences.length === 0) {
    return checkResult('main-point-first', false, 0, 'There is no text yet to judge: write the point of your email in its first sentence.');
  }
  // Walk the opening: count sentences that delay the point.
  let lead = 0;
  const delays: AnalyzedSentence[] = [];
  for (const s of sentences) {
    const delay = delaysPoint(s);
    if (!delay) break;
    delays.push(s);
    lead += 1;
  }
  const point = sentences[lead];
  const firstAsk = sentences.find(isMainAsk);
  const firstAskPosition = firstAsk ? sentences.indexOf(firstAsk) : -1;

  // A point-less opening (no signal, no ask) before a late request also buries the point.
  // Nothing but preamble ("FYI, see below."): the point never appears in the writer's own words.
  let buried = lead >= PREVIEW_SENTENCES || (lead > 0 && lead === sentences.length);
  if (!buried && firstAskPosition >= PREVIEW_SENTENCES && email.kind !== 'update' && email.kind !== 'announcement') {
    const opening = sentences.slice(0, PREVIEW_SENTENCES);
    // A request whose opening asks nothing: background first, however it is worded.
    // In a request the request is the point: news-like openers don't stand in for it, unless
    // the news is the emergency the request is about ("Line 3 is down again").
    const request = email.kind === 'request';
    const signal = (text: string) => (request ? INCIDENT.test(text) : POINT_SIGNAL.test(text));
    buried = opening.every((s) => !s.noActionNeeded && !s.ask && !signal(s.text)) && (delays.length > 0 || request);
  }

  f['lead'] = Math.min(lead, 3);
  f['firstAsk'] = firstAskPosition < 0 ? 0 : Math.min(firstAskPosition + 1, 6) / 6;
  f['noAsk'] = firstAskPosition < 0 ? 1 : 0;
  f['askLate'] = firstAskPosition >= PREVIEW_SENTENCES ? 1 : 0;
  f['openingSignal'] = sentences.slice(0, PREVIEW_SENTENCES).some((s) => s.noActionNeeded || POINT_SIGNAL.test(s.text)) ? 1 : 0;
  f['news'] = email.kind === 'update' || email.kind === 'announcement' ? 1 : 0;
  const target = buried && firstAsk && firstAskPosition >= lead ? firstAsk : point;
  const preview = Math.max(0, Math.min(sentences.length, PREVIEW_SENTENCES));
  if (!buried) {
    const score = lead === 0 ? 1 : 0.8;
    const message =
      lead === 0
        ? 'Your main point is in the opening sentences, where the preview pane shows it.'
        : 'Your point is within the first two sentences, though an opening pleasantry pushes it down a little.';
    return checkResult('main-point-first', true, score, message);
  }
  const findings = [];
  const firstDelay = delays[0];
  const lastDelay = delays[delays.length - 1];
  if (firstDelay && lastDelay) {
    findings.push(
      finding(
        'body',
        { start: firstDelay.start, end: lastDelay.end },
        `These ${delays.length} opening sentences are ${describe(delays)}; they fill the preview pane before the point.`,
        'Cut them or move them after your request.',
      ),
    );
  }
  const position = target ? sentences.indexOf(target) + 1 : sentences.length;
  if (target) {
    findings.push(
      finding(
        'body',
        { start: target.start, end: target.end },
        `Your main point is in sentence ${position}; the preview pane shows the first ${preview}.`,
        `Move “${excerpt(email.body, target, 40)}” to the top.`,
      ),
    );
  }
  const quote = target ? ` Move “${excerpt(email.body, target, 40)}” to the top.` : '';
  const score = Math.max(0, 0.5 - 0.1 * (position - PREVIEW_SENTENCES - 1));
  return checkResult(
    'main-point-first',
    false,
    score,
    `Your main point appears in sentence ${position}; the preview pane shows the first ${preview}, and many readers decide from that alone.${quote}`,
    findings,
  );
}

function describe(delays: AnalyzedSentence[]): string {
  const kinds = new Set(delays.map((s) => delaysPoint(s)));
  const names = [...kinds].map((k) => (k === 'pleasantry' ? 'pleasantries' : k === 'filler' ? 'filler' : 'background'));
  return names.join(' and ');
}
