/**
 * `follow-up`: for follow-ups only. It briefly references the earlier message, restates the ask,
 * makes answering easy, gives a reasonable new time frame, and does not guilt or pester.
 */
import type { Email } from '../email.ts';
import { RUDE_MARKERS } from '../lists/tone.ts';
import type { CheckResult, Finding } from '../types.ts';
import { readAsks } from './clear-ask.ts';
import { checkResult, finding, notApplicable, type Features } from './result.ts';

const REFERENCE =
  /\b(?:follow(?:ing)?[\s-]up\s+(?:on|to|about)|(?:my|the|our)\s+(?:email|e-mail|message|note|quote|proposal|request|reminder|invitation|invite)\s+(?:of|from|on|last|about|sent|dated|earlier)|(?:my|the)\s+(?:earlier|last|previous)\s+(?:email|e-mail|message|note)|(?:i|we)\s+(?:sent|announced|mentioned|emailed|shared|asked)\s+(?:\w+\s+){0,4}?(?:on|last|earlier|in|back)\b|picking\s+up\s+(?:my|our|the)|(?:a\s+)?reminder\s+(?:about|of|that)|as\s+(?:discussed|agreed|promised)\b|circling\s+back\s+(?:to|on)|further\s+to\s+(?:my|our|your)|(?:our|the|yesterday'?s|today'?s)\s+(?:quick\s+)?(?:chat|call|conversation|meeting)\s*(?:yesterday|today|on|last|this|earlier)?|thanks\s+for\s+the\s+(?:quick\s+)?(?:chat|call|reply|update))/i;
const PESTER =
  /\bjust\s+(?:bumping|checking|nudging)\b|\bbump(?:ing)?\s+this\b|\bany\s+update\b|\bstill\s+waiting\b|\bhaven'?t\s+heard\s+back\b|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+(?:email|reminder|time)\b|\bagain\s+and\s+again\b|\bkeep\s+(?:asking|chasing)\b|\bdon'?t\s+want\s+to\s+keep\s+chasing\b|\bdifficult\s+position\b|\basked\s+me\s+(?:twice|again|three\s+times)\b|\b(?:and\s+then\s+again|once\s+more\s+in)\b|\bfollowing\s+up\s+again\b|\band\s+again\s+on\s+the\b|\bsorry\s+to\s+(?:bother|chase|trouble)\s+you\s+again\b|\bhad\s+to\s+tell\s+(?:them|him|her|everyone)\s+(?:twice|again|three\s+times)\b|\brepeated\s+reminders\b/gi;
const EASY_REPLY =
  /\b(?:just\s+reply|a\s+(?:one[\s-](?:word|line)\s+)?reply\s+(?:with|saying)|(?:one|single)[\s-](?:word|letter|line)\s+reply|reply\s+(?:with|“|")|(?:is|are)\s+all\s+I\s+need|if\s+(?:it'?s|it\s+is)\s+(?:easier|simpler|quicker)|if\s+it\s+helps|i\s+can\s+(?:walk|pop|call|come|drop|send|do|set|add|help)|pick\s+(?:any|a)\s+(?:slot|time)|either\s+(?:way|option)\s+(?:is|works)|just\s+send\s+me|(?:a|one)[\s-]word\s+(?:answer|reply)|a\s+quick\s+(?:yes|no|reply)|just\s+(?:say|tell\s+me)|just\s+(?:reply|respond)|(?:a|one)\s+(?:single\s+)?(?:number|word|line|letter|yes\s+or\s+no|date)\s+is\s+(?:fine|enough|all)|repl(?:y|ying)\s+with\s+(?:just\s+)?[^.]{1,40}\bis\s+(?:enough|plenty|fine|all)|reply\s+is\s+(?:plenty|enough|fine))\b/i;

export function checkFollowUp(email: Email, f: Features = {}): CheckResult {
  if (email.kind !== 'follow-up') {
    return notApplicable('follow-up', 'Not a follow-up, so this check does not apply.');
  }
  const sentences = email.sentences.filter((s) => !email.offTopic.has(s.index));
  const reference = sentences.find((s) => REFERENCE.test(s.text));
  const easy = sentences.find((s) => EASY_REPLY.test(s.text));
  const { timed } = readAsks(email);
  const pester: Finding[] = [];
  for (const s of sentences) {
    for (const m of s.text.matchAll(PESTER)) {
      pester.push(finding('body', { start: s.start + m.index, end: s.start + m.index + m[0].length }, 'This pesters or makes the reader feel guilty, which makes a reply less likely.', 'Drop it: restate the request and make it easy to answer.'));
    }
    for (const marker of RUDE_MARKERS.slice(0, 4)) {
      const m = marker.pattern.exec(s.text);
      if (m) pester.push(finding('body', { start: s.start + m.index, end: s.start + m.index + m[0].length }, `In a follow-up, ${marker.label}.`, 'Assume they were busy, not ignoring you.'));
    }
  }

  f['reference'] = reference ? 1 : 0;
  f['timed'] = timed.length > 0 ? 1 : 0;
  f['easy'] = easy ? 1 : 0;
  f['pester'] = Math.min(pester.length, 3);
  const missing: string[] = [];
  const findings: Finding[] = [...pester];
  const first = sentences[0];
  if (!reference) {
    missing.push('a short reference to your earlier message');
    if (first) findings.push(finding('body', { start: first.start, end: first.start }, 'The reader may not remember your earlier email.', 'Open with one line: “Following up on my email of 10 June about …”.'));
  }
  if (timed.length === 0) {
    missing.push('the request restated with a new time frame');
    if (first) findings.push(finding('body', first, 'The follow-up does not restate what you need or by when.', 'Restate the ask in full, with a new, reasonable date.'));
  }
  if (!easy) missing.push('an easy way to answer');

  const passed = reference !== undefined && timed.length > 0 && pester.length === 0;
  let score = 0;
  if (reference) score += 0.25;
  if (timed.length > 0) score += 0.35;
  if (easy) score += 0.2;
  if (pester.length === 0) score += 0.2;
  if (passed) {
    const message = easy
      ? 'A good follow-up: it recalls the earlier email, restates the ask with a new date and makes replying easy, without guilt.'
      : 'A good follow-up: it recalls the earlier email and restates the ask with a new date. Offering an easy reply (“just reply A or B”) would make it even better.';
    return checkResult('follow-up', true, score, message, findings);
  }
  const parts: string[] = [];
  if (pester.length > 0) parts.push('it pesters or lays on guilt');
  if (missing.length > 0) parts.push(`it lacks ${missing.join(', ')}`);
  return checkResult(
    'follow-up',
    false,
    Math.min(score, 0.5),
    `This follow-up won't get the reply you need: ${parts.join('; ')}. Silence usually means the reader forgot, not refused: remind them kindly and make the next step easy.`,
    findings,
  );
}
