/**
 * `follow-up`: for follow-ups only. It briefly references the earlier message, restates the ask,
 * makes answering easy, gives a reasonable new time frame, and does not guilt or pester.
 */
import type { Email } from '../email.ts';
import { RUDE_MARKERS } from '../lists/tone.ts';
import type { CheckResult, Finding } from '../types.ts';
import { allMatches } from '../text.ts';
import { readAsks } from './clear-ask.ts';
import { checkResult, finding, notApplicable, type Features } from './result.ts';
import { phrasePattern } from '../lists/phrases.ts';
import { REFERENCE_PHRASES, PESTER_PHRASES, EASY_REPLY_PHRASES } from '../lists/follow-up.ts';

const REFERENCE = phrasePattern(REFERENCE_PHRASES, 'i');
const PESTER = phrasePattern(PESTER_PHRASES, 'gi');
const EASY_REPLY = phrasePattern(EASY_REPLY_PHRASES, 'i');

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
    for (const m of allMatches(PESTER, s.text)) {
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
