/**
 * `clear-ask`: where the reader must act, the email says exactly what and by when. An FYI email
 * that says no action is needed passes.
 */
import { onTopicSentences, type AnalyzedSentence, type Email } from '../email.ts';
import { excerpt } from '../text.ts';
import type { CheckResult, Finding } from '../types.ts';
import { checkResult, finding, type Features } from './result.ts';

const STANDING = /^\s*(?:going\s+forward|from\s+now\s+on|in\s+(?:the\s+)?future|from\s+(?:today|tomorrow|now)|starting\s+(?:today|now))\b|\b(?:always|every\s+time|each\s+time|whenever\s+you)\b/i;

/** More open-ended asks than this, none with a time frame, compete with each other. */
const COMPETING_ASKS = 3;

export interface AskReading {
  asks: AnalyzedSentence[];
  /** Asks with a concrete time frame (or pointing at one: "before then"). */
  timed: AnalyzedSentence[];
  vague: AnalyzedSentence[];
  noAction: AnalyzedSentence[];
}

export function readAsks(email: Email): AskReading {
  const sentences = onTopicSentences(email);
  const asks: AnalyzedSentence[] = [];
  const timed: AnalyzedSentence[] = [];
  const vague: AnalyzedSentence[] = [];
  const noAction: AnalyzedSentence[] = [];
  for (let i = 0; i < sentences.length; i += 1) {
    const s = sentences[i];
    if (!s) continue;
    if (s.noActionNeeded) {
      noAction.push(s);
      continue;
    }
    if (!s.ask || s.ask === 'conditional') continue;
    // "No smartphone? Reply to this email…": an instruction for some readers only.
    const before = sentences[i - 1];
    if (before && before.ask === null && /^\s*\S+(?:\s+\S+){0,2}\?\s*$/.test(before.text)) continue;
    if (s.ask === 'vague') {
      vague.push(s);
      continue;
    }
    asks.push(s);
    const prev = sentences[i - 1];
    const next = sentences[i + 1];
    const prevDated = prev !== undefined && prev.timeFrames.length > 0;
    // "…before then", or an instruction for an event dated just before ("When the alarm sounds…").
    const pointsBack = prevDated && (/\b(?:by|before|until)\s+then\b/i.test(s.text) || /^\s*(?:when|once|on\s+the\s+day|during|after\s+that|then)\b/i.test(s.text));
    // "We still need the signed form. If it reaches me by Wednesday…": the date follows.
    const pointsAhead = next !== undefined && next.ask === 'conditional' && next.timeFrames.length > 0 && /^\s*if\s+(?:it|they|this|these|that|you)\b/i.test(next.text);
    // "Going forward, please…" / "always…": a standing instruction is its own time frame.
    const standing = STANDING.test(s.text);
    if (s.timeFrames.length > 0 || pointsBack || pointsAhead || standing) timed.push(s);
    else if (s.vagueTimes.length > 0) vague.push(s);
  }
  return { asks, timed, vague, noAction };
}

export function checkClearAsk(email: Email, f: Features = {}): CheckResult {
  const { asks, timed, vague, noAction } = readAsks(email);
  const needsAction = email.kind === 'request' || email.kind === 'follow-up';
  f['asks'] = Math.min(asks.length, 5);
  f['timed'] = Math.min(timed.length, 3);
  f['untimed'] = Math.min(asks.filter((a) => !timed.includes(a) && a.ask !== 'question' && !a.listItem).length, 4);
  f['vague'] = Math.min(vague.length, 3);
  f['noAction'] = noAction.length > 0 ? 1 : 0;
  f['needsAction'] = needsAction ? 1 : 0;
  f['kindGiven'] = email.kindGiven ? 1 : 0;
  f['questions'] = Math.min(email.sentences.filter((s) => /\?\s*$/.test(s.text)).length, 4);
  f['datedSentences'] = Math.min(email.sentences.filter((s) => s.timeFrames.length > 0).length, 3);
  f['vagueTimes'] = Math.min(email.sentences.reduce((n, s) => n + s.vagueTimes.length, 0), 3);

  if (noAction.length > 0 && timed.length === 0 && asks.length === 0) {
    return checkResult('clear-ask', true, 1, 'You say clearly that no action is needed, so the reader can read it and move on.');
  }
  if (timed.length > 0) {
    const untimed = asks.filter((a) => !timed.includes(a) && a.ask !== 'question' && !a.listItem);
    const findings: Finding[] = untimed.slice(0, 3).map((a) =>
      finding('body', a, 'This request has no time frame of its own.', 'Say by when, or fold it into your main request.'),
    );
    if (untimed.length >= COMPETING_ASKS) {
      return checkResult(
        'clear-ask',
        false,
        0.4,
        `You make ${asks.length} separate requests; readers tend to answer one and miss the rest. Lead with the one that matters and give it a date.`,
        findings,
      );
    }
    const first = timed[0];
    const score = vague.length > 0 || untimed.length > 0 ? 0.85 : 1;
    return checkResult(
      'clear-ask',
      true,
      score,
      first ? `Your request is clear and has a time frame: “${excerpt(email.body, first, 50)}”.` : 'Your request is clear and has a time frame.',
      findings,
    );
  }

  const findings: Finding[] = [];
  for (const v of vague.slice(0, 3)) {
    const vt = v.vagueTimes[0];
    findings.push(
      finding(
        'body',
        vt ?? v,
        vt ? `“${vt.text}” is not a time frame: the reader can't tell when you need this.` : 'This is an open-ended ask: it doesn\'t say exactly what you need.',
        'Say exactly what you need and by when, e.g. “Could you approve this by Friday 14 June?”',
      ),
    );
  }
  for (const a of asks.slice(0, 3)) {
    findings.push(finding('body', a, 'This request has no deadline or time frame.', 'Add a date or day: “… by Thursday 20 June?”'));
  }

  if (asks.length === 0 && vague.length === 0) {
    if (!needsAction) {
      return checkResult(
        'clear-ask',
        true,
        0.75,
        'This reads as information only. If nothing is needed from the reader, say so (“No action needed”) so they can file it.',
      );
    }
    const anchor = email.sentences[0];
    return checkResult(
      'clear-ask',
      false,
      0.1,
      'The reader must do something, but the email never says what or by when. State your request and a date.',
      anchor ? [finding('body', anchor, 'No request is stated anywhere in the email.', 'Add one sentence: what you need, from whom, by when.')] : [],
    );
  }
  const many = asks.length + vague.length >= COMPETING_ASKS + 1;
  const message = many
    ? `You ask for ${asks.length + vague.length} different things and give no date for any of them; readers answer one and miss the rest. Pick the main request and say by when.`
    : asks.length > 0
      ? 'Your request has no time frame, so it is easy to put off. Add a date or day: “… by Friday 14 June”.'
      : `Your ask is open-ended (“${excerpt(email.body, vague[0]?.vagueTimes[0] ?? vague[0] ?? { start: 0, end: 0 }, 40)}”): say exactly what you need and by when.`;
  return checkResult('clear-ask', false, asks.length > 0 ? 0.4 : 0.25, message, findings);
}
