/** `subject`: present and specific; names the topic and, where the reader must act, the action or deadline. */
import type { Email } from '../email.ts';
import { findShouting } from '../politeness.ts';
import { STOPWORDS } from '../lists/stopwords.ts';
import { findTimeFrames } from '../time-frames.ts';
import { allMatches, countWords, excerpt, isAllCaps, maskNoise, words } from '../text.ts';
import type { CheckResult, Finding } from '../types.ts';
import { checkResult, finding, type Features } from './result.ts';

/** Words that say nothing about what an email is about. */
const VAGUE_WORDS = new Set(
  (
    'hi hello hey question questions quick update updates important urgent fyi following follow up followup checking check in touch base ' +
    'one some changes change request requests meeting announcement info information reminder help news stuff thing things issue issues ' +
    'problem problems asap read action required needed need please catch status misc miscellaneous few couple something note notice ' +
    'it another again re fw fwd email message hello attention quickie query thoughts idea ideas favour favor ' +
    'newsletter bulletin digest roundup round-up weekly monthly quarterly notes summary memo news briefing catch-up'
  ).split(' '),
);

const PREFIX = /^\s*(?:(?:re|fw|fwd|aw|sv)\s*(?:\[\d+\])?\s*:\s*)+/i;
const ACTION_WORDS = /\b(?:approve|approval|confirm|sign|send|reply|choose|pick|decide|decision|review|complete|install|set\s+up|book|register|return|submit|needed|need|due|deadline|by|before|action|required|volunteers?|input|vote|rsvp)\b/i;

export function checkSubject(email: Email, f: Features = {}): CheckResult {
  const raw = email.subject;
  const subject = maskNoise(raw.length > 1000 ? raw.slice(0, 1000) : raw);
  const trimmed = subject.trim();
  const whole = { start: 0, end: raw.length > 1000 ? 1000 : raw.length };
  if (trimmed.length === 0) {
    f['empty'] = 1;
    return checkResult('subject', false, 0, 'Your email has no subject line. In a busy inbox, the subject decides whether it gets opened at all.', [
      finding('subject', { start: 0, end: 0 }, 'The subject is empty.', 'Name the topic and what you need, e.g. “Approve laptop budget by Fri 14 June”.'),
    ]);
  }

  const prefix = PREFIX.exec(subject);
  const coreStart = prefix ? prefix[0].length : 0;
  const core = subject.slice(coreStart);
  const coreWords = words(core, coreStart);
  const content = coreWords.filter((w) => {
    const lower = w.text.toLowerCase();
    return !VAGUE_WORDS.has(lower) && !STOPWORDS.has(lower) && !/^\d+$/.test(lower);
  });
  // Numbers in dates and times ("01:00–03:00") don't make a subject feel long.
  const n = coreWords.filter((w) => !/^\d+$/.test(w.text)).length;
  const findings: Finding[] = [];
  let score = 1;
  let failed = false;
  const reasons: string[] = [];

  // Specific enough: two words on the topic, or one with a date or an action ("Coffee on Tue 11 June?").
  const anchored = ACTION_WORDS.test(core) || findTimeFrames(core).length > 0;
  if (content.length < 2 && !(content.length === 1 && anchored)) {
    failed = true;
    score -= 0.6;
    reasons.push(`“${excerpt(raw, whole)}” doesn't say what the email is about`);
    findings.push(
      finding('subject', whole, 'This subject is too vague to tell the reader what the email is about or why to open it.', 'Name the topic and the action, e.g. “Approve Q3 laptop budget by Fri 14 June”.'),
    );
  }

  const letters = core.replace(/[^\p{L}]/gu, '');
  const capsWords = coreWords.filter((w) => isAllCaps(w.text) && w.text.replace(/[^\p{L}]/gu, '').length >= 2);
  const shouting = findShouting(core, coreStart);
  if ((letters.length >= 6 && isAllCaps(letters) && coreWords.length >= 2) || (capsWords.length >= 3 && shouting.length > 0)) {
    f['capitals'] = 1;
    failed = true;
    score -= 0.4;
    reasons.push('it is written in capitals, which reads as shouting');
    findings.push(finding('subject', whole, 'A subject in capitals reads as shouting and looks like spam.', 'Use sentence case: “Budget forecasts due Friday 14 June”.'));
  }

  for (const m of allMatches(/[!?]{2,}/g, subject)) {
    f['alarm'] = 1;
    failed = true;
    score -= 0.3;
    reasons.push('repeated “!” or “?” adds alarm, not information');
    findings.push(finding('subject', { start: m.index, end: m.index + m[0].length }, 'Repeated punctuation adds alarm, not information.', 'Remove it and say what is needed and by when.'));
    break;
  }

  if (n > 12) {
    f['tooLong'] = 1;
    failed = true;
    score -= 0.4;
    reasons.push(`at ${n} words it will be cut off in most inboxes`);
    findings.push(finding('subject', whole, `This subject is ${n} words long; most inboxes show only the first 6–10.`, 'Keep it to about 10 words: the topic, the action and the date.'));
  } else if (n > 10) {
    score -= 0.15;
  }

  // Where the reader must act, a strong subject names the action or the deadline.
  // An announcement with a dated request ("book your slot by Friday") asks the reader to act too.
  const datedAsk = email.sentences.some((s) => s.ask !== null && s.ask !== 'conditional' && s.timeFrames.length > 0);
  const needsAction = email.kind === 'request' || email.kind === 'follow-up' || (email.kind === 'announcement' && datedAsk);
  f['contentWords'] = Math.min(content.length, 4);
  f['anchored'] = anchored ? 1 : 0;
  f['needsAction'] = needsAction ? 1 : 0;
  f['topicOnly'] = needsAction && !anchored ? 1 : 0;
  f['words'] = Math.min(n, 20) / 10;
  f['reply'] = prefix ? 1 : 0;
  f['shouting'] = capsWords.length > 0 || shouting.length > 0 ? 1 : 0;
  // Contract v2: where the reader must act, a topic-only subject fails.
  if (!failed && needsAction && !anchored) {
    failed = true;
    score -= 0.3;
    reasons.push('it names the topic but not what you need or by when');
    findings.push(
      finding('subject', whole, 'The subject names the topic but not what you need or by when.', 'Add the action or the deadline, e.g. “… – please confirm by Wed 19 June”.'),
    );
  }

  if (failed) {
    return checkResult('subject', false, Math.min(score, 0.45), `Your subject line needs work: ${reasons.join('; ')}. The subject is what decides whether the email is opened.`, findings);
  }
  const message =
    findings.length > 0
      ? 'Your subject names the topic. Adding the action or deadline would make it even easier to act on.'
      : 'Your subject line is specific: the reader knows what the email is about before opening it.';
  return checkResult('subject', true, score, message, findings);
}
