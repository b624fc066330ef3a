/**
 * `reader-value`: says why this matters to the reader, in the reader's terms (their team,
 * targets, risk, time, money), not only what the sender needs.
 */
import { onTopicSentences, type Email } from '../email.ts';
import type { CheckResult, Finding } from '../types.ts';
import { checkResult, finding, type Features } from './result.ts';
import { phrasePattern } from '../lists/phrases.ts';
import { BENEFIT_OR_RISK_PHRASES, CONSEQUENCE_PHRASES, ABOUT_THE_READER_PHRASES, SENDER_AGENDA_PHRASES } from '../lists/reader-value.ts';

/** A benefit, a cost avoided or a risk named: what the reader gains or stands to lose. */
const BENEFIT_OR_RISK = phrasePattern(BENEFIT_OR_RISK_PHRASES, 'i');

/** Weaker signs of value that count only when the sentence is about the reader or their people. */
const CONSEQUENCE = phrasePattern(CONSEQUENCE_PHRASES, 'i');
const ABOUT_THE_READER = phrasePattern(ABOUT_THE_READER_PHRASES, 'i');

/** A consequence for the reader: "…which would push your install past the cut-off". */
const CONSEQUENCE_FOR_READER = /\b(?:would|which\s+would|without)\b[^.?!]{0,80}\byour\b|\bif\b[^.?!]{0,80},[^.?!]{0,80}\byour\b/i;

/** What the sender or their department needs, with nothing in it for the reader. */
const SENDER_AGENDA = phrasePattern(SENDER_AGENDA_PHRASES, 'i');


/** "Why: …" or "The reason: …" introduces the reader's reason to act. */
const WHY_LABEL = /(?:^|\n)\s*(?:why|the\s+reason|what\s+this\s+means\s+for\s+you|what'?s\s+in\s+it\s+for\s+you)\s*[:?]/i;

/** "…so we keep the project on track": the project's stake, not the reader's. */
const PROJECT_STAKE = /\bkeep(?:s|ing)?\s+(?:the|our|this|my)\s+(?:project|programme|program|plan|schedule|timeline|rollout|roll-out|migration|upgrade)\b/i;

function showsValue(text: string): boolean {
  if (/\bhas\s+to\s+stop\b/i.test(text)) return false;
  return (
    BENEFIT_OR_RISK.test(text) ||
    (CONSEQUENCE.test(text) && ABOUT_THE_READER.test(text) && !PROJECT_STAKE.test(text)) ||
    CONSEQUENCE_FOR_READER.test(text) ||
    WHY_LABEL.test(text)
  );
}

export function checkReaderValue(email: Email, f: Features = {}): CheckResult {
  const sentences = onTopicSentences(email);
  const withValue = sentences.filter((s) => showsValue(s.text) && s.ask !== 'conditional');
  const agenda = sentences.filter((s) => SENDER_AGENDA.test(s.text));
  const aboutReader = sentences.filter((s) => /\b(?:you|your|you'?ll|you'?re|yours)\b/i.test(s.text)).length;
  f['withValue'] = Math.min(withValue.length, 3);
  f['agenda'] = Math.min(agenda.length, 2);
  f['aboutReader'] = sentences.length > 0 ? aboutReader / sentences.length : 0;
  f['sentences'] = Math.min(sentences.length, 12) / 12;
  const findings: Finding[] = [];
  if (withValue.length > 0) {
    const score = agenda.length > 0 ? 0.8 : withValue.length > 1 ? 1 : 0.9;
    return checkResult('reader-value', true, score, 'You tell the reader what is in it for them: a benefit, a saving or a risk in their terms.');
  }
  for (const s of agenda.slice(0, 3)) {
    findings.push(
      finding('body', s, 'This explains what you or your team need, not why it matters to the reader.', 'Reframe it around them: what do they, their team or their targets gain, or risk, if they act?'),
    );
  }
  const anchor = sentences.find((s) => s.ask && s.ask !== 'conditional') ?? sentences[0];
  if (findings.length === 0 && anchor) {
    findings.push(
      finding('body', anchor, 'Nothing here says why this matters to the reader.', 'Add one sentence on what they gain or avoid: time, money, risk, their team or their customers.'),
    );
  }
  // A notice that asks nothing still owes the reader a reason to read it.
  const notice = sentences.every((s) => !s.ask || s.ask === 'conditional') || sentences.some((s) => s.noActionNeeded);
  return checkResult(
    'reader-value',
    false,
    agenda.length > 0 ? 0.2 : 0.3,
    notice
      ? 'The email says what is happening but not what it means for the reader. Say how it affects them, their team, their time or their customers.'
      : 'The email says what is needed but not why it matters to the reader. People act on what affects their own team, targets, time or risk: say what they gain or avoid.',
    findings,
  );
}
