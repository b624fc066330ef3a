/** `one-topic`: the email is about one topic; related details and a related P.S. are fine. */
import type { Email } from '../email.ts';
import { excerpt } from '../text.ts';
import type { CheckResult, Finding } from '../types.ts';
import { checkResult, finding, type Features } from './result.ts';

const ROUND_UP_LIMIT = 2;

export function checkOneTopic(email: Email, f: Features = {}): CheckResult {
  const { shifts, roundUpCues } = email.topics;
  f['strongShifts'] = Math.min(shifts.filter((s) => s.strength === 'strong').length, 3);
  f['weakShifts'] = Math.min(shifts.filter((s) => s.strength !== 'strong').length, 3);
  f['roundUp'] = Math.min(roundUpCues.length, 4);
  f['postscripts'] = Math.min(email.parts.postscripts.length, 2);
  const findings: Finding[] = shifts.map((shift) =>
    finding(
      'body',
      shift,
      shift.strength === 'strong'
        ? `“${shift.marker}” starts a second topic. Readers act on one thing per email, and the second one tends to be missed.`
        : `This part doesn't seem to be about the rest of the email, so it competes with your main point.`,
      'Send it as a separate email with its own subject line.',
    ),
  );
  const roundUp = roundUpCues.length >= ROUND_UP_LIMIT;
  if (roundUp) {
    for (const cue of roundUpCues) {
      findings.push(
        finding('body', cue, 'This switches to another subject; a round-up of several subjects buries the one that matters.', 'Give the important item its own email and keep the round-up for routine news.'),
      );
    }
  }
  if (findings.length === 0) {
    return checkResult('one-topic', true, 1, 'Your email sticks to one topic, so the reader can act on it and file it.');
  }
  const first = shifts[0];
  const what = first ? `“${excerpt(email.body, first, 40)}” brings in a second topic` : 'it covers several different subjects';
  const topics = shifts.length + 1 + (roundUp ? roundUpCues.length - 1 : 0);
  return checkResult(
    'one-topic',
    false,
    Math.max(0.1, 0.4 - 0.15 * (topics - 2)),
    `This email covers more than one topic: ${what}. People answer single-topic emails faster; send the others separately.`,
    findings,
  );
}
