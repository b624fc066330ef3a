/**
 * `main-point-first`: the main point or request stands in the first two sentences after the
 * greeting, which is what a preview pane shows.
 */
import { mainSentences, type AnalyzedSentence, type Email } from '../email.ts';
import { excerpt } from '../text.ts';
import type { CheckResult } from '../types.ts';
import { checkResult, finding, type Features } from './result.ts';
import { phrasePattern } from '../lists/phrases.ts';
import { PLEASANTRY_PHRASES, FILLER_PHRASES, BACKGROUND_PHRASES, POINT_SIGNAL_PHRASES } from '../lists/main-point-first.ts';

const PREVIEW_SENTENCES = 2;

/** Openers that delay the point: pleasantries, filler and background. */
const PLEASANTRY = phrasePattern(PLEASANTRY_PHRASES, 'i');
const FILLER = phrasePattern(FILLER_PHRASES, 'i');
const BACKGROUND = phrasePattern(BACKGROUND_PHRASES, 'i');

/** Signs that a sentence carries the point: a result, a decision, a change or a need. */
const POINT_SIGNAL = phrasePattern(POINT_SIGNAL_PHRASES, 'i');

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
