/**
 * The email as the checks see it: parts, sentences, asks and time frames, worked out once.
 */
import { classifyAsk, saysNoActionNeeded, type AskKind } from './asks.ts';
import { parseParts, type EmailParts } from './parts.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { MAX_ANALYZED_LENGTH, maskNoise, type Span } from './text.ts';
import { findTimeFrames, findVagueTimes, type TimeFrame } from './time-frames.ts';
import { findTopicShifts, type TopicReading } from './topics.ts';
import type { Audience, EmailContext, EmailKind } from './types.ts';

/** Dates are read in the first sentences only, so a huge paste stays fast. */
const MAX_DATED_SENTENCES = 400;

export interface AnalyzedSentence extends Sentence {
  /** Position among the writer's own sentences (main text first, then postscripts). */
  index: number;
  ask: AskKind | null;
  noActionNeeded: boolean;
  timeFrames: TimeFrame[];
  vagueTimes: TimeFrame[];
}

export interface Email {
  subject: string;
  body: string;
  /** The body with noise masked (same length as `body`, or cut at MAX_ANALYZED_LENGTH). */
  text: string;
  truncated: boolean;
  parts: EmailParts;
  paragraphs: Span[];
  sentences: AnalyzedSentence[];
  kind: EmailKind | null;
  kindGiven: boolean;
  audience: Audience;
  topics: TopicReading;
  /** Sentences that belong to a second, unrelated topic. */
  offTopic: ReadonlySet<number>;
}

const FOLLOW_UP_SIGNS =
  /\b(?:follow(?:ing)?[\s-]up|bump(?:ing)?|chasing|circling\s+back|checking\s+in|any\s+update|haven'?t\s+heard|reminder|per\s+my\s+last|my\s+(?:last|earlier|previous)\s+(?:email|message|note)|picking\s+up\s+my|(?:second|third|fourth)\s+(?:email|reminder))\b/i;

/** Whether the email visibly follows up an earlier one, when no kind is given. */
export function looksLikeFollowUp(subject: string, firstSentences: string): boolean {
  return FOLLOW_UP_SIGNS.test(subject) || FOLLOW_UP_SIGNS.test(firstSentences);
}

export function readEmail(subject: string, body: string, context: EmailContext | undefined): Email {
  const truncated = body.length > MAX_ANALYZED_LENGTH;
  const text = maskNoise(truncated ? body.slice(0, MAX_ANALYZED_LENGTH) : body);
  const parts = parseParts(text);
  const { paragraphs, sentences } = splitSentences(text, [
    { span: parts.main, region: 'main' },
    ...parts.postscripts.map((span) => ({ span, region: 'postscript' as const })),
  ]);
  const asks = sentences.map((s) => classifyAsk(s.text));
  const analyzed: AnalyzedSentence[] = sentences.map((s, index) => {
    // Time frames matter for asks and for the sentence an ask points back to ("before then").
    const needsTime = index < MAX_DATED_SENTENCES && (asks[index] !== null || asks[index + 1] != null);
    return {
      ...s,
      index,
      ask: asks[index] ?? null,
      noActionNeeded: saysNoActionNeeded(s.text),
      timeFrames: needsTime ? findTimeFrames(s.text, s.start) : [],
      vagueTimes: findVagueTimes(s.text, s.start),
    };
  });
  const opening = analyzed
    .slice(0, 2)
    .map((s) => s.text)
    .join(' ');
  const kindGiven = context?.kind !== undefined;
  const kind = context?.kind ?? (looksLikeFollowUp(subject, opening) ? 'follow-up' : null);
  const topics = findTopicShifts(subject, text, analyzed);
  const offTopic = new Set(topics.shifts.flatMap((shift) => shift.sentences));
  return {
    subject,
    body,
    text,
    truncated,
    parts,
    paragraphs,
    sentences: analyzed,
    kind,
    kindGiven,
    audience: context?.audience ?? 'non-technical',
    topics,
    offTopic,
  };
}

/** Sentences of the writer's main text (not postscripts), in order. */
export function mainSentences(email: Email): AnalyzedSentence[] {
  return email.sentences.filter((s) => s.region === 'main');
}

/** The writer's sentences that are on the email's main topic. */
export function onTopicSentences(email: Email): AnalyzedSentence[] {
  return email.sentences.filter((s) => !email.offTopic.has(s.index));
}
